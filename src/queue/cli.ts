/**
 * `npm run queue -- list`              queued and parked messages, by reference
 * `npm run queue -- retry <REFERENCE>` moves a parked message back to the queue
 *
 * Reads only the clear headers and delivery state: it needs no key and shows
 * no content. A running server picks a retried message up at its next scan
 * (QUEUE_SCAN_INTERVAL).
 */
import { loadConfig, QueueConfigError } from './config.ts';
import { Ledger } from './ledger.ts';
import { normaliseReference } from './reference.ts';
import { Spool } from './spool.ts';
import type { Place } from './spool.ts';

const USAGE = 'Usage: npm run queue -- list\n       npm run queue -- retry <REFERENCE>';

function duration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m ${s % 60}s`;
  const h = Math.floor(m / 60);
  if (h < 48) return `${h}h ${m % 60}m`;
  return `${Math.floor(h / 24)}d ${h % 24}h`;
}

interface Row {
  reference: string;
  state: string;
  acceptedAt: number;
  attempts: number;
  next: string;
  last: string;
}

async function rows(spool: Spool, place: Place, now: number): Promise<Row[]> {
  const out: Row[] = [];
  for await (const name of spool.names(place)) {
    const header = await spool.readHeader(place, name).catch(() => undefined);
    if (!header) continue;
    const state = await spool.readState(name);
    const next =
      place === 'parked'
        ? '-'
        : !state || state.nextAttemptAt <= now
          ? 'now'
          : `in ${duration(state.nextAttemptAt - now)}`;
    const reason = state?.parkedReason ? ` (${state.parkedReason})` : '';
    out.push({
      reference: name,
      state: place === 'active' ? 'queued' : 'parked',
      acceptedAt: header.acceptedAt,
      attempts: state?.attempts ?? 0,
      next,
      last: `${state?.lastCode ?? '-'}${reason}`,
    });
  }
  return out;
}

async function list(spool: Spool): Promise<void> {
  const now = Date.now();
  const all = [...(await rows(spool, 'active', now)), ...(await rows(spool, 'parked', now))].sort(
    (a, b) => a.acceptedAt - b.acceptedAt,
  );
  const corrupt = await spool.count('corrupt');
  if (!all.length) console.log('The queue is empty: nothing queued or parked.');
  else {
    const table = [
      ['REFERENCE', 'STATE', 'AGE', 'ATTEMPTS', 'NEXT ATTEMPT', 'LAST ERROR'],
      ...all.map((r) => [r.reference, r.state, duration(now - r.acceptedAt), String(r.attempts), r.next, r.last]),
    ];
    const widths = table[0]!.map((_, i) => Math.max(...table.map((row) => row[i]!.length)));
    for (const row of table)
      console.log(
        row
          .map((cell, i) => cell.padEnd(widths[i]!))
          .join('  ')
          .trimEnd(),
      );
  }
  if (corrupt)
    console.log(`${corrupt} file(s) failed their integrity check and are set aside in ${spool.dirs.corrupt}`);
}

async function retry(spool: Spool, ledger: Ledger, input: string | undefined, scanSeconds: number): Promise<number> {
  const reference = input ? normaliseReference(input) : undefined;
  if (!reference) {
    console.error(`That is not a reference like DSR-7KQM-2XPT.\n${USAGE}`);
    return 2;
  }
  const state = await spool.readState(reference);
  if (!(await spool.move('parked', 'active', reference))) {
    const queued = (await spool.readHeader('active', reference).catch(() => undefined)) !== undefined;
    console.error(queued ? `${reference} is already queued, not parked.` : `No parked message ${reference}.`);
    return 1;
  }
  const attempts = state?.attempts ?? 0;
  await spool.writeState(reference, { attempts, nextAttemptAt: 0, lastCode: state?.lastCode });
  const now = new Date().toISOString();
  await ledger.record({ reference, outcome: 'retried', acceptedAt: undefined, at: now, attempts });
  console.log(`${reference} is back in the queue. A running server tries it within ${scanSeconds} seconds.`);
  return 0;
}

async function main(argv: string[]): Promise<number> {
  let config;
  try {
    config = loadConfig(process.env, { requireKey: false });
  } catch (error) {
    if (error instanceof QueueConfigError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
  const spool = new Spool(config.dataDir);
  const [command, argument] = argv;
  if (command === 'list') {
    await spool.prepareFolders();
    await list(spool);
    return 0;
  }
  if (command === 'retry') {
    await spool.prepareFolders();
    return retry(spool, new Ledger(config.dataDir), argument, Math.round(config.scanIntervalMs / 1000));
  }
  console.error(USAGE);
  return 2;
}

process.exitCode = await main(process.argv.slice(2));
