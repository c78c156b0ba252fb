/**
 * How soon the team replies to one way of asking, in words that say whose
 * promise it is: the area's own (quoted from its source), or this website's
 * own promise, never passed off as the area's.
 */
import { isOwnPromise, type ReplyPromise } from './schema.ts';

export type ReplyKind = 'reply' | 'call';

const days = (n: number) => `${n} working ${n === 1 ? 'day' : 'days'}`;

/**
 * The start of a sentence that ends "by <date>" or "within 2 working days":
 * "This website promises you a reply" for the portal's own promise, or
 * `areaWords` ("The DSR team will get back to you") for the area's.
 */
export function replyLead(promise: ReplyPromise, kind: ReplyKind, areaWords: string): string {
  return isOwnPromise(promise.source)
    ? `This website promises you ${kind === 'call' ? 'a call' : 'a reply'}`
    : areaWords;
}

/** "The DSR team will get back to you within 2 working days." or "This website promises you a reply within 2 working days." */
export function replyPromiseText(promise: ReplyPromise, kind: ReplyKind = 'reply'): string {
  const areaWords = kind === 'call' ? 'The DSR team will call you back' : 'The DSR team will get back to you';
  return `${replyLead(promise, kind, areaWords)} within ${days(promise.workingDays)}.`;
}
