/**
 * Crash-safe file writes, the Maildir way: write a temporary file, fsync it,
 * rename it into place, fsync the folder. After a crash the file is either
 * absent or complete, never partial.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';

/** Makes a rename or unlink in `dir` survive a crash. */
export async function fsyncDir(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Writes `data` to a new file and flushes it; the caller renames it into place. */
export async function writeSynced(file: string, data: Uint8Array | string, mode = 0o600): Promise<void> {
  const handle = await open(file, 'wx', mode);
  try {
    await handle.writeFile(data);
    await handle.datasync();
  } finally {
    await handle.close();
  }
}

/**
 * Replaces `dir/name` atomically. With `sync: false` the content may be lost
 * in a crash (the old file stays); use it only for data that is safe to lose.
 */
export async function writeFileDurably(
  dir: string,
  name: string,
  data: Uint8Array | string,
  options: { sync?: boolean } = {},
): Promise<void> {
  const sync = options.sync ?? true;
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const tmp = path.join(dir, `.tmp-${randomBytes(6).toString('hex')}-${name}`);
  try {
    if (sync) await writeSynced(tmp, data);
    else {
      const handle = await open(tmp, 'wx', 0o600);
      await handle.writeFile(data).finally(() => handle.close());
    }
    await rename(tmp, path.join(dir, name));
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
  if (sync) await fsyncDir(dir);
}
