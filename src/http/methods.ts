import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';

/**
 * The pages that take a post: the forms (each form's `path` in src/forms/).
 * Every other page and file is read-only. Written here, not read from the
 * forms, because the server checks it before Astro loads anything.
 */
export const FORM_PATHS: readonly string[] = ['/ask-for-a-call', '/refer', '/professional-referral'];

const READ = ['GET', 'HEAD'];

/** The methods a path answers (the Allow header of a 405). */
function allowedMethods(pathname: string): string[] {
  return FORM_PATHS.includes(pathname) ? [...READ, 'POST'] : READ;
}

/**
 * For the production server, before anything reads the request: 400 for a
 * request-target that is not a path (asterisk form), 405 with Allow for a
 * method the path does not answer (TRACE, PUT, OPTIONS, a post to a page or
 * a file...). Returns true when it has answered. Absolute-form targets are
 * valid HTTP/1.1 and go on (they name a path like any other).
 */
export function refuseRequestShape(req: IncomingMessage, res: ServerResponse): boolean {
  const target = req.url ?? '';
  const pathname = pathOf(target);
  if (pathname === undefined) {
    answer(res, 400, 'Bad request.');
    return true;
  }
  const allowed = allowedMethods(pathname);
  if (allowed.includes(req.method ?? '')) return false;
  res.setHeader('Allow', allowed.join(', '));
  answer(res, 405, 'This address cannot be used that way.');
  req.resume();
  return true;
}

function pathOf(target: string): string | undefined {
  if (target.startsWith('/')) return target.split('?')[0];
  if (!/^https?:\/\//i.test(target)) return undefined;
  try {
    return new URL(target).pathname;
  } catch {
    return undefined;
  }
}

function answer(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(text);
}

/** CONNECT never reaches a request handler in Node: answered here, on the socket. */
export function refuseConnect(_req: IncomingMessage, socket: Duplex): void {
  socket.end(
    'HTTP/1.1 405 Method Not Allowed\r\nAllow: GET, HEAD\r\nContent-Length: 0\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n',
  );
}
