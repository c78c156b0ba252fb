/**
 * Runs concurrent calls together, so many submissions share one cost: one
 * commit (the file spool's folder fsyncs; one PostgreSQL transaction and WAL
 * flush), or one database lookup. The first call runs at once; those that
 * arrive while it runs form the next batch. No timer: nothing waits idle.
 */

/** Runs a batch; one result (or Error) per entry, in order. Throwing fails the whole batch. */
type RunBatch<TEntry, TResult> = (entries: TEntry[]) => Promise<(TResult | Error)[]>;

interface Job<TEntry, TResult> {
  entry: TEntry;
  resolve: (result: TResult) => void;
  reject: (error: Error) => void;
}

const MAX_BATCH = 256;

export class Batcher<TEntry, TResult> {
  private readonly runBatch: RunBatch<TEntry, TResult>;
  private pending: Job<TEntry, TResult>[] = [];
  private running: Promise<void> | undefined;

  constructor(runBatch: RunBatch<TEntry, TResult>) {
    this.runBatch = runBatch;
  }

  /** Resolves with this entry's result, once its batch has run. */
  run(entry: TEntry): Promise<TResult> {
    return new Promise((resolve, reject) => {
      this.pending.push({ entry, resolve, reject });
      this.kick();
    });
  }

  /** Resolves when no batch is running. */
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
        results = await this.runBatch(batch.map((job) => job.entry));
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
