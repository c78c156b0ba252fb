/**
 * Content pages are rendered once per status period and answered from
 * memory until a crisis line could change what they say. Against the built
 * server, with its clock stepped across each edge (DSR_FAKE_NOW_FILE): the
 * kept page always equals a fresh render, a new render happens exactly at
 * the edge, the ETag changes exactly when the bytes do, and a browser with a
 * current copy gets 304.
 *
 * A fresh render is asked for with a query string, which the cache never
 * answers. Renders are counted from the server's request log: a page
 * answered from memory is not rendered, so it is not logged.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startAreaServer, type RunningServer } from '../support/server.ts';

interface Page {
  status: number;
  body: string;
  etag: string | null;
  cacheControl: string | null;
}

let clockDir: string;
before(async () => {
  clockDir = await mkdtemp(path.join(tmpdir(), 'dsr-clock-'));
});
after(() => rm(clockDir, { recursive: true, force: true }));

async function serverWithClock(
  area: string,
): Promise<{ server: RunningServer; setNow: (iso: string) => Promise<void> }> {
  const file = path.join(clockDir, `${area}.now`);
  const setNow = (iso: string) => writeFile(file, iso);
  await setNow('2026-11-25T12:00:00Z');
  const server = await startAreaServer(area, { env: { DSR_FAKE_NOW_FILE: file } });
  return { server, setNow };
}

async function get(server: RunningServer, pathname: string, headers: Record<string, string> = {}): Promise<Page> {
  const response = await fetch(server.origin + pathname, { headers, signal: AbortSignal.timeout(20_000) });
  return {
    status: response.status,
    body: await response.text(),
    etag: response.headers.get('etag'),
    cacheControl: response.headers.get('cache-control'),
  };
}

/**
 * The page rendered now, not kept: a query string is never answered from
 * memory. The page's "Change how this page looks" keeps the query in its
 * links and in its island's props (and so in the island's uid, a hash of
 * them), so both are taken out before two renders are compared.
 */
const freshRender = (server: RunningServer, pathname: string) => get(server, `${pathname}?fresh`);
const comparable = (body: string) =>
  body
    .replace(/ uid="[^"]*"/g, '')
    .replaceAll('?fresh=&amp;', '?')
    .replaceAll('?fresh="', '"')
    .replaceAll('&quot;?fresh&quot;', '&quot;&quot;');

/** Page renders the server has logged so far. */
const renders = (server: RunningServer) => server.output().match(/"msg":"request"/g)?.length ?? 0;

/**
 * The page at `before` (a second before the edge) and at `edge`: each equals
 * a fresh render at the same instant, the kept copy is used inside the
 * period, and the page is rendered again at the edge.
 */
async function acrossEdge(
  { server, setNow }: { server: RunningServer; setNow: (iso: string) => Promise<void> },
  pathname: string,
  warm: string,
  justBefore: string,
  edge: string,
) {
  await setNow(warm);
  await get(server, pathname);
  await setNow(justBefore);
  const rendersBefore = renders(server);
  const kept = await get(server, pathname);
  assert.equal(renders(server), rendersBefore, `${pathname} at ${justBefore}: answered from memory, not rendered`);
  const fresh = await freshRender(server, pathname);
  assert.equal(kept.status, 200);
  assert.ok(
    comparable(kept.body) === comparable(fresh.body),
    `${pathname} at ${justBefore}: the kept page equals a fresh render`,
  );

  await setNow(edge);
  const rendersAtEdge = renders(server);
  const next = await get(server, pathname);
  assert.equal(renders(server), rendersAtEdge + 1, `${pathname} at ${edge}: rendered again`);
  const nextFresh = await freshRender(server, pathname);
  assert.ok(
    comparable(next.body) === comparable(nextFresh.body),
    `${pathname} at ${edge}: the new page equals a fresh render`,
  );
  assert.equal(next.etag === kept.etag, next.body === kept.body, 'the ETag changes exactly when the bytes change');
  return { kept, next };
}

