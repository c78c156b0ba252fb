/**
 * Structured JSON logs (pino). Contract: only references, counts and
 * error codes are logged; never a message, an address, reply text or an
 * error object (its message may quote what the relay echoed back).
 */
import pino from 'pino';
import type { DestinationStream, Logger } from 'pino';
import { logLevel } from '../settings.ts';

export type { Logger };

export function createLogger(destination?: DestinationStream): Logger {
  const options = { level: logLevel(), base: { component: 'mail-queue' } };
  return destination ? pino(options, destination) : pino(options);
}
