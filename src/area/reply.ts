/**
 * How soon the team replies to one way of asking, in words that say whose
 * promise it is: the area's own (quoted from its source), or this website's
 * own promise, never passed off as the area's.
 */
import { isOwnPromise, type ReplyPromise } from './schema.ts';

export type ReplyKind = 'reply' | 'call';

const days = (n: number) => `${n} working ${n === 1 ? 'day' : 'days'}`;

/** "The DSR team will get back to you within 2 working days." or "This website promises you a reply within 2 working days." */
export function replyPromiseText(promise: ReplyPromise, kind: ReplyKind = 'reply'): string {
  if (isOwnPromise(promise.source)) {
    return `This website promises you ${kind === 'call' ? 'a call' : 'a reply'} within ${days(promise.workingDays)}.`;
  }
  return kind === 'call'
    ? `The DSR team will call you back within ${days(promise.workingDays)}.`
    : `The DSR team will get back to you within ${days(promise.workingDays)}.`;
}
