/**
 * A form's POST, the same for every form: read the body (form or JSON),
 * check it with the form's definition, hand good answers to `submit` (which
 * returns only once the queue holds the message), and answer the way the
 * client asked: a 303 to the confirmation page or the page again with errors
 * for a browser's plain POST, JSON for the enhancer and other JSON clients.
 * Bad input is always a 4xx, never a 500.
 */
import { readBody } from './read-body.ts';
import { readToken, newToken } from './token.ts';
import type { FormAnswers, FormDefinition } from './form.ts';
import { validate, type FieldError } from './validate.ts';
import type { RawValues } from './values.ts';

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

export type PostOutcome =
  /** Send this as it is: a redirect, or any JSON reply. */
  | { kind: 'response'; response: Response }
  /** Show the form again, status 422, with the errors and every answer kept. */
  | { kind: 'invalid'; status: 422; errors: Record<string, string>; list: FieldError[]; values: RawValues }
  /**
   * Show the form again (or a short page) with this message: the body could
   * not be read (400, 413) or the message could not be queued (503; the
   * answers are kept, nothing was sent).
   */
  | { kind: 'problem'; status: 400 | 413 | 415 | 503; message: string; values: RawValues };

/** Headers for every form response: nothing personal is cached anywhere. */
export const NO_STORE = { 'Cache-Control': 'no-store' } as const;

export const NOT_SENT = 'Your answers have not been sent. Try again in a few minutes.';

export async function handleFormPost<TForm extends FormDefinition>(
  request: Request,
  form: TForm,
  submit: (submission: Submission<FormAnswers<TForm>>) => Promise<Submitted>,
): Promise<PostOutcome> {
  const body = await readBody(request);
  const json = wantsJson(request);
  if (!body.ok) {
    if (json || body.status === 415) return { kind: 'response', response: jsonReply(body.status, { error: body.message }) };
    return { kind: 'problem', status: body.status, message: body.message, values: {} };
  }

  const result = validate(form, body.values);
  if (!result.ok) {
    if (json) return { kind: 'response', response: jsonReply(422, { errors: result.list }) };
    return { kind: 'invalid', status: 422, errors: result.errors, list: result.list, values: result.values };
  }

  let submitted: Submitted;
  try {
    submitted = await submit({ data: result.data, token: readToken(body.values) ?? newToken() });
  } catch (error) {
    // Names only: never the answers.
    console.error(`The ${form.id} form could not queue a message: ${(error as Error)?.name ?? 'Error'}: ${(error as Error)?.message ?? ''}`);
    if (json) return { kind: 'response', response: jsonReply(503, { error: NOT_SENT }) };
    return { kind: 'problem', status: 503, message: NOT_SENT, values: body.values };
  }

  if (json) return { kind: 'response', response: jsonReply(201, submitted) };
  return {
    kind: 'response',
    response: new Response(null, { status: 303, headers: { ...NO_STORE, Location: submitted.confirmation } }),
  };
}

/** The enhancer and API clients ask for JSON (or send it); a browser's own form POST asks for HTML. */
export function wantsJson(request: Request): boolean {
  const accept = request.headers.get('accept') ?? '';
  if (accept.includes('application/json')) return true;
  const sentJson = /^application\/json\b/i.test(request.headers.get('content-type') ?? '');
  return sentJson && !accept.includes('text/html');
}

export function jsonReply(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { ...NO_STORE, 'Content-Type': 'application/json; charset=utf-8' },
  });
}
