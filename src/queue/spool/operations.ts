/**
 * `npm run queue -- list | retry` on the file spool. Reads only the clear
 * headers and delivery state: no key, no content. A running server picks a
 * retried message up at its next scan (QUEUE_SCAN_INTERVAL).
 */
import type { QueueSettings } from '../../settings.ts';
import type { ListedMessage, QueueOperations, RetryResult } from '../driver.ts';
import { iso } from '../ledger.ts';
import { Ledger } from './ledger.ts';
import { Spool } from './spool.ts';

async function listed(spool: Spool, place: 'active' | 'parked'): Promise<ListedMessage[]> {
  const out: ListedMessage[] = [];
  for await (const name of spool.names(place)) {
    const header = await spool.readHeader(place, name).catch(() => undefined);
    if (!header) continue;
    const state = await spool.readState(name);
    out.push({
      reference: name,
      state: place === 'active' ? 'queued' : 'parked',
      acceptedAt: header.acceptedAt,
      attempts: state?.attempts ?? 0,
      nextAttemptAt: place === 'active' && state?.nextAttemptAt ? state.nextAttemptAt : undefined,
      lastCode: state?.lastCode,
      parkedReason: state?.parkedReason,
    });
  }
  return out;
}

export async function openSpoolOperations(settings: QueueSettings): Promise<QueueOperations> {
  const spool = new Spool(settings.dataDir);
  const ledger = new Ledger(settings.dataDir);
  await spool.prepareFolders();
  return {
    pickUpSeconds: Math.round(settings.scanIntervalMs / 1000),
    async list() {
      const messages = [...(await listed(spool, 'active')), ...(await listed(spool, 'parked'))];
      return { messages, corrupt: await spool.count('corrupt'), corruptWhere: spool.dirs.corrupt };
    },
    async retry(reference): Promise<RetryResult> {
      const state = await spool.readState(reference);
      if (!(await spool.move('parked', 'active', reference))) {
        const queued = (await spool.readHeader('active', reference).catch(() => undefined)) !== undefined;
        return queued ? 'already-queued' : 'not-found';
      }
      const attempts = state?.attempts ?? 0;
      const now = Date.now();
      await spool.writeState(reference, { attempts, nextAttemptAt: 0, lastCode: state?.lastCode, retriedAt: now });
      await ledger.record({ reference, outcome: 'retried', acceptedAt: undefined, at: iso(now), attempts });
      return 'retried';
    },
    ledgerSince: (since) => ledger.readSince(since),
    async close() {},
  };
}
