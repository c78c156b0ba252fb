/**
 * How delivery is going in this process, for /healthz and for pausing: a
 * channel that cannot be reached pauses every delivery (one probe at a time,
 * with backoff) instead of failing each message in turn.
 */
import type { FailureClass } from '../channels/channel.ts';
import { backoffDelay, type BackoffSettings } from './backoff.ts';

export type DeliveryState = 'idle' | 'delivering' | 'retrying' | 'relay-unreachable';

export class DeliveryStatus {
  private readonly backoff: BackoffSettings;
  private readonly now: () => number;
  private unreachableFailures = 0;
  /** Milliseconds since the epoch; before then, nothing is attempted. */
  pausedUntil = 0;
  failingSince: number | undefined;
  lastDeliveredAt: number | undefined;

  constructor(backoff: BackoffSettings, now: () => number) {
    this.backoff = backoff;
    this.now = now;
  }

  delivered(): void {
    this.unreachableFailures = 0;
    this.pausedUntil = 0;
    this.failingSince = undefined;
    this.lastDeliveredAt = this.now();
  }

  failed(failure: FailureClass): void {
    const at = this.now();
    this.failingSince ??= at;
    if (failure.unreachable) {
      this.unreachableFailures += 1;
      this.pausedUntil = at + backoffDelay(this.unreachableFailures, this.backoff);
    }
  }

  /** Nothing is waiting any more: nothing is failing either. */
  settled(): void {
    this.failingSince = undefined;
  }

  paused(): boolean {
    return this.now() < this.pausedUntil;
  }

  state(queued: number): DeliveryState {
    if (queued === 0) return 'idle';
    if (this.paused()) return 'relay-unreachable';
    return this.failingSince === undefined ? 'delivering' : 'retrying';
  }
}
