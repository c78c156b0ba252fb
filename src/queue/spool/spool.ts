/**
 * The file spool on disk: the queue's files, all in DATA_DIR/queue/.
 *
 *   DATA_DIR/queue/tmp/       writes in progress; emptied at start (never acknowledged)
 *   DATA_DIR/queue/active/    REFERENCE: sealed messages waiting for delivery
 *   DATA_DIR/queue/parked/    REFERENCE: sealed messages a person must look at
 *   DATA_DIR/queue/corrupt/   files that failed authentication, kept aside
 *   DATA_DIR/queue/state/     REFERENCE.json: attempts and next attempt (no content)
 *   DATA_DIR/queue/tokens/    keyed hash of a submission token: a symlink whose target is the REFERENCE
 *
 * A token is a symlink because creating one is a single metadata operation
 * that the folder's fsync makes durable: no data block, no temporary file.
 */
import { randomBytes } from 'node:crypto';
import { readlinkSync, renameSync, symlinkSync } from 'node:fs';
import { lstat, mkdir, open, opendir, readFile, readdir, rename, rm, unlink } from 'node:fs/promises';
import path from 'node:path';
import { readHeader } from '../crypto.ts';
import type { SpoolHeader } from '../crypto.ts';
import { fsyncDir, writeFileDurably, writeSynced } from '../../disk/durable.ts';

type Place = 'active' | 'parked' | 'corrupt';

/** Delivery bookkeeping; losing it in a crash only means an earlier retry. */
interface AttemptState {
  attempts: number;
  /** Milliseconds since the epoch; 0 means "now". */
  nextAttemptAt: number;
  lastCode?: string | undefined;
  parkedAt?: number | undefined;
  parkedReason?: string | undefined;
  /** When a person last sent it back with `queue retry`: its lifetime starts again then. */
  retriedAt?: number | undefined;
}

export interface NewEntry {
  reference: string;
  sealed: Buffer;
  tokenHash: string;
}

const isMissing = (error: unknown): boolean => (error as NodeJS.ErrnoException).code === 'ENOENT';

export class Spool {
  readonly root: string;
  readonly dirs: Record<Place | 'tmp' | 'state' | 'tokens', string>;

  constructor(dataDir: string) {
    this.root = path.join(dataDir, 'queue');
    const at = (name: string): string => path.join(this.root, name);
    this.dirs = {
      tmp: at('tmp'),
      active: at('active'),
      parked: at('parked'),
      corrupt: at('corrupt'),
      state: at('state'),
      tokens: at('tokens'),
    };
  }

  async prepareFolders(): Promise<void> {
    for (const dir of Object.values(this.dirs)) await mkdir(dir, { recursive: true, mode: 0o700 });
  }

  /** Creates the folders and discards unfinished writes: they were never acknowledged. */
  async prepare(): Promise<void> {
    await this.prepareFolders();
    await rm(this.dirs.tmp, { recursive: true, force: true });
    await mkdir(this.dirs.tmp, { mode: 0o700 });
  }

  /**
   * Makes a batch of accepted messages durable together (group commit):
   * every file is written and fsync'd in parallel, then renamed, then each
   * folder is fsync'd once for the whole batch. A message is durable before
   * its token, so a token never points at a message that is not there.
   * Returns one error (or undefined) per entry.
   */
  async commit(entries: NewEntry[]): Promise<(Error | undefined)[]> {
    const nonce = randomBytes(4).toString('hex');
    const tmpOf = (i: number): string => path.join(this.dirs.tmp, `${nonce}-${i}`);
    const results: (Error | undefined)[] = await Promise.all(
      entries.map((entry, i) =>
        writeSynced(tmpOf(i), entry.sealed).then(
          () => undefined,
          async (error: Error) => {
            await rm(tmpOf(i), { force: true });
            return error;
          },
        ),
      ),
    );
    const ok = entries.flatMap((entry, i) => (results[i] ? [] : [{ entry, i }]));
    if (!ok.length) return results;
    try {
      // Renames and symlinks are quick metadata calls; see src/disk/durable.ts for why they are synchronous.
      for (const { entry, i } of ok) renameSync(tmpOf(i), this.path('active', entry.reference));
      await fsyncDir(this.dirs.active);
      for (const { entry } of ok) {
        try {
          symlinkSync(entry.reference, path.join(this.dirs.tokens, entry.tokenHash));
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        }
      }
      await fsyncDir(this.dirs.tokens);
    } catch (error) {
      for (const { i } of ok) results[i] = error as Error;
    }
    return results;
  }

  /** Synchronous on purpose: a cached folder lookup, which must not queue behind fsyncs. */
  findToken(hash: string): string | undefined {
    try {
      return readlinkSync(path.join(this.dirs.tokens, hash));
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
  }

  path(place: Place, reference: string): string {
    return path.join(this.dirs[place], reference);
  }

  /** The whole sealed file, or undefined when it has gone (delivered, or moved by `queue retry`). */
  async read(place: Place, reference: string): Promise<Buffer | undefined> {
    try {
      return await readFile(this.path(place, reference));
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
  }

  /** The clear header only; throws CorruptFileError for a file that is not a spool file. */
  async readHeader(place: Place, name: string): Promise<SpoolHeader | undefined> {
    let handle;
    try {
      handle = await open(path.join(this.dirs[place], name), 'r');
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
    try {
      const buffer = Buffer.alloc(1024);
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
      return readHeader(buffer.subarray(0, bytesRead)).header;
    } finally {
      await handle.close();
    }
  }

  /** File names in a folder, streamed, so a long queue is never held in memory twice. */
  async *names(place: Place): AsyncGenerator<string> {
    const dir = await opendir(this.dirs[place], { bufferSize: 256 });
    for await (const entry of dir) if (entry.isFile()) yield entry.name;
  }

  async count(place: Place): Promise<number> {
    return (await readdir(this.dirs[place])).length;
  }

  /** Delivered: the content is deleted; only the ledger remembers it. */
  async remove(reference: string): Promise<void> {
    await rm(this.path('active', reference), { force: true });
    await rm(path.join(this.dirs.state, `${reference}.json`), { force: true });
  }

  /** Moves a file between folders; false when it was not there. */
  async move(from: Place, to: Place, name: string): Promise<boolean> {
    try {
      await rename(path.join(this.dirs[from], name), path.join(this.dirs[to], name));
    } catch (error) {
      if (isMissing(error)) return false;
      throw error;
    }
    await fsyncDir(this.dirs[to]);
    return true;
  }

  async readState(reference: string): Promise<AttemptState | undefined> {
    try {
      const parsed = JSON.parse(
        await readFile(path.join(this.dirs.state, `${reference}.json`), 'utf8'),
      ) as AttemptState;
      return typeof parsed.attempts === 'number' && typeof parsed.nextAttemptAt === 'number' ? parsed : undefined;
    } catch {
      return undefined;
    }
  }

  async writeState(reference: string, state: AttemptState): Promise<void> {
    await writeFileDurably(this.dirs.state, `${reference}.json`, JSON.stringify(state), { sync: false });
  }

  /** Forgets tokens older than the cutoff, so the folder does not grow for ever. */
  async pruneTokens(olderThan: number): Promise<number> {
    let removed = 0;
    const dir = await opendir(this.dirs.tokens, { bufferSize: 256 });
    for await (const entry of dir) {
      const file = path.join(this.dirs.tokens, entry.name);
      try {
        if ((await lstat(file)).mtimeMs < olderThan) {
          await unlink(file);
          removed += 1;
        }
      } catch (error) {
        if (!isMissing(error)) throw error;
      }
    }
    return removed;
  }
}
