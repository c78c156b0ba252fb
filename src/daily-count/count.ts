/**
 * The numbers in the daily count, from what the queue keeps without personal
 * data: the ledger (reference, times, outcome) and the list of messages still
 * queued or parked. Nothing here opens a sealed message.
 */
import type { ListedMessage, QueueOperations } from '../queue/driver.ts';

export type CountSource = Pick<QueueOperations, 'ledgerSince' | 'list'>;

export interface DailyCount {
  /** The period counted: from the last count's send time up to this one's. */
  from: Date;
  to: Date;
  /** Messages accepted in the period. */
  received: number;
  /** Messages the relay or mailbox took in the period. */
  delivered: number;
  /** Messages queued at the time of counting, and the oldest of them. */
  waiting: number;
  oldestWaitingAt: Date | undefined;
  /** References of the messages parked at the time of counting, oldest first. */
  parked: string[];
}

const within = (at: number, from: Date, to: Date): boolean => at >= from.getTime() && at < to.getTime();

/** Counts the period, leaving out the references in `leaveOut` (the daily counts themselves). */
export async function countPeriod(
  source: CountSource,
  period: { from: Date; to: Date },
  leaveOut: ReadonlySet<string>,
): Promise<DailyCount> {
  const { from, to } = period;
  const counted = (reference: string) => !leaveOut.has(reference);
  const entries = (await source.ledgerSince(from.getTime())).filter((entry) => counted(entry.reference));
  const messages = (await source.list()).messages.filter((message) => counted(message.reference));

  const received = new Set<string>();
  for (const entry of entries)
    if (entry.acceptedAt && within(Date.parse(entry.acceptedAt), from, to)) received.add(entry.reference);
  for (const message of messages) if (within(message.acceptedAt, from, to)) received.add(message.reference);

  const delivered = new Set(
    entries
      .filter((entry) => entry.outcome === 'delivered' && within(Date.parse(entry.at), from, to))
      .map((entry) => entry.reference),
  );
  const byAge = (a: ListedMessage, b: ListedMessage) => a.acceptedAt - b.acceptedAt;
  const waiting = messages.filter((message) => message.state === 'queued').sort(byAge);
  const parked = messages.filter((message) => message.state === 'parked').sort(byAge);
  return {
    from,
    to,
    received: received.size,
    delivered: delivered.size,
    waiting: waiting.length,
    oldestWaitingAt: waiting[0] ? new Date(waiting[0].acceptedAt) : undefined,
    parked: parked.map((message) => message.reference),
  };
}
