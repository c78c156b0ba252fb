/**
 * Crash-safe file writes, the Maildir way: write a temporary file, fsync it,
 * rename it into place, fsync the folder. After a crash the file is either
 * absent or complete, never partial.
 *
 * Why some calls are synchronous: libuv runs file work on a pool of four
 * threads, first come first served. Under load the pool is full of fsyncs
 * that each wait for the disk, and a quick open/write/close queued behind them
 * waits too. Only the fsync needs the disk; opening, writing a few kilobytes
 * into the page cache, renaming and closing take microseconds, so they run
 * on the main thread and only the fsync goes to the pool.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, fdatasync, fsync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

const fdatasyncAsync = promisify(fdatasync);
const fsyncAsync = promisify(fsync);

/** Makes a rename, link or unlink in `dir` survive a crash. */
export async function fsyncDir(dir: string): Promise<void> {
  const fd = openSync(dir, 'r');
  try {
    await fsyncAsync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Writes `data` to a new file and flushes it to disk; the caller renames it into place. */
export async function writeSynced(file: string, data: Uint8Array | string, mode = 0o600): Promise<void> {
  const fd = openSync(file, 'wx', mode);
  try {
    const bytes = typeof data === 'string' ? Buffer.from(data) : data;
    let written = 0;
    while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
    await fdatasyncAsync(fd);
  } finally {
    closeSync(fd);
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
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const tmp = path.join(dir, `.tmp-${randomBytes(6).toString('hex')}-${name}`);
  try {
    if (sync) await writeSynced(tmp, data);
    else {
      const fd = openSync(tmp, 'wx', 0o600);
      try {
        writeSync(fd, typeof data === 'string' ? Buffer.from(data) : data);
      } finally {
        closeSync(fd);
      }
    }
    renameSync(tmp, path.join(dir, name));
  } catch (error) {
    rmSync(tmp, { force: true });
    throw error;
  }
  if (sync) await fsyncDir(dir);
}
