/**
 * The daily count as the team reads it. Contract: it holds numbers, times and
 * references only; never a name, an answer or a contact detail, because
 * nothing it is made from (see count.ts) holds any.
 */
import type { OutgoingMessage } from '../channels/mail/index.ts';
import { escapeHtml } from '../forms/kit/email.ts';
import { inLondon } from '../time/london.ts';
import type { DailyCount } from './count.ts';

const when = (at: Date): string => inLondon(at).toFormat('d MMMM yyyy, HH:mm');

/** The lines of the summary, shared by the text and HTML parts. */
function lines(count: DailyCount): string[] {
  return [
    `From ${when(count.from)} to ${when(count.to)} (London time), not counting these daily counts:`,
    '',
    `Received: ${count.received}`,
    `Delivered: ${count.delivered}`,
    `Waiting to be delivered now: ${count.waiting}`,
    `Oldest waiting since: ${count.oldestWaitingAt ? when(count.oldestWaitingAt) : 'none waiting'}`,
    `Parked now (could not be delivered): ${count.parked.length}`,
    ...count.parked.map((reference) => `  ${reference}`),
    '',
    count.parked.length
      ? 'A parked message is kept, not lost. Ask whoever runs the portal to look at it (npm run queue -- list).'
      : 'Nothing is parked.',
  ];
}

export function dailyCountEmail(count: DailyCount, area: { name: string; mailbox: string }): OutgoingMessage {
  const body = lines(count);
  return {
    to: area.mailbox,
    subject: `DSR portal daily count – ${area.name} – ${inLondon(count.to).toFormat('d MMMM yyyy')}`,
    text: `${body.join('\n')}\n`,
    html: `<pre>${escapeHtml(body.join('\n'))}</pre>`,
  };
}
