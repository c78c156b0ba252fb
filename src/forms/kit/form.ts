/**
 * What a form folder gives the kit (server-only): where the form lives,
 * which areas offer it, its definition for this area and day, and the
 * team's email. The kit does the rest: the page's methods and replies
 * (page.ts), checking and holding a POST (post.ts), sending (submit.ts) and
 * the confirmation page.
 */
import type { Area } from '../../area/schema.ts';
import type { IsoDate } from '../../time/london.ts';
import type { FormAnswers, FormDefinition } from './browser/form.ts';
import type { RenderedEmail } from './email.ts';

export interface Form<TDefinition extends FormDefinition = FormDefinition> {
  /** The form page's address, such as "/refer"; its confirmation page is "/refer/sent". */
  path: string;
  /** Whether the area offers the form. Where it does not, the page says so and a POST is 404. */
  offered: (area: Area) => boolean;
  /** The definition for this area on this London day: the page gives the browser the same settings. */
  definition: (area: Area, today: IsoDate) => TDefinition;
  /** The team's email, built once delivery has given the reference. */
  email(message: Received<FormAnswers<TDefinition>>, area: Area): RenderedEmail;
}

/** A submission delivery is taking: what every form's email is made from. */
export interface Received<TAnswers> {
  reference: string;
  answers: TAnswers;
  receivedAt: Date;
  /** Undefined when the area promises no reply time. */
  replyBy: IsoDate | undefined;
  replyWorkingDays: number | undefined;
  areaName: string;
}
