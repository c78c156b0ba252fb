/**
 * Batches concurrent accepts into one commit, so many submissions share the
 * cost of making them durable (the folder fsyncs of the file spool; the
 * transaction and WAL flush of PostgreSQL). The first accept is written at
 * once; those that arrive while it is being flushed form the next batch. No
 * timer: nothing waits idle.
 */

/** Commits a batch; one result (or Error) per entry, in order. Throwing fails the whole batch. */
export type CommitBatch<TEntry, TResult> = (entries: TEntry[]) => Promise<(TResult | Error)[]>;

interface Job<TEntry, TResult> {
  entry: TEntry;
  resolve: (result: TResult) => void;
  reject: (error: Error) => void;
}

const MAX_BATCH = 256;

export class GroupCommitter<TEntry, TResult = void> {
  private readonly commitBatch: CommitBatch<TEntry, TResult>;
  private pending: Job<TEntry, TResult>[] = [];
  private running: Promise<void> | undefined;

  constructor(commitBatch: CommitBatch<TEntry, TResult>) {
    this.commitBatch = commitBatch;
  }

  /** Resolves once the entry is durable. */
  commit(entry: TEntry): Promise<TResult> {
    return new Promise((resolve, reject) => {
      this.pending.push({ entry, resolve, reject });
      this.kick();
    });
  }

  /** Resolves when nothing is being written. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private kick(): void {
    if (this.running) return;
    this.running = this.drain().finally(() => {
      this.running = undefined;
      // An entry may have arrived after the last loop turn but before this line.
      if (this.pending.length) this.kick();
    });
  }

  private async drain(): Promise<void> {
    while (this.pending.length) {
      const batch = this.pending.splice(0, MAX_BATCH);
      let results: (TResult | Error)[];
      try {
        results = await this.commitBatch(batch.map((job) => job.entry));
      } catch (error) {
        results = batch.map(() => error as Error);
      }
      batch.forEach((job, i) => {
        const result = results[i];
        if (result instanceof Error) job.reject(result);
        else job.resolve(result as TResult);
      });
    }
  }
}
