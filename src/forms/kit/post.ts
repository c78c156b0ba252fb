/**
 * A form's POST, the same for every form: read the body (form or JSON),
 * check it with the form's definition, hand good answers to `submit` (which
 * returns only once the queue holds the message), and answer the way the
 * client asked: a 303 to the confirmation page or the page again with errors
 * for a browser's plain POST, JSON for the enhancer and other JSON clients.
 * Bad input is always a 4xx, never a 500.
 */
import { errorFields, formLog } from '../../http/log.ts';
import type { FormAnswers, FormDefinition } from './browser/form.ts';
import { validate, type FieldError } from './browser/validate.ts';
import { single, type RawValues } from './browser/values.ts';
import { decoyReference, honeypotFilled } from './honeypot.ts';
import { readBody } from './read-body.ts';
import { readToken, newToken } from './token.ts';

export interface Submission<TData> {
  data: TData;
  /** The token from the form, or a fresh one for a client that sent none. */
  token: string;
}

export interface Submitted {
  reference: string;
  /** Where the person goes next: a URL with no personal data in it. */
  confirmation: string;
}

type PostOutcome<TData = unknown, THold extends string = never> =
  /** Send this as it is: a redirect, or any JSON reply. */
  | { kind: 'response'; response: Response }
  /**
   * Good answers that `options.hold` stopped before sending: show the page
   * it names (check your answers, or why the answers cannot be sent), status
   * 200, with the checked answers and every raw answer to carry on.
   */
  | ([THold] extends [never]
      ? never
      : { kind: 'hold'; status: 200; hold: THold; data: TData; values: RawValues; token: string })
  /** Show the form again, status 422, with the errors and every answer kept. */
  | { kind: 'invalid'; status: 422; errors: Record<string, string>; list: FieldError[]; values: RawValues }
  /**
   * Show the form again (or a short page) with this message: the body could
   * not be read (400, 413) or the message could not be queued (503; the
   * answers are kept, with the checked ones in `data`, and nothing was sent).
   */
  | { kind: 'problem'; status: 400 | 413 | 415 | 503; message: string; values: RawValues; data?: TData };

/** Headers for every form response: nothing personal is cached anywhere. */
export const NO_STORE = { 'Cache-Control': 'no-store' } as const;

const NOT_SENT = 'Your answers have not been sent. Try again in a few minutes.';

interface FormPostOptions<TData = never, THold extends string = never> {
  /**
   * The confirmation address a real submission with this reference would get
   * (the same as `submit` returns). A post that fills the honeypot is sent
   * there with a decoy reference, and nothing is queued. Without it, the
   * decoy goes to `<form path>/sent?ref=<reference>`.
   */
  decoy?: (reference: string) => string;
  /**
   * For a form with a check-your-answers page: called with good answers
   * before `submit`. Return the name of a page to show instead of sending
   * (the outcome is `hold`, status 200; JSON clients get 409 `{ hold }`), or
   * undefined to send. Forms in steps hold with `holdUntilConfirmed`.
   */
  hold?: (data: TData, values: RawValues) => THold | undefined;
}

export async function handleFormPost<TForm extends FormDefinition, THold extends string = never>(
  request: Request,
  form: TForm,
  submit: (submission: Submission<FormAnswers<TForm>>) => Promise<Submitted>,
  options: FormPostOptions<FormAnswers<TForm>, THold> = {},
): Promise<PostOutcome<FormAnswers<TForm>, THold>> {
  const body = await readBody(request);
  const json = wantsJson(request);
  if (!body.ok) {
    if (json || body.status === 415)
      return { kind: 'response', response: jsonReply(body.status, { error: body.message }) };
    return { kind: 'problem', status: body.status, message: body.message, values: {} };
  }

  if (honeypotFilled(body.values)) {
    // A robot: answered exactly like a success, whatever else it sent, and nothing is queued.
    formLog.info({ form: form.id, event: 'honeypot' }, 'honeypot filled: answered as sent, nothing queued');
    const reference = decoyReference();
    const confirmation = options.decoy?.(reference) ?? `${new URL(request.url).pathname}/sent?ref=${reference}`;
    return { kind: 'response', response: success({ reference, confirmation }, json) };
  }

  const result = validate(form, body.values);
  if (!result.ok) {
    if (json) return { kind: 'response', response: jsonReply(422, { errors: result.list }) };
    return { kind: 'invalid', status: 422, errors: result.errors, list: result.list, values: result.values };
  }

  const token = readToken(body.values) ?? newToken();
  const hold = options.hold?.(result.data, body.values);
  if (hold !== undefined) {
    if (json) return { kind: 'response', response: jsonReply(409, { hold }) };
    return { kind: 'hold', status: 200, hold, data: result.data, values: body.values, token } as PostOutcome<
      FormAnswers<TForm>,
      THold
    >;
  }

  let submitted: Submitted;
  try {
    submitted = await submit({ data: result.data, token });
  } catch (error) {
    // The error's name, code and place only: its message could quote an answer.
    formLog.error({ form: form.id, event: 'not-queued', ...errorFields(error) }, 'could not queue a message');
    if (json) return { kind: 'response', response: jsonReply(503, { error: NOT_SENT }) };
    return { kind: 'problem', status: 503, message: NOT_SENT, values: body.values, data: result.data };
  }

  return { kind: 'response', response: success(submitted, json) };
}

/**
 * The `hold` of a form in steps: every good plain POST shows "Check your
 * answers" until the person presses the send button there (`confirm=yes`).
 * A Change button on that page (`change=<question>`) goes back to the form;
 * answers the definition stops (nobody agrees) show its stop view, never sent.
 */
export function holdUntilConfirmed<TForm extends FormDefinition>(
  form: TForm,
): (answers: Partial<FormAnswers<TForm>>, raw: RawValues) => string | undefined {
  return (answers, raw) => {
    if (single(raw['change']) !== undefined) return 'change';
    const stop = form.stop?.(answers);
    if (stop) return stop;
    return single(raw['confirm']) === 'yes' ? undefined : 'check';
  };
}

/** 201 with the reference for JSON clients; 303 to the confirmation page for a browser's form post. */
function success(submitted: Submitted, json: boolean): Response {
  if (json) return jsonReply(201, submitted);
  return new Response(null, { status: 303, headers: { ...NO_STORE, Location: submitted.confirmation } });
}

/** The enhancer and API clients ask for JSON (or send it); a browser's own form POST asks for HTML. */
function wantsJson(request: Request): boolean {
  const accept = request.headers.get('accept') ?? '';
  if (accept.includes('application/json')) return true;
  const sentJson = /^application\/json\b/i.test(request.headers.get('content-type') ?? '');
  return sentJson && !accept.includes('text/html');
}

function jsonReply(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { ...NO_STORE, 'Content-Type': 'application/json; charset=utf-8' },
  });
}
