/**
 * Batches concurrent accepts into one commit, so many submissions share the
 * folder fsyncs. The first accept is written at once; those that arrive while
 * it is being flushed form the next batch. No timer: nothing waits idle.
 */
import type { NewEntry, Spool } from './spool.ts';

interface Job {
  entry: NewEntry;
  resolve: () => void;
  reject: (error: Error) => void;
}

const MAX_BATCH = 256;

export class GroupCommitter {
  private readonly spool: Spool;
  private pending: Job[] = [];
  private running: Promise<void> | undefined;

  constructor(spool: Spool) {
    this.spool = spool;
  }

  /** Resolves once the entry is durable on disk. */
  commit(entry: NewEntry): Promise<void> {
    return new Promise((resolve, reject) => {
      this.pending.push({ entry, resolve, reject });
      this.kick();
    });
  }

  private kick(): void {
    if (this.running) return;
    this.running = this.drain().finally(() => {
      this.running = undefined;
      // An entry may have arrived after the last loop turn but before this line.
      if (this.pending.length) this.kick();
    });
  }

  /** Resolves when nothing is being written. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private async drain(): Promise<void> {
    while (this.pending.length) {
      const batch = this.pending.splice(0, MAX_BATCH);
      let results: (Error | undefined)[];
      try {
        results = await this.spool.commit(batch.map((job) => job.entry));
      } catch (error) {
        results = batch.map(() => error as Error);
      }
      batch.forEach((job, i) => {
        const error = results[i];
        if (error) job.reject(error);
        else job.resolve();
      });
    }
  }
}
