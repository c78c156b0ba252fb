/**
 * Refer someone as a professional: the professionals' referral form, for
 * areas whose settings offer it (`join.professionalForm`). The team's email
 * carries the register for the person's age on the day of sending.
 */
import type { Form, Received } from '../kit/form.ts';
import { chooseRegister } from '../kit/register.ts';
import { settingsOf, wordsOf } from '../kit/referral-settings.ts';
import { ageOn } from '../kit/browser/person.ts';
import type { Area } from '../../area/schema.ts';
import { londonDate } from '../../time/london.ts';
import { renderProfessionalEmail } from './email.ts';
import { STEP_WORDS } from './questions.ts';
import type { ReferralWords } from '../kit/referral-settings.ts';
import {
  professionalForm,
  type ProfessionalAnswers,
  type ProfessionalForm,
  type ProfessionalSettings,
} from './schema.ts';

/** What the form takes from the area's settings: the page gives the browser the same (`data-settings`). */
export function professionalSettings(area: Area): Omit<ProfessionalSettings, 'today'> {
  return settingsOf(area);
}

/** The area's settings the form's words are made from. */
export function professionalWords(area: Area): ReferralWords {
  return wordsOf(area);
}

/** The team's email: the person's age and register are those on the day of sending. */
function email(message: Received<ProfessionalAnswers>, area: Area) {
  const age = ageOn(message.answers.dob, londonDate(message.receivedAt));
  if (age === undefined) throw new RangeError('The date of birth is after the day of sending');
  const register = chooseRegister(area.registers, age);
  return renderProfessionalEmail({
    ...message,
    age,
    register,
    words: professionalWords(area),
    places: area.places.list,
  });
}

export const professionalReferral: Form<ProfessionalForm> = {
  path: '/professional-referral',
  offered: (area) => area.join.professionalForm !== undefined,
  // The same promise, if any, as the area's online referral.
  reply: { route: 'onlineForm', kind: 'reply' },
  definition: (area, today) => professionalForm({ ...professionalSettings(area), today: () => today }),
  email,
  confirmation: {
    title: 'We have your referral',
    description: 'Your professional referral has been sent to the DSR team.',
    sent: 'your referral',
    reply: 'The DSR team will reply to your work email address',
    how: 'They will write to the work email address you gave.',
    keep: 'Keep the reference number, and quote it if you contact the team about this referral.',
    more: { href: '/after-you-ask', text: 'Read what happens after a referral' },
    process: true,
    worse: 'The DSR is not a crisis service. If the risk rises, do not wait for the DSR team.',
  },
  page: {
    description:
      'For professionals: refer a person with a learning disability or an autistic person to the Dynamic Support Register, the DSR.',
    cannot: 'refer someone as a professional',
    otherWays: 'Professionals can refer in other ways.',
    steps: STEP_WORDS,
    views: {
      form: { title: 'Refer someone to the DSR as a professional', picture: 'doctor' },
      check: { title: 'Check your answers before sending', picture: 'list' },
      'no-consent': { title: 'This referral cannot be sent without consent', picture: 'no' },
    },
  },
};
