/**
 * The DSR team's email for a referral. The subject carries only our words,
 * the reference, the register and the borough or district: never the name
 * or any health detail. The body groups every answer under the headings the
 * team works through: Safety first, then who asked, the person, diagnosis,
 * why now, the consent basis, how to contact, communication needs
 * (Accessible Information Standard) and, where the area promises one, the
 * date to reply by. Reply-To is the form-filler's own email address, when
 * they chose email (one plain address, checked by the schema).
 */
import { choiceLabel } from '../kit/browser/choices.ts';
import { formatDate } from '../kit/browser/date.ts';
import { linesOf } from '../kit/browser/text.ts';
import {
  DANGER_MARKER,
  oneLine,
  phoneLines,
  renderEmail,
  type EmailContent,
  type EmailRow,
  type RenderedEmail,
} from '../kit/email.ts';
import type { Received } from '../kit/form.ts';
import { needsRows, referralFacts } from '../kit/referral-email.ts';
import type { RegisterRule } from '../kit/register.ts';
import { replyByFact } from '../kit/reply-by.ts';
import type { ConsentRules } from '../../consent/model.ts';
import { consentRoutes } from '../kit/browser/consent.ts';
import { capitalise } from '../kit/browser/text.ts';
import { PLACE_NOT_SURE, questions } from './questions.ts';
import type { ReferralWords } from '../kit/referral-settings.ts';
import type { ReferralAnswers } from './schema.ts';

export interface ReferralEmailInput extends Received<ReferralAnswers> {
  /** Age in whole years on the London day the referral was sent. */
  age: number;
  /** The area's register for that age; undefined if the settings have none (the email says so). */
  register: RegisterRule | undefined;
  /** The area's words the form was shown with: its places' kind, its reasons, its consent model. */
  words: ReferralWords;
  /** The area's places: where the form did not ask (one place), the person lives there. */
  places: readonly string[];
}

export const EMAIL_HEADINGS = {
  safety: 'Safety',
  who: 'Who filled this in',
  person: 'The person',
  diagnosis: 'Diagnosis',
  support: 'Why extra support is needed now',
  consent: 'Consent (basis)',
  contact: 'How to contact',
  needs: 'Communication needs (Accessible Information Standard)',
  replyBy: 'Reply by',
} as const;

/** Who filled in the form, in the team's words (the form's choices are in the first person). */
const FILLER_FOR_TEAM: Record<ReferralAnswers['filler'], string> = {
  self: 'The person themselves',
  parent: 'A parent, or someone with parental responsibility',
  carer: 'A carer, family member or friend',
  professional: 'A professional',
};

/** "Lewisham", "Borough not known" for "I am not sure", or the area's one place where the form did not ask. */
function placeText(place: string | undefined, input: Pick<ReferralEmailInput, 'words' | 'places'>): string {
  if (place === undefined) return input.places.length === 1 ? input.places[0]! : 'Not asked';
  return place === PLACE_NOT_SURE ? `${capitalise(input.words.placeKind)} not known` : place;
}

function registerText(register: RegisterRule | undefined, age: number): string {
  return register ? register.name : `No register in this area's settings fits age ${age}: check the settings`;
}

/** "DSR referral DSR-7KQM-2XPT, Children and young people under 18, Lewisham". */
export function referralSubject(
  input: Pick<ReferralEmailInput, 'reference' | 'register' | 'age' | 'words' | 'places'> & {
    place: string | undefined;
    danger: boolean;
  },
): string {
  const register = input.register?.name ?? 'Register not known';
  // A shared inbox sorts on the marker; the subject still carries no name.
  const marker = input.danger ? `${DANGER_MARKER} ` : '';
  return oneLine(`${marker}DSR referral ${input.reference}, ${register}, ${placeText(input.place, input)}`);
}

export { DANGER_MARKER };

/** Who decides for someone else, in the team's words. */
const DECIDER_AGREES_FOR_TEAM = {
  'parent-or-carer': 'A parent or carer agrees',
  'parent-or-legal-guardian': 'Parents or legal guardians agree',
  'best-interests-meeting': 'A best interests meeting agrees',
} as const;

/** The consent basis in the team's words, by the area's consent model: who agreed, on what footing. */
function consentBasis(
  answers: Pick<ReferralAnswers, 'consent16' | 'consentUnder16'>,
  rules: ConsentRules,
): { band: string; basis: string } {
  const routes = consentRoutes(rules);
  const older = `${routes.fromAge} or over`;
  switch (answers.consent16) {
    case 'agrees':
      return { band: older, basis: 'The person agrees to be on the DSR (their own consent).' };
    case 'cannot-decide':
      return {
        band: older,
        basis: routes.bestInterests
          ? `The person may not be able to decide (mental capacity).${routes.assessment ? ' A Mental Capacity Assessment is needed;' : ''} if they lack capacity for this decision, a best interests decision under the Mental Capacity Act 2005.`
          : `The person cannot decide (mental capacity). ${DECIDER_AGREES_FOR_TEAM[routes.cannotDecideBy]} for them.`,
      };
    case 'no':
      return { band: older, basis: 'The person does not agree: not to be sent.' };
  }
  switch (answers.consentUnder16) {
    case 'parent':
      return { band: `Under ${routes.fromAge}`, basis: `${DECIDER_AGREES_FOR_TEAM[routes.youngerBy]}.` };
    case 'young-person':
      return {
        band: `Under ${routes.fromAge}`,
        basis: 'The young person agrees for themselves (Gillick competence: to be confirmed by a professional).',
      };
    case 'no':
      return { band: `Under ${routes.fromAge}`, basis: 'Nobody agrees: not to be sent.' };
  }
  return { band: 'Unknown', basis: 'No consent answer.' };
}

