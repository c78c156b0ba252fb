/**
 * Reads a form POST: `application/x-www-form-urlencoded` (a browser's plain
 * form, or the enhancer's fetch) or `application/json`. Never throws for bad
 * input: an unknown type is 415, a body over the limit is 413 (whether this
 * reader or the Node adapter's own cap notices first), so are more names or
 * answers than any form has, and broken JSON is 400.
 */
import { BODY_LIMIT } from '../../http/body-limit.ts';
import { valuesFromEntries, valuesFromJson, type RawValues } from './values.ts';

/** Different names in one post: far more than any of our forms has. */
export const FIELD_LIMIT = 100;
/** Answers in one post, counting each ticked box and each item of a JSON list. */
export const VALUE_LIMIT = 300;

export type BodyResult =
  { ok: true; values: RawValues; json: boolean } | { ok: false; status: 400 | 413 | 415; message: string };

const TOO_LARGE = {
  ok: false,
  status: 413,
  message: 'Your answers were too long to send. Write shorter answers, then send them again.',
} as const;
const TOO_MANY = {
  ok: false,
  status: 413,
  message: 'The form sent more answers than we can read. Go back to the form, then send it again.',
} as const;

function tooMany(names: number, values: number): boolean {
  return names > FIELD_LIMIT || values > VALUE_LIMIT;
}

export async function readBody(request: Request, limit = BODY_LIMIT): Promise<BodyResult> {
  const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  const json = type === 'application/json';
  if (!json && type !== 'application/x-www-form-urlencoded') {
    return {
      ok: false,
      status: 415,
      message: 'Send the answers as application/x-www-form-urlencoded or application/json.',
    };
  }
  const declared = Number(request.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > limit) return TOO_LARGE;

  let text: string;
  try {
    const read = await readLimited(request, limit);
    if (read === undefined) return TOO_LARGE;
    text = read;
  } catch (error) {
    // The adapter's cap aborts the stream with "Body size limit exceeded".
    if (/size limit|too large/i.test(String((error as Error)?.message))) return TOO_LARGE;
    return { ok: false, status: 400, message: 'The answers could not be read.' };
  }

  if (!json) {
    const params = new URLSearchParams(text);
    const names = new Set(params.keys()).size;
    if (tooMany(names, params.size)) return TOO_MANY;
    return { ok: true, values: valuesFromEntries(params), json };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, status: 400, message: 'The JSON could not be read.' };
  }
  if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) {
    const entries = Object.values(parsed);
    const count = entries.reduce<number>(
      (sum, value) => sum + (Array.isArray(value) ? Math.max(1, value.length) : 1),
      0,
    );
    if (tooMany(entries.length, count)) return TOO_MANY;
  }
  const values = valuesFromJson(parsed);
  if (!values) return { ok: false, status: 400, message: 'Send the answers as one JSON object.' };
  return { ok: true, values, json };
}

/** The body as UTF-8 text, or undefined as soon as it passes `limit` bytes. */
async function readLimited(request: Request, limit: number): Promise<string | undefined> {
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      return undefined;
    }
    chunks.push(value);
  }
  return new TextDecoder('utf-8').decode(Buffer.concat(chunks));
}
