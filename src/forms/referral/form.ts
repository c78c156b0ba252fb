/**
 * Ask to join the DSR: the self-referral form, for areas that take referrals
 * online. The team's email carries the register for the person's age on the
 * day of sending.
 */
import type { Form } from '../kit/form.ts';
import { chooseRegister } from '../kit/register.ts';
import { renderReferralEmail } from './email.ts';
import { ageFromAnswers, referralForm, type ReferralForm } from './schema.ts';
import { londonDate } from '../../time/london.ts';

export const referral: Form<ReferralForm> = {
  path: '/refer',
  offered: (area) => area.join.onlineForm,
  definition: (area, today) =>
    referralForm({ places: area.places.list, placeKind: area.places.kind, today: () => today }),
  email: (message, area) => {
    const age = ageFromAnswers(message.answers, londonDate(message.receivedAt));
    return renderReferralEmail({
      ...message,
      age,
      register: chooseRegister(area.registers, age),
      placeKind: area.places.kind,
    });
  },
};