function referralEmailContent(input: ReferralEmailInput): EmailContent {
  const a = input.answers;
  const q = questions(input.words);
  const kind = capitalise(input.words.placeKind);
  const place = placeText(a.place, input);
  const register = registerText(input.register, input.age);
  const days = input.replyWorkingDays;
  const replyBy = input.replyBy && days ? replyByFact(input.replyBy, days, input.replyPromiseIsOwn) : undefined;
  const danger = a.danger === 'yes';
  const consent = consentBasis(a, input.words.consent);
  const self = a.filler === 'self';

  const facts = referralFacts(input, {
    danger: danger ? 'YES: someone is in danger now, or in a mental health crisis. See Safety.' : 'No',
    register,
    place: { label: kind, value: place },
  });

  const contactRows: EmailRow[] = [
    { label: 'Best way to contact', value: choiceLabel(q.contactMethod.choices, a.contactMethod) },
  ];
  if (a.phone)
    contactRows.push({
      label: a.contactMethod === 'text' ? 'Mobile number (for texts)' : 'Phone number',
      value: phoneLines(a.phone),
    });
  if (a.email) contactRows.push({ label: 'Email address', value: a.email });
  if (a.contactMethod === 'letter') {
    contactRows.push({
      label: 'Address for letters',
      value: a.letterAddress ? linesOf(a.letterAddress) : ["The person's home address (see The person)"],
    });
  }
  contactRows.push({
    label: 'Who to contact',
    value: self
      ? 'The person (they filled this in)'
      : `${a.fillerName ?? 'The person who filled this in'} (${FILLER_FOR_TEAM[a.filler].toLowerCase()})`,
  });

  const sections: EmailContent['sections'] = [
    {
      heading: EMAIL_HEADINGS.safety,
      rows: [
        { label: q.danger.label, value: danger ? 'Yes' : 'No' },
        ...(danger
          ? [
              {
                label: 'What the form did',
                value:
                  'Said the DSR team will not read this form today. Showed 999, NHS 111 option 2 and the local crisis lines straight away, then let them carry on.',
              },
            ]
          : []),
      ],
    },
    {
      heading: EMAIL_HEADINGS.who,
      rows: [
        { label: 'Who filled this in', value: FILLER_FOR_TEAM[a.filler] },
        ...(self
          ? []
          : [
              { label: 'Their name', value: a.fillerName },
              {
                label: 'How they know the person',
                value: a.relationship === undefined ? undefined : linesOf(a.relationship),
              },
            ]),
      ],
    },
    {
      heading: EMAIL_HEADINGS.person,
      rows: [
        { label: 'Full name', value: a.name },
        { label: 'Date of birth', value: formatDate(a.dob) },
        { label: 'Age on the day of sending', value: String(input.age) },
        { label: 'Register', value: register },
        { label: 'Home address', value: linesOf(a.address) },
        { label: 'Postcode', value: a.postcode },
        { label: kind, value: place },
        { label: 'GP surgery', value: a.gp.known ? a.gp.name : 'They do not know' },
        { label: 'NHS number', value: a.nhsNumber ?? 'Not given' },
      ],
    },
    {
      heading: EMAIL_HEADINGS.diagnosis,
      rows: [{ label: 'Learning disability or autism', value: choiceLabel(q.diagnosis.choices, a.diagnosis) }],
    },
    {
      heading: EMAIL_HEADINGS.support,
      rows: [
        { label: 'Reasons', value: a.reasons.map((reason) => choiceLabel(q.reasons.choices, reason)) },
        ...(a.reasonsOther === undefined ? [] : [{ label: 'Other reason', value: linesOf(a.reasonsOther) }]),
        { label: 'What is happening now', value: a.happening === undefined ? 'Not given' : linesOf(a.happening) },
      ],
    },
    {
      heading: EMAIL_HEADINGS.consent,
      rows: [
        { label: 'Age band on the day of sending', value: consent.band },
        { label: 'Basis', value: consent.basis },
        ...(a.consent16 === 'cannot-decide'
          ? [
              {
                label: 'Who helps them make big decisions',
                value: a.capacityDetail === undefined ? 'Not given' : linesOf(a.capacityDetail),
              },
            ]
          : []),
      ],
    },
    { heading: EMAIL_HEADINGS.contact, rows: contactRows },
    {
      heading: EMAIL_HEADINGS.needs,
      rows: needsRows(
        {
          labels: a.needs.map((need) => choiceLabel(q.needs.choices, need)),
          language: a.needsLanguage,
          other: a.needsOther,
        },
        'Other help',
      ),
    },
  ];
  if (replyBy) {
    sections.push({
      heading: EMAIL_HEADINGS.replyBy,
      rows: [{ label: 'Reply to the person who asked by', value: replyBy }],
    });
  }

  return {
    title: `DSR referral ${input.reference}`,
    facts,
    sections,
    footer: `Sent from the ${input.areaName} Dynamic Support Register website (Ask to join the DSR).`,
  };
}

export function renderReferralEmail(input: ReferralEmailInput): RenderedEmail {
  return renderEmail(
    referralSubject({ ...input, place: input.answers.place, danger: input.answers.danger === 'yes' }),
    referralEmailContent(input),
    input.answers.email,
  );
}
