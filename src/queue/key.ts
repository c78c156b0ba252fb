/**
 * The key that seals every queued message (file spool or database):
 * SPOOL_KEY, or in development a key file created once in DATA_DIR with
 * owner-only permissions. In production there must be a SPOOL_KEY.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, closeSync, fsyncSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { KEY_HELP, SettingsError, type QueueSettings } from '../settings.ts';

export interface ResolvedKey {
  key: Buffer;
  /** Set when this call created the development key file. */
  createdFile: string | undefined;
  /** Set when the development key file is used. */
  file: string | undefined;
}

const DEV_KEY_FILE = 'spool.key';

/** Synchronous, so the process-wide queue can be made at once. Throws SettingsError. */
export function resolveSpoolKey(settings: QueueSettings): ResolvedKey {
  if (settings.spoolKey) return { key: settings.spoolKey, createdFile: undefined, file: undefined };
  if (settings.production) {
    throw new SettingsError([
      `SPOOL_KEY is not set. In production the queue will not start without a key to encrypt submissions at rest. ${KEY_HELP}`,
    ]);
  }
  const file = path.join(settings.dataDir, DEV_KEY_FILE);
  mkdirSync(settings.dataDir, { recursive: true, mode: 0o700 });
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
    throw new SettingsError([
      `The development key file ${file} is not a 32-byte base64 key. Delete it only if the queue is empty.`,
    ]);
  }
  return { key, createdFile, file };
}