describe('South East London: the CAMHS crisis line opens at 5pm and closes at 11pm', () => {
  let running: Awaited<ReturnType<typeof serverWithClock>>;
  before(async () => {
    running = await serverWithClock('south-east-london');
  });
  after(() => running?.server.stop());

  test('16:59:59 and 17:00:00 on a weekday', async () => {
    const { kept, next } = await acrossEdge(
      running,
      '/crisis',
      '2026-11-25T15:00:00Z',
      '2026-11-25T16:59:59Z',
      '2026-11-25T17:00:00Z',
    );
    assert.match(kept.body, /Opens today at 5pm/);
    assert.doesNotMatch(next.body, /Opens today at 5pm/);
    assert.match(next.body, /Open now until 11pm/);
  });

  test('22:59:59 and 23:00:00, on a page that shows only the crisis bar', async () => {
    const { kept, next } = await acrossEdge(
      running,
      '/what-is-the-dsr',
      '2026-11-25T21:00:00Z',
      '2026-11-25T22:59:59Z',
      '2026-11-25T23:00:00Z',
    );
    assert.match(kept.body, /Open now until 11pm/);
    assert.doesNotMatch(next.body, /Open now until 11pm/);
  });

  test('midnight before a bank holiday (Monday 31 August 2026, weekend hours)', async () => {
    const { kept, next } = await acrossEdge(
      running,
      '/crisis',
      '2026-08-30T22:10:00Z',
      '2026-08-30T22:59:59Z',
      '2026-08-30T23:00:00Z',
    );
    assert.match(kept.body, /Opens tomorrow at 9am/);
    assert.match(next.body, /Opens today at 9am/);
  });

  test('the clocks go forward (Sunday 28 March 2027): midnight, then 9am British Summer Time', async () => {
    await acrossEdge(running, '/crisis', '2027-03-27T23:10:00Z', '2027-03-27T23:59:59Z', '2027-03-28T00:00:00Z');
    const { next } = await acrossEdge(
      running,
      '/crisis',
      '2027-03-28T07:00:00Z',
      '2027-03-28T07:59:59Z',
      '2027-03-28T08:00:00Z',
    );
    assert.match(next.body, /Open now until 11pm/);
  });

  test('the clocks go back (Sunday 25 October 2026): midnight BST, then 9am GMT', async () => {
    await acrossEdge(running, '/crisis', '2026-10-24T22:10:00Z', '2026-10-24T22:59:59Z', '2026-10-24T23:00:00Z');
    const { next } = await acrossEdge(
      running,
      '/crisis',
      '2026-10-25T03:00:00Z',
      '2026-10-25T08:59:59Z',
      '2026-10-25T09:00:00Z',
    );
    assert.match(next.body, /Open now until 11pm/);
  });

  test('304 for a current copy, 200 for an old one; content pages say no-cache, forms no-store', async () => {
    await running.setNow('2026-11-25T18:00:00Z');
    const page = await get(running.server, '/crisis');
    assert.equal(page.cacheControl, 'no-cache');
    assert.ok(page.etag);
    const current = await get(running.server, '/crisis', { 'if-none-match': page.etag });
    assert.equal(current.status, 304);
    assert.equal(current.body, '');
    await running.setNow('2026-11-25T23:30:00Z');
    const changed = await get(running.server, '/crisis', { 'if-none-match': page.etag });
    assert.equal(changed.status, 200, 'after 11pm the page reads differently');
    const form = await get(running.server, '/ask-for-a-call');
    assert.equal(form.cacheControl, 'no-store');
  });
});

describe('Essex: only lines that are always open', () => {
  let running: Awaited<ReturnType<typeof serverWithClock>>;
  before(async () => {
    running = await serverWithClock('essex');
  });
  after(() => running?.server.stop());

  test('a page is kept all day and rendered again after London midnight', async () => {
    const { kept } = await acrossEdge(
      running,
      '/',
      '2026-07-01T05:00:00Z',
      '2026-07-01T22:59:59Z',
      '2026-07-01T23:00:00Z',
    );
    assert.match(kept.body, /day and night/);
  });
});
