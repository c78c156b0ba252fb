/**
 * The one-time submission token: a fresh random value in a hidden field each
 * time the form is shown. The queue accepts a token once, so pressing Send
 * twice, or retrying after a lost reply, never sends twice.
 */
import { randomBytes } from 'node:crypto';
import { single, type RawValues } from './browser/values.ts';

const TOKEN_FIELD = 'token';
const TOKEN = /^[A-Za-z0-9_-]{22,128}$/;

export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

/** The token a POST carries, if it looks like one of ours. */
export function readToken(values: RawValues): string | undefined {
  const token = single(values[TOKEN_FIELD]);
  return token !== undefined && TOKEN.test(token) ? token : undefined;
}
