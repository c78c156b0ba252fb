/**
 * What a form folder gives the kit (server-only): where the form lives,
 * which areas offer it, its definition for this area and day, and the
 * team's email. The kit does the rest: the page's methods and replies
 * (page.ts), checking and holding a POST (post.ts), sending (submit.ts) and
 * the confirmation page.
 */
import type { ReplyKind } from '../../area/reply.ts';
import type { Area, ReplyPromise } from '../../area/schema.ts';
import type { IsoDate } from '../../time/london.ts';
import type { FormAnswers, FormDefinition } from './browser/form.ts';
import type { RenderedEmail } from './email.ts';
import type { StepWords } from './fields.ts';

export interface Form<TDefinition extends FormDefinition = FormDefinition> {
  /** The form page's address, such as "/refer"; its confirmation page is "/refer/sent". */
  path: string;
  /** Whether the area offers the form. Where it does not, the page says so and a POST is 404. */
  offered: (area: Area) => boolean;
  /**
   * The way of asking this form is, in the area's reply promises
   * (`area.reply`): its reply-by date follows that route's promise, and a
   * `call` or a `reply` is promised.
   */
  reply: { route: ReplyRoute; kind: ReplyKind };
  /** The definition for this area on this London day: the page gives the browser the same settings. */
  definition: (area: Area, today: IsoDate) => TDefinition;
  /** The team's email, built once delivery has given the reference. */
  email(message: Received<FormAnswers<TDefinition>>, area: Area): RenderedEmail;
  /** The form page's words (components/FormPage.astro). */
  page: PageWords;
  /** The confirmation page's words (components/ConfirmationPage.astro). */
  confirmation: ConfirmationWords;
}

/** A way of asking that an area may promise a reply time for (src/area/schema.ts, `reply`). */
export type ReplyRoute = keyof Area['reply'];

/** The area's reply promise for this form's way of asking, if it makes one. */
export function replyPromise(form: Pick<Form, 'reply'>, area: Area): ReplyPromise | undefined {
  return area.reply[form.reply.route];
}

interface PageWords {
  /** Each view's heading and picture: `form`, and for a form in steps `check` and the views it stops at. */
  views: { readonly form: View; readonly [view: string]: View };
  description: string;
  /** What an area that does not offer the form does not offer: "ask for a call" ("In Essex, you cannot ask for a call on this website."). */
  cannot: string;
  /** The sentence before the link to the other ways to ask. */
  otherWays: string;
  /** A form in steps: each step's heading and picture, by its id. */
  steps?: Readonly<Record<string, StepWords>>;
}

interface View {
  title: string;
  picture: string;
}

export interface ConfirmationWords {
  title: string;
  description: string;
  /** What went to the team: "your request" ("We have sent your request to the … DSR team."). */
  sent: string;
  /** Who replies, and how: "Someone from the team will call you" (… by <date>, within 2 working days, as soon as they can). */
  reply: string;
  /** How they will contact the person, for the "While you wait" card: "They will phone the number you gave." */
  how: string;
  /** How to keep a record: "Keep your reference number. …". */
  keep: string;
  /** Where to read more about what happens next. */
  more?: { href: string; text: string };
  /** Show the area's own steps after a request (components/blocks/Process.astro). */
  process?: boolean;
  /** The words before the crisis lines under "If things get worse". */
  worse: string;
}

/** A submission delivery is taking: what every form's email is made from. */
export interface Received<TAnswers> {
  reference: string;
  answers: TAnswers;
  receivedAt: Date;
  /** Undefined when the area promises no reply time. */
  replyBy: IsoDate | undefined;
  replyWorkingDays: number | undefined;
  /** True when the reply time is this website's own promise, not one from the area's source. */
  replyPromiseIsOwn?: boolean;
  areaName: string;
}
