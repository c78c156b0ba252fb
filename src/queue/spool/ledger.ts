/**
 * The file spool's ledger (see ../ledger.ts): one JSON line per event in
 * DATA_DIR/ledger/DAY.jsonl. Whole days are deleted after the retention period.
 */
import { appendFile, mkdir, readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import type { LedgerEntry } from '../ledger.ts';

const DAY_FILE = /^(\d{4}-\d{2}-\d{2})\.jsonl$/;

export class Ledger {
  readonly dir: string;
  private tail: Promise<void> = Promise.resolve();

  constructor(dataDir: string) {
    this.dir = path.join(dataDir, 'ledger');
  }

  /** Appends in order; a lost line in a crash is acceptable, the spool is the truth. */
  record(entry: LedgerEntry): Promise<void> {
    const line = `${JSON.stringify(entry)}\n`;
    const file = path.join(this.dir, `${entry.at.slice(0, 10)}.jsonl`);
    this.tail = this.tail
      .catch(() => {})
      .then(async () => {
        await mkdir(this.dir, { recursive: true, mode: 0o700 });
        await appendFile(file, line, { mode: 0o600 });
      });
    return this.tail;
  }

  /** Entries at or after `since`, oldest first; a torn last line (a crash mid-append) is skipped. */
  async readSince(since: number): Promise<LedgerEntry[]> {
    await this.tail.catch(() => {});
    const firstDay = new Date(since).toISOString().slice(0, 10);
    const names = (await readdir(this.dir).catch(() => [] as string[]))
      .filter((name) => (DAY_FILE.exec(name)?.[1] ?? '') >= firstDay)
      .sort();
    const entries: LedgerEntry[] = [];
    for (const name of names) {
      const text = await readFile(path.join(this.dir, name), 'utf8').catch(() => '');
      for (const line of text.split('\n')) {
        const entry = parseLine(line);
        if (entry && Date.parse(entry.at) >= since) entries.push(entry);
      }
    }
    return entries;
  }

  /** Deletes the day files older than `days` days before `now`. */
  async prune(days: number, now: number): Promise<number> {
    const cutoff = new Date(now - days * 86_400_000).toISOString().slice(0, 10);
    let removed = 0;
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch {
      return 0;
    }
    for (const name of names) {
      const day = DAY_FILE.exec(name)?.[1];
      if (day && day < cutoff) {
        await rm(path.join(this.dir, name), { force: true });
        removed += 1;
      }
    }
    return removed;
  }
}

function parseLine(line: string): LedgerEntry | undefined {
  if (!line.trim()) return undefined;
  try {
    const entry = JSON.parse(line) as LedgerEntry;
    return typeof entry.reference === 'string' && typeof entry.at === 'string' ? entry : undefined;
  } catch {
    return undefined;
  }
}
