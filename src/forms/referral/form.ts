/**
 * Ask to join the DSR: the self-referral form, for areas that take referrals
 * online. The team's email carries the register for the person's age on the
 * day of sending.
 */
import type { Form } from '../kit/form.ts';
import { chooseRegister } from '../kit/register.ts';
import { settingsOf, wordsOf } from '../kit/referral-settings.ts';
import type { Area } from '../../area/schema.ts';
import { londonDate } from '../../time/london.ts';
import { renderReferralEmail } from './email.ts';
import { STEP_WORDS } from './questions.ts';
import type { ReferralWords } from '../kit/referral-settings.ts';
import { ageFromAnswers, referralForm, type ReferralForm, type ReferralSettings } from './schema.ts';

/** What the form takes from the area's settings: the page gives the browser the same (`data-settings`). */
export function referralSettings(area: Area): Omit<ReferralSettings, 'today'> {
  return settingsOf(area);
}

/** The area's settings the form's words are made from. */
export function areaWords(area: Area): ReferralWords {
  return wordsOf(area);
}

export const referral: Form<ReferralForm> = {
  path: '/refer',
  offered: (area) => area.join.onlineForm !== undefined,
  reply: { route: 'onlineForm', kind: 'reply' },
  definition: (area, today) => referralForm({ ...referralSettings(area), today: () => today }),
  email: (message, area) => {
    const age = ageFromAnswers(message.answers, londonDate(message.receivedAt));
    return renderReferralEmail({
      ...message,
      age,
      register: chooseRegister(area.registers, age),
      words: areaWords(area),
      places: area.places.list,
    });
  },
  page: {
    views: {
      form: { title: 'Ask to join the DSR', picture: 'form' },
      check: { title: 'Check your answers before sending', picture: 'list' },
      'no-consent': { title: 'We cannot send this form without consent', picture: 'no' },
    },
    description:
      'Ask for someone to join the Dynamic Support Register, the DSR: for yourself, or for someone you care for.',
    cannot: 'ask to join the DSR',
    otherWays: 'You can ask in other ways.',
    steps: STEP_WORDS,
  },
  confirmation: {
    title: 'We have your referral',
    description: 'Your request to join the DSR has been sent to the DSR team.',
    sent: 'your answers',
    reply: 'The team will get back to you',
    how: 'They will use the contact details in your form.',
    keep: 'Keep your reference number. Tell us the number if you contact us about your referral.',
    more: { href: '/after-you-ask', text: 'Read more about what happens after you ask' },
    process: true,
    worse: 'The DSR is not a crisis service. Do not wait for us if you need help now.',
  },
};
