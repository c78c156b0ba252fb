import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendKept } from '../http/send-kept.ts';
import { now } from '../time/clock.ts';
import { cachedPage } from './pages.ts';

/** Pages being rendered now, by path: requests for the same page wait for that render instead of starting their own. */
const rendering = new Map<string, Promise<void>>();

/**
 * For the production server: answers a GET or HEAD for a content page from
 * memory when it is kept and still current; otherwise calls `render` (Astro,
 * whose middleware keeps the result). When several requests for the same
 * page arrive while it renders, one renders and the others wait for it.
 */
export function servePage(req: IncomingMessage, res: ServerResponse, render: () => void): void {
  const path = keyOf(req);
  if (!path) return render();
  const kept = cachedPage(path, now());
  if (kept) return sendKept(req, res, kept);
  const pending = rendering.get(path);
  if (pending) {
    void pending.then(() => {
      const fresh = cachedPage(path, now());
      if (fresh) sendKept(req, res, fresh);
      else render();
    });
    return;
  }
  rendering.set(
    path,
    finished(res).finally(() => rendering.delete(path)),
  );
  render();
}

/** The cache key, or undefined for requests never answered from the cache. */
function keyOf(req: IncomingMessage): string | undefined {
  if (req.method !== 'GET' && req.method !== 'HEAD') return undefined;
  const url = req.url ?? '';
  return url.startsWith('/') && !url.includes('?') ? url : undefined;
}

function finished(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => res.once('close', resolve));
}
