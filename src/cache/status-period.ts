/**
 * A page records, while it renders, until when the crisis-line statuses it
 * shows stay true, and from when. The middleware keeps the rendered page until the earliest
 * of these instants (src/cache/pages.ts); a page that records nothing is
 * never kept.
 */
import { statusPeriodEnd, type ShownLine } from '../crisis/lines.ts';

/** Called by each component that shows lines with a status, with the instant it rendered them at. */
export function noteStatusShown(locals: App.Locals, lines: readonly ShownLine[], at: Date): void {
  const until = statusPeriodEnd(lines, at);
  if (!locals.statusUntil || until < locals.statusUntil) locals.statusUntil = until;
  if (!locals.statusFrom || at > locals.statusFrom) locals.statusFrom = at;
}
