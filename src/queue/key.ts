/**
 * The spool key: SPOOL_KEY, or in development a key file created once in
 * DATA_DIR with owner-only permissions. Production without SPOOL_KEY never
 * gets here: config.ts refuses it.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, closeSync, fsyncSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { QueueConfigError } from './config.ts';
import type { QueueConfig } from './config.ts';

export interface ResolvedKey {
  key: Buffer;
  /** Set when this call created the development key file. */
  createdFile: string | undefined;
  /** Set when the development key file is used. */
  file: string | undefined;
}

export const DEV_KEY_FILE = 'spool.key';

/** Synchronous: getQueue() must return at once. */
export function resolveSpoolKey(config: QueueConfig): ResolvedKey {
  if (config.spoolKey) return { key: config.spoolKey, createdFile: undefined, file: undefined };
  if (config.production) throw new QueueConfigError(['SPOOL_KEY is not set.']);
  const file = path.join(config.dataDir, DEV_KEY_FILE);
  mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
  let createdFile: string | undefined;
  try {
    const fd = openSync(file, 'wx', 0o600);
    try {
      writeSync(fd, `${randomBytes(32).toString('base64')}\n`);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    createdFile = file;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  chmodSync(file, 0o600);
  const key = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
  if (key.length !== 32) {
    throw new QueueConfigError([
      `The development key file ${file} is not a 32-byte base64 key. Delete it only if the queue is empty.`,
    ]);
  }
  return { key, createdFile, file };
}
