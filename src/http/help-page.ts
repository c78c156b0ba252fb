/**
 * The plain pages the server sends when it cannot use the site's own pages:
 * a body too big to read (413, before Astro sees the request) and a failure
 * while rendering (500, when even the 500 page fails). They still give what
 * a person in crisis needs: 999 and NHS 111 option 2 as links to call, the
 * area's crisis lines that are open now, and how to contact the DSR team.
 * No styles or scripts: they must work when everything else has failed.
 */
import type { Area, NationalLine } from '../area/schema.ts';
import { telHref } from '../area/phone.ts';
import { barLines, whoFor, type ShownLine } from '../crisis/lines.ts';

interface PlainHelp {
  areaName?: string;
  /** Lines that can be called now, 999 and NHS 111 option 2 first. */
  lines: ShownLine[];
  contact?: { email?: string; phone?: string };
}

interface PlainPage {
  title: string;
  /** Easy-read sentences, one paragraph each. */
  message: string[];
}

const ALWAYS = { kind: 'always' } as const;

/**
 * Used only when the settings cannot be read at all. These two numbers are
 * the national ones in content/shared/national-crisis-lines.yaml.
 */
const LAST_RESORT: NationalLine[] = [
  {
    id: 'emergency',
    rank: 1,
    name: 'Emergency services',
    phone: '999',
    forWhom: 'anyone whose life is at risk now',
    hours: ALWAYS,
    source: { own: 'fallback' },
  },
  {
    id: 'nhs-111',
    rank: 2,
    name: 'NHS 111 for a mental health crisis',
    phone: '111',
    option: 'choose option 2',
    forWhom: 'people of any age in a mental health crisis',
    hours: ALWAYS,
    source: { own: 'fallback' },
  },
];

/** What to offer at `at`: the open lines and the team's contact, or 999 and 111 alone without settings. */
export function plainHelp(
  settings: { area: Area; national: readonly NationalLine[] } | undefined,
  at: Date,
): PlainHelp {
  if (!settings) return { lines: barLines({ area: { crisisLines: [] }, national: LAST_RESORT }, at) };
  const { area, national } = settings;
  return {
    areaName: area.name,
    lines: barLines({ area, national }, at).filter((line) => line.status.open && line.phone),
    contact: {
      ...(area.join.email ? { email: area.join.email.address } : {}),
      ...(area.join.phone ? { phone: area.join.phone.number } : {}),
    },
  };
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function lineItem(line: ShownLine): string {
  const call = `Call ${line.phone}${line.option ? `, ${line.option}` : ''}`;
  return (
    `<li>${escapeHtml(line.name)}: <a href="${telHref(line.phone!)}">${escapeHtml(call)}</a>. ` +
    `${escapeHtml(whoFor(line))}. ${escapeHtml(line.statusText)}.</li>`
  );
}

export function plainHelpPage(page: PlainPage, help: PlainHelp): string {
  const site = help.areaName ? `${help.areaName} Dynamic Support Register` : 'Dynamic Support Register';
  const contact = help.contact ?? {};
  const contactItems = [
    contact.email
      ? `<li>Email <a href="mailto:${escapeHtml(contact.email)}">${escapeHtml(contact.email)}</a>.</li>`
      : '',
    contact.phone ? `<li>Call <a href="${telHref(contact.phone)}">${escapeHtml(contact.phone)}</a>.</li>` : '',
  ].join('');
  return [
    '<!doctype html><html lang="en-GB"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(page.title)} - ${escapeHtml(site)}</title></head><body>`,
    `<main><h1>${escapeHtml(page.title)}</h1>`,
    ...page.message.map((sentence) => `<p>${escapeHtml(sentence)}</p>`),
    '<h2>Need help now?</h2><p>The DSR is not a crisis service.</p>',
    `<ul>${help.lines.map(lineItem).join('')}</ul>`,
    '<p><a href="/crisis">All crisis lines, who they are for and when they are open</a></p>',
    contactItems ? `<h2>Contact the DSR team</h2><ul>${contactItems}</ul>` : '',
    '<p><a href="/">Go to the home page</a></p></main></body></html>',
  ].join('');
}

/** The 413 page: what was sent is too big to read. */
export const TOO_LARGE: PlainPage = {
  title: 'Too much to send',
  message: [
    'What you sent is too big. Nothing was sent.',
    'Write less and try again. Or contact the DSR team another way.',
  ],
};

/** The 500 page when even the site's own error page fails. */
export const FAILED: PlainPage = {
  title: 'Something went wrong',
  message: ['Sorry, there is a problem with this website. Try again later.'],
};
