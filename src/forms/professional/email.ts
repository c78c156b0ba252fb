/**
 * The DSR team's email for a professional's referral. The subject carries
 * only our words, the reference, the register and the borough or district:
 * never a name or any health detail (the danger marker is our own words).
 * The body groups every answer under the form's headings: the referrer, the
 * person, the reason, current risk, the consent basis, what has been tried
 * and communication needs. Reply-To is the referrer's work email address.
 */
import { choiceLabel } from '../kit/browser/choices.ts';
import { linesOf } from '../kit/browser/text.ts';
import { DANGER_MARKER, oneLine, phoneLines, renderEmail, type EmailContent } from '../kit/email.ts';
import type { EmailRow, RenderedEmail } from '../kit/email.ts';
import type { Received } from '../kit/form.ts';
import { needsRows, personEmailRows, referralFacts } from '../kit/referral-email.ts';
import type { RegisterRule } from '../kit/register.ts';
import { consentRoutes } from '../kit/browser/consent.ts';
import { DECIDER_CONSENTS, PLACE_NOT_KNOWN, questions } from './questions.ts';
import type { ReferralWords } from '../kit/referral-settings.ts';
import type { ProfessionalAnswers } from './schema.ts';

export interface ProfessionalEmailInput extends Received<ProfessionalAnswers> {
  /** Age in whole years on the London day the referral was sent. */
  age: number;
  /** The area's register for that age; undefined if the settings have none (the email says so). */
  register: RegisterRule | undefined;
  words: ReferralWords;
  /** The area's places: where the form did not ask (one place), the person lives there. */
  places: readonly string[];
}

export const EMAIL_HEADINGS = {
  referrer: 'Referrer',
  person: 'The person',
  reasons: 'Reason for referral',
  risk: 'Current risk',
  consent: 'Consent (basis)',
  tried: 'What has been tried',
  needs: 'Communication needs (Accessible Information Standard)',
} as const;

/** "Lewisham", "District not known", or the area's one place where the form did not ask. */
function placeOf(input: Pick<ProfessionalEmailInput, 'answers' | 'words' | 'places'>): string {
  const { place } = input.answers;
  if (place === undefined) return input.places.length === 1 ? input.places[0]! : 'Not asked';
  return place === PLACE_NOT_KNOWN ? `${input.words.placeKind} not known`.replace(/^./, (c) => c.toUpperCase()) : place;
}

/** "DSR professional referral DSR-7KQM-2XPT, Children and young people, Basildon": no name, no health detail. */
export function professionalSubject(input: ProfessionalEmailInput): string {
  const marker = input.answers.danger === 'yes' ? `${DANGER_MARKER} ` : '';
  const register = input.register?.name ?? 'Register not known';
  return oneLine(`${marker}DSR professional referral ${input.reference}, ${register}, ${placeOf(input)}`);
}

/** The consent the professional recorded, in the team's words, by the area's consent model. */
function consentBasis(answers: ProfessionalAnswers, words: ReferralWords): EmailRow[] {
  const routes = consentRoutes(words.consent);
  const older = `${routes.fromAge} or over`;
  const younger = `Under ${routes.fromAge}`;
  const basis: Record<string, [string, string]> = {
    consents: [older, 'The person has given their own consent (recorded by the referrer).'],
    'lacks-capacity': [
      older,
      routes.bestInterests
        ? 'The person lacks capacity for this decision; a best interests decision under the Mental Capacity Act 2005 supports the referral (recorded by the referrer).'
        : `The person lacks capacity for this decision; ${DECIDER_CONSENTS[routes.cannotDecideBy]} (recorded by the referrer).`,
    ],
    parent: [younger, `${DECIDER_CONSENTS[routes.youngerBy]} (recorded by the referrer).`.replace(/^t/, 'T')],
    'young-person': [younger, 'The young person consents and is Gillick competent (recorded by the referrer).'],
  };
  const [band, text] = basis[answers.consentAdult ?? answers.consentYounger ?? ''] ?? ['Unknown', 'No consent answer.'];
  const rows: EmailRow[] = [
    { label: 'Age band on the day of sending', value: band },
    { label: 'Basis', value: text },
  ];
  if (answers.consentAdult === 'lacks-capacity') {
    const label = questions(words).capacityDetail.short;
    rows.push({ label, value: answers.capacityDetail ? linesOf(answers.capacityDetail) : 'Not given' });
  }
  return rows;
}

function professionalEmailContent(input: ProfessionalEmailInput): EmailContent {
  const a = input.answers;
  const q = questions(input.words);
  const place = placeOf(input);
  const register = input.register ? input.register.name : `No register fits age ${input.age}: check the settings`;
  const danger = a.danger === 'yes';
  const placeLabel = input.words.placeKind.replace(/^./, (c) => c.toUpperCase());

  return {
    title: `DSR professional referral ${input.reference}`,
    facts: referralFacts(input, {
      danger: danger ? 'YES: the referrer says someone is in danger now, or in a crisis. See Current risk.' : 'No',
      register,
      place: { label: placeLabel, value: place },
    }),
    sections: [
      {
        heading: EMAIL_HEADINGS.referrer,
        rows: [
          { label: 'Name', value: a.proName },
          { label: 'Role', value: a.proRole },
          { label: 'Organisation', value: a.proOrganisation },
          { label: 'Work email', value: a.proEmail },
          { label: 'Work phone', value: phoneLines(a.proPhone) },
        ],
      },
      {
        heading: EMAIL_HEADINGS.person,
        rows: personEmailRows(a, {
          age: input.age,
          place: { label: placeLabel, value: place },
          gpUnknown: 'Not known to the referrer',
        }),
      },
      {
        heading: EMAIL_HEADINGS.reasons,
        rows: [
          { label: 'Reasons', value: a.reasons.map((reason) => choiceLabel(q.reasons.choices, reason)) },
          ...(a.reasonsOther === undefined ? [] : [{ label: 'Other reason', value: linesOf(a.reasonsOther) }]),
        ],
      },
      {
        heading: EMAIL_HEADINGS.risk,
        rows: [
          { label: q.danger.label, value: danger ? 'Yes' : 'No' },
          { label: 'Current risk', value: linesOf(a.risk) },
        ],
      },
      { heading: EMAIL_HEADINGS.consent, rows: consentBasis(a, input.words) },
      { heading: EMAIL_HEADINGS.tried, rows: [{ label: 'What has been tried', value: linesOf(a.tried) }] },
      {
        heading: EMAIL_HEADINGS.needs,
        rows: needsRows(
          {
            labels: a.needs.map((need) => choiceLabel(q.needs.choices, need)),
            language: a.needsLanguage,
            other: a.needsOther,
          },
          'Other needs',
        ),
      },
    ],
    footer: `Sent from the ${input.areaName} Dynamic Support Register website (professionals' referral form).`,
  };
}

export function renderProfessionalEmail(input: ProfessionalEmailInput): RenderedEmail {
  return renderEmail(professionalSubject(input), professionalEmailContent(input), input.answers.proEmail);
}
