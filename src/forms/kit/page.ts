/**
 * The page controllers every form page and confirmation page run first, in
 * their frontmatter. They answer what is the same for every form: the
 * methods (GET, HEAD, POST; anything else 405 with Allow), 404 where the area
 * does not offer the form, `Cache-Control: no-store` on every reply, and the
 * outcome of a POST (see post.ts). A page returns the Response when it gets
 * one, and otherwise renders the state it gets.
 */
import type { AstroGlobal } from 'astro';
import { currentArea } from '../../area/current.ts';
import type { ReplyKind } from '../../area/reply.ts';
import type { Area, ReplyPromise } from '../../area/schema.ts';
import { now } from '../../time/clock.ts';
import { londonDate, type IsoDate } from '../../time/london.ts';
import type { FormAnswers, FormDefinition } from './browser/form.ts';
import type { FieldError } from './browser/validate.ts';
import { single, type RawValues } from './browser/values.ts';
import { confirmationUrl, readConfirmation, type Confirmation } from './confirmation.ts';
import { replyPromise, type Form } from './form.ts';
import { handleFormPost, holdUntilConfirmed, NO_STORE } from './post.ts';
import { replyByDate } from './reply-by.ts';
import { submitForm } from './submit.ts';
import { newToken, readToken } from './token.ts';

export interface FormPageState<TDefinition extends FormDefinition = FormDefinition> {
  form: Form<TDefinition>;
  area: Area;
  offered: boolean;
  /** The definition for this request; the page gives the browser the same settings. */
  definition: TDefinition;
  /** The London day of the request: the day age and consent are decided on. */
  today: IsoDate;
  /** "form", "check" (check your answers) or a view the definition stops at. */
  view: string;
  /** Every answer as sent, to show again (empty on a GET). */
  values: RawValues;
  /** Question → message, and the same as a list in question order for the summary. */
  errors: Record<string, string>;
  list: FieldError[];
  /** A problem that is not about one answer ("Your answers have not been sent"). */
  problem: string | undefined;
  /** The checked answers, on the check page and a stop view. */
  data: FormAnswers<TDefinition> | undefined;
  /** The question a Change button on the check page asked for: it takes focus. */
  focus: string | undefined;
  /** The one-time token: fresh on a GET, the same one after errors and through the check page. */
  token: string;
}

const METHODS = ['GET', 'HEAD', 'POST'];

export async function formPage<TDefinition extends FormDefinition>(
  astro: AstroGlobal,
  form: Form<TDefinition>,
): Promise<Response | FormPageState<TDefinition>> {
  const area = await currentArea();
  const offered = form.offered(area);
  astro.response.headers.set('Cache-Control', NO_STORE['Cache-Control']);
  const method = astro.request.method;
  if (!METHODS.includes(method)) {
    return new Response(null, {
      status: 405,
      headers: { ...NO_STORE, Allow: offered ? 'GET, HEAD, POST' : 'GET, HEAD' },
    });
  }
  if (method === 'POST' && !offered) return astro.rewrite('/404');

  const today = londonDate(now());
  const definition = form.definition(area, today);
  const state: FormPageState<TDefinition> = {
    form,
    area,
    offered,
    definition,
    today,
    view: 'form',
    values: {},
    errors: {},
    list: [],
    problem: undefined,
    data: undefined,
    focus: undefined,
    token: '',
  };
  if (method !== 'POST') return { ...state, token: newToken() };

  const outcome = await handleFormPost(astro.request, definition, (submission) => submitForm(form, area, submission), {
    // A filled honeypot gets the confirmation a real message would get, with a reference nobody holds.
    decoy: (reference) =>
      confirmationUrl(form.path, reference, replyByDate(now(), replyPromise(form, area)?.workingDays)),
    ...(definition.steps ? { hold: holdUntilConfirmed(definition) } : {}),
  });
  if (outcome.kind === 'response') return outcome.response;
  astro.response.status = outcome.status;
  state.values = outcome.values;
  if (outcome.kind === 'invalid') {
    state.errors = outcome.errors;
    state.list = outcome.list;
  } else if (outcome.kind === 'problem') {
    state.problem = outcome.message;
    // Not sent from the check page: the check page again, to send again with the same token.
    if (definition.steps && outcome.data) {
      state.view = 'check';
      state.data = outcome.data;
    }
  } else {
    state.data = outcome.data;
    state.token = outcome.token;
    if (outcome.hold === 'change') {
      const wanted = single(state.values['change']) ?? '';
      state.focus = Object.hasOwn(definition.fields, wanted) ? wanted : undefined;
    } else state.view = outcome.hold;
  }
  // The same token after errors and through the check page: nothing was queued, and a retry stays one message.
  state.token ||= readToken(state.values) ?? newToken();
  return state;
}

export interface ConfirmationPageState extends Confirmation {
  area: Area;
  /** The form's address: its confirmation page and card are under it. */
  path: string;
  /** The area's reply promise for this form's way of asking, if it makes one. */
  promise: ReplyPromise | undefined;
  /** What the person gets: a call, or a reply. */
  kind: ReplyKind;
}

/**
 * A confirmation page (`<form's path>/sent`) or its card to print
 * (`<form's path>/while-you-wait`): 404 unless the area offers the
 * form and the address holds a real reference; the reply-by date counts only
 * where the area promises one.
 */
export async function confirmationPage(
  astro: AstroGlobal,
  form: Pick<Form, 'path' | 'offered' | 'reply'>,
): Promise<Response | ConfirmationPageState> {
  const area = await currentArea();
  const confirmation = form.offered(area) ? readConfirmation(astro.url.searchParams, now()) : undefined;
  if (!confirmation) return astro.rewrite('/404');
  astro.response.headers.set('Cache-Control', NO_STORE['Cache-Control']);
  const promise = replyPromise(form, area);
  const replyBy = promise ? confirmation.replyBy : undefined;
  return { area, path: form.path, reference: confirmation.reference, replyBy, promise, kind: form.reply.kind };
}
