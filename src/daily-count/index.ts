/**
 * The daily count: once a day, at the time in the area's settings
 * (`dailyCount.at`), a summary with no personal data goes to the team's
 * mailbox through the same queue and channel as every form.
 *
 * Sent once, however many instances share the queue: each instance counts
 * and hands the summary over with the submission token
 * `daily-count:<area>:<date>`, and the queue takes one token once (see
 * src/queue/driver.ts), so the others get the same reference and add nothing.
 */
import type { Accept } from '../delivery/index.ts';
import type { QueueOperations } from '../queue/driver.ts';
import { addDays, type IsoDate } from '../time/london.ts';
import { countPeriod } from './count.ts';
import { dailyCountEmail } from './email.ts';
import { everyDay, sendTimeOn, type DailySchedule } from './schedule.ts';

export interface DailyCountParts {
  area: { id: string; name: string; mailbox: string; dailyCount: { at: string } };
  accept: Accept;
  /** The reference a token was given, if the queue knows it. */
  referenceFor: (token: string) => Promise<string | undefined>;
  /** The queue's reading side; closed after each count. */
  openOperations: () => Promise<QueueOperations>;
  now: () => Date;
  checkMs: number;
  log: (line: string) => void;
}

export const dailyCountToken = (areaId: string, date: IsoDate): string => `daily-count:${areaId}:${date}`;

/** Counts the period ending at `date`'s send time and hands the summary to the queue; resolves with its reference. */
export async function sendDailyCount(parts: DailyCountParts, date: IsoDate): Promise<string> {
  const { area } = parts;
  const token = dailyCountToken(area.id, date);
  const already = await parts.referenceFor(token);
  if (already) return already;
  // The counts of the two days before are messages too, but not the team's: leave them out.
  const earlier = [addDays(date, -1), addDays(date, -2)].map((day) =>
    parts.referenceFor(dailyCountToken(area.id, day)),
  );
  const leaveOut = new Set((await Promise.all(earlier)).filter((reference) => reference !== undefined));
  const period = { from: sendTimeOn(addDays(date, -1), area.dailyCount.at), to: sendTimeOn(date, area.dailyCount.at) };
  const operations = await parts.openOperations();
  try {
    const count = await countPeriod(operations, period, leaveOut);
    const { reference } = await parts.accept({ token, build: () => dailyCountEmail(count, area) });
    return reference;
  } finally {
    await operations.close();
  }
}

/** Starts the schedule; `stop()` before the queue closes. */
export function startDailyCount(parts: DailyCountParts): DailySchedule {
  return everyDay({
    at: parts.area.dailyCount.at,
    checkMs: parts.checkMs,
    now: parts.now,
    async send(date) {
      const reference = await sendDailyCount(parts, date);
      parts.log(`Daily count for ${date}: ${reference} is with the mail queue.`);
    },
    onError(error, date) {
      parts.log(`Daily count for ${date} could not be queued yet (${(error as Error).name}); trying again.`);
    },
  });
}
