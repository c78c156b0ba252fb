/**
 * What happened to each message, without personal data: reference, times,
 * attempts and outcome. Kept for LEDGER_RETENTION_DAYS, then deleted. The
 * file spool keeps it in DATA_DIR/ledger/, the PostgreSQL queue in a table.
 */
export type Outcome = 'delivered' | 'parked' | 'corrupt' | 'retried';

export interface LedgerEntry {
  reference: string;
  outcome: Outcome;
  /** ISO times. */
  acceptedAt: string | undefined;
  at: string;
  attempts: number;
  /** A reply code or error code, never reply text. */
  code?: string | undefined;
}

export const iso = (ms: number): string => new Date(ms).toISOString();
