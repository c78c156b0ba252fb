/**
 * The team's email for any form: facts at the top (reference, by when),
 * then every question and answer in form order, under headings if the form
 * has them. Plain text and simple HTML (tables, for Outlook). Everything a
 * person typed is escaped in the HTML and stays in the body: only the
 * subject is a header, and it is built from our own words and the reference.
 */
import { formatClockTime } from '../../time/easy-read-time.ts';
import { inLondon } from '../../time/london.ts';

/** What a form's email function gives the queue: the message to the area's mailbox, without `to`. */
export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
  /** The form-filler's own address, where they gave one to be answered at; never the sender. */
  replyTo?: string;
}

/** "Friday 20 November 2026 at 3:05pm", on a London clock. */
export function formatReceived(at: Date): string {
  const london = inLondon(at);
  return `${london.toFormat('cccc d LLLL yyyy')} at ${formatClockTime(london)}`;
}

/** A phone answer for the team: as typed, and ready to dial. */
export function phoneLines(phone: { typed: string; e164: string }): string[] {
  return [`${phone.typed} (as typed)`, `${phone.e164} (to dial)`];
}

export interface EmailRow {
  label: string;
  /** Several lines for one answer (a phone number as typed and to dial). Missing: "Not answered". */
  value: string | readonly string[] | undefined;
}

interface EmailSection {
  heading?: string;
  rows: EmailRow[];
}

export interface EmailContent {
  /** The first line and the HTML heading: "Callback request DSR-7KQM-2XPT". */
  title: string;
  /** Facts the team acts on first. */
  facts: EmailRow[];
  sections: EmailSection[];
  /** A closing line, such as where the message came from. */
  footer?: string;
}

/** The start of the subject of a message that says someone is in danger now: a shared inbox sorts on it. */
export const DANGER_MARKER = 'DANGER NOW:';

const NOT_ANSWERED = 'Not answered';

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char]!);
}

/** One header line: no CR, LF or other control characters, single spaces. */
export function oneLine(value: string): string {
  return value
    .replace(/[\u0000-\u001f\u007f\u0085\u2028\u2029]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function lines(value: EmailRow['value']): string[] {
  if (value === undefined || (Array.isArray(value) && value.length === 0)) return [NOT_ANSWERED];
  return (typeof value === 'string' ? [value] : [...value]).flatMap((item) => item.replace(/\r\n?/g, '\n').split('\n'));
}

function renderText(content: EmailContent): string {
  const out: string[] = [content.title, '='.repeat(Math.min(content.title.length, 60)), ''];
  for (const row of content.facts) out.push(`${row.label}: ${lines(row.value).join(' ')}`);
  for (const section of content.sections) {
    out.push('');
    if (section.heading) out.push(section.heading, '-'.repeat(Math.min(section.heading.length, 60)), '');
    for (const row of section.rows) {
      out.push(row.label);
      // Indented, so typed text can never look like one of our labels.
      for (const line of lines(row.value)) out.push(`    ${line}`);
      out.push('');
    }
  }
  if (content.footer) out.push('', content.footer);
  return `${out.join('\n').trimEnd()}\n`;
}

const CELL = 'padding:8px;border:1px solid #b1b4b6;vertical-align:top;text-align:left';

function renderHtml(content: EmailContent): string {
  const cells = (value: EmailRow['value']) => lines(value).map(escapeHtml).join('<br>');
  const table = (rows: EmailRow[]) =>
    `<table cellpadding="0" cellspacing="0" style="border-collapse:collapse;width:100%;max-width:640px">\n${rows
      .map(
        (row) =>
          `<tr><th scope="row" style="${CELL};width:40%">${escapeHtml(row.label)}</th><td style="${CELL}">${cells(row.value)}</td></tr>`,
      )
      .join('\n')}\n</table>`;
  const parts = [
    '<!doctype html>',
    '<html lang="en-GB"><head><meta charset="utf-8"><title>' + escapeHtml(content.title) + '</title></head>',
    '<body style="font-family:Arial,sans-serif;font-size:16px;line-height:1.5;color:#0b0c0c">',
    `<h1 style="font-size:24px">${escapeHtml(content.title)}</h1>`,
    table(content.facts),
  ];
  for (const section of content.sections) {
    if (section.heading) parts.push(`<h2 style="font-size:20px;margin-top:24px">${escapeHtml(section.heading)}</h2>`);
    else parts.push('<p></p>');
    parts.push(table(section.rows));
  }
  if (content.footer) parts.push(`<p style="margin-top:24px">${escapeHtml(content.footer)}</p>`);
  parts.push('</body></html>');
  return `${parts.join('\n')}\n`;
}

/** The email the queue sends: a header-safe subject, the text and HTML bodies, and Reply-To where given. */
export function renderEmail(subject: string, content: EmailContent, replyTo?: string): RenderedEmail {
  const email: RenderedEmail = { subject: oneLine(subject), text: renderText(content), html: renderHtml(content) };
  if (replyTo) email.replyTo = replyTo;
  return email;
}
