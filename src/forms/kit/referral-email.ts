/**
 * What every referral's email to the team shares: the facts the team acts
 * on first (danger, register, place, reply-by date, reference, when it came)
 * and the person the referral is about, as rows: the answers to the kit's
 * person questions (browser/person-questions.ts) with the age on the day of
 * sending and the place the team routes it to; and the communication needs.
 */
import { formatDate } from './browser/date.ts';
import { linesOf } from './browser/text.ts';
import { formatReceived, type EmailRow } from './email.ts';
import type { Received } from './form.ts';
import { replyByFact } from './reply-by.ts';

/** The team's first facts: danger now, the register, the place, the reply-by date (where promised), reference, when. */
export function referralFacts(
  received: Omit<Received<unknown>, 'answers' | 'areaName'>,
  facts: { danger: string; register: string; place: EmailRow },
): EmailRow[] {
  const { replyBy, replyWorkingDays: days } = received;
  return [
    { label: 'Danger right now', value: facts.danger },
    { label: 'Register', value: facts.register },
    facts.place,
    ...(replyBy && days ? [{ label: 'Reply by', value: replyByFact(replyBy, days, received.replyPromiseIsOwn) }] : []),
    { label: 'Reference', value: received.reference },
    { label: 'Received', value: formatReceived(received.receivedAt) },
  ];
}

export interface PersonAnswers {
  name: string;
  dob: string;
  address: string;
  postcode: string;
  gp: { known: true; name: string } | { known: false };
  nhsNumber?: string | undefined;
}

export function personEmailRows(
  person: PersonAnswers,
  facts: { age: number; place: { label: string; value: string }; gpUnknown: string },
): EmailRow[] {
  return [
    { label: 'Full name', value: person.name },
    { label: 'Date of birth', value: formatDate(person.dob) },
    { label: 'Age on the day of sending', value: String(facts.age) },
    { label: 'Home address', value: linesOf(person.address) },
    { label: 'Postcode', value: person.postcode },
    facts.place,
    { label: 'GP surgery', value: person.gp.known ? person.gp.name : facts.gpUnknown },
    { label: 'NHS number', value: person.nhsNumber ?? 'Not given' },
  ];
}

/** Communication needs (Accessible Information Standard) as rows: the chosen needs' labels, then the details. */
export function needsRows(
  needs: { labels: readonly string[]; language: string | undefined; other: string | undefined },
  otherLabel: string,
): EmailRow[] {
  return [
    { label: 'Needs', value: needs.labels.length ? needs.labels : 'None given' },
    ...(needs.language === undefined ? [] : [{ label: 'Language', value: needs.language }]),
    ...(needs.other === undefined ? [] : [{ label: otherLabel, value: linesOf(needs.other) }]),
  ];
}
