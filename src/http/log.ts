/**
 * Request and form logs as JSON lines (pino). Contract: request id, method,
 * route pattern, status, timing, form ids, counts and error names/codes
 * only; never a path, a query, a body, an address, a field value or an
 * error message (any of them could carry what a person typed).
 */
import { formatWithOptions } from 'node:util';
import pino from 'pino';
import { logLevel } from '../settings.ts';

export const httpLog = pino({ level: logLevel(), base: { component: 'http' } });

/** Form events that are not requests: a honeypot caught, a message that could not be queued. */
export const formLog = pino({ level: logLevel(), base: { component: 'forms' } });

/**
 * What may be logged about an error: its class name, its code (ENOSPC,
 * EACCES) and where it happened (the stack's frames: file names and line
 * numbers). Never its message, which may quote a value.
 */
export function errorFields(error: unknown): { error: string; code?: string; at?: string[] } {
  if (!(error instanceof Error)) return { error: typeof error };
  const code = (error as { code?: unknown }).code;
  const frames = (error.stack ?? '')
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .slice(0, 8)
    .map((line) => line.trim().replace(/^at\s+/, ''))
    // A frame names a function and a file: keep it only if it looks like one (an eval'd message would not).
    .filter((line) => /^[\w$.<>[\] ]*\(?(file:|node:|\/)[^()\s]*\)?$/.test(line));
  return {
    error: /^[A-Za-z][\w]{0,60}$/.test(error.name) ? error.name : 'Error',
    ...(typeof code === 'string' && /^[A-Z0-9_]{1,40}$/.test(code) ? { code } : {}),
    ...(frames.length > 0 ? { at: frames } : {}),
  };
}

/** An error as one safe line: its name, code and stack frames; never its message. */
function describeError(error: Error): string {
  const fields = errorFields(error);
  return `${fields.error}${fields.code ? ` [${fields.code}]` : ''}${fields.at ? fields.at.map((frame) => `\n    at ${frame}`).join('') : ''}`;
}

const STACK_FRAME = /^\s+at /;
const ERROR_LINE = /^(\s*(?:Uncaught )?(?:[A-Z][\w$]*)?(?:Error|Exception)(?: \[[A-Z0-9_]+\])?)(?::.*)?$/;

/**
 * Console output with nothing a person typed: Error objects become their
 * name, code and frames; a line that starts like an error ("TypeError: …")
 * loses its message; in text with a stack trace, only the first line, error
 * names and frames are kept (a message can run over several lines); query
 * strings are cut from addresses.
 */
export function redactConsoleText(args: unknown[]): string {
  const text = formatWithOptions(
    { colors: false, depth: 2 },
    ...args.map((arg) => (arg instanceof Error ? describeError(arg) : arg)),
  );
  const lines = text.split('\n');
  const hasStack = lines.some((line) => STACK_FRAME.test(line));
  const kept: string[] = [];
  lines.forEach((line, index) => {
    if (STACK_FRAME.test(line)) kept.push(line.replace(/\?[^\s):]*/g, ''));
    else if (ERROR_LINE.test(line)) kept.push(line.replace(ERROR_LINE, '$1'));
    else if (!hasStack || index === 0) kept.push(line.replace(/(\S)\?[^\s)'"]*/g, '$1?…'));
  });
  return kept.join('\n');
}

/**
 * For the production server: everything written with console.* (Astro's own
 * error reports included: "Could not render …", "There was an uncaught error
 * in the middle of the stream …") goes through redactConsoleText. pino
 * writes to stdout itself and is not affected.
 */
export function redactConsole(target: Console = console): void {
  for (const method of ['error', 'warn', 'info', 'log', 'debug', 'trace'] as const) {
    const original = target[method].bind(target);
    target[method] = (...args: unknown[]) => original(redactConsoleText(args));
  }
}
