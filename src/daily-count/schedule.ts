/**
 * When the daily count goes: once per London calendar day, at the area's time
 * on the London clock. A time the clocks skip (the spring change) is taken an
 * hour later, and a time that happens twice (the autumn change) is taken
 * once, at its second (on GMT), as luxon resolves them. One count per date, so a clock change never
 * sends two in a day or none.
 */
import { addDays, atLondonTime, londonDate, type IsoDate } from '../time/london.ts';

/** The instant the count for a London date is due. */
export function sendTimeOn(date: IsoDate, at: string): Date {
  return atLondonTime(date, at).toJSDate();
}

/** The latest London date whose count is due at `now`: today once its time has come, else yesterday. */
export function dueDate(now: Date, at: string): IsoDate {
  const today = londonDate(now);
  return sendTimeOn(today, at) <= now ? today : addDays(today, -1);
}

export interface DailyScheduleOptions {
  /** 'HH:MM' on the London clock. */
  at: string;
  /** How often the clock is read: a fake clock (tests, DSR_FAKE_NOW_FILE) may jump at any time. */
  checkMs: number;
  now: () => Date;
  /** Sends the count for a date; a rejection leaves the date due, to be tried at the next check. */
  send: (date: IsoDate) => Promise<void>;
  onError: (error: unknown, date: IsoDate) => void;
}

export interface DailySchedule {
  /** Resolves once a send under way has finished; no send starts after. */
  stop(): Promise<void>;
}

/**
 * Reads the clock every `checkMs` and sends a date once the clock has passed
 * its send time while running. A count whose time passed before the start is
 * not sent late: every start (a deployment, a restart, a test's server) would
 * otherwise send one, and with several instances the others send it anyway.
 */
export function everyDay(options: DailyScheduleOptions): DailySchedule {
  let sentThrough = dueDate(options.now(), options.at);
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  const check = async (): Promise<void> => {
    const due = dueDate(options.now(), options.at);
    if (stopped || due <= sentThrough) return;
    try {
      await options.send(due);
      sentThrough = due;
    } catch (error) {
      options.onError(error, due);
    }
  };
  const tick = () => {
    running = running.then(check);
  };
  tick();
  const timer = setInterval(tick, options.checkMs);
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
