/**
 * `npm run queue -- list`              queued and parked messages, by reference
 * `npm run queue -- retry <REFERENCE>` moves a parked message back to the queue
 *
 * Works the same with either driver (the settings choose it, as for the
 * server). Reads references, times, attempts and codes only: it needs no key
 * and shows no content.
 */
import { settingsOrExit } from '../settings.ts';
import type { ListedMessage, QueueOperations } from './driver.ts';
import { openQueueOperations } from './index.ts';
import { errorCode } from './error-code.ts';
import { normaliseReference } from './reference.ts';

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

function row(message: ListedMessage, now: number): string[] {
  const next =
    message.state === 'parked'
      ? '-'
      : !message.nextAttemptAt || message.nextAttemptAt <= now
        ? 'now'
        : `in ${duration(message.nextAttemptAt - now)}`;
  const reason = message.parkedReason ? ` (${message.parkedReason})` : '';
  return [
    message.reference,
    message.state,
    duration(now - message.acceptedAt),
    String(message.attempts),
    next,
    `${message.lastCode ?? '-'}${reason}`,
  ];
}

async function list(operations: QueueOperations): Promise<number> {
  const now = Date.now();
  const { messages, corrupt, corruptWhere } = await operations.list();
  if (!messages.length) console.log('The queue is empty: nothing queued or parked.');
  else {
    const sorted = [...messages].sort((a, b) => a.acceptedAt - b.acceptedAt);
    const table = [
      ['REFERENCE', 'STATE', 'AGE', 'ATTEMPTS', 'NEXT ATTEMPT', 'LAST ERROR'],
      ...sorted.map((m) => row(m, now)),
    ];
    const widths = table[0]!.map((_, i) => Math.max(...table.map((cells) => cells[i]!.length)));
    for (const cells of table)
      console.log(
        cells
          .map((cell, i) => cell.padEnd(widths[i]!))
          .join('  ')
          .trimEnd(),
      );
  }
  if (corrupt) console.log(`${corrupt} message(s) failed their integrity check and are set aside in ${corruptWhere}`);
  return 0;
}

async function retry(operations: QueueOperations, input: string | undefined): Promise<number> {
  const reference = input ? normaliseReference(input) : undefined;
  if (!reference) {
    console.error(`That is not a reference like DSR-7KQM-2XPT.\n${USAGE}`);
    return 2;
  }
  const result = await operations.retry(reference);
  if (result === 'already-queued') console.error(`${reference} is already queued, not parked.`);
  if (result === 'not-found') console.error(`No parked message ${reference}.`);
  if (result !== 'retried') return 1;
  console.log(
    `${reference} is back in the queue. A running server tries it within ${operations.pickUpSeconds} seconds.`,
  );
  return 0;
}

async function main(argv: string[]): Promise<number> {
  const [command, argument] = argv;
  if (command !== 'list' && command !== 'retry') {
    console.error(USAGE);
    return 2;
  }
  const settings = settingsOrExit('The queue command');
  let operations: QueueOperations;
  try {
    operations = await openQueueOperations(settings.queue);
  } catch (error) {
    console.error(`The queue cannot be read (${errorCode(error)}). Check DATA_DIR, or QUEUE_URL and the database.`);
    return 1;
  }
  try {
    return command === 'list' ? await list(operations) : await retry(operations, argument);
  } finally {
    await operations.close();
  }
}

process.exitCode = await main(process.argv.slice(2));
