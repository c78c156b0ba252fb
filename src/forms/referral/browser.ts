/**
 * Loaded by the referral page: turns the one complete form into steps if the
 * browser can, with the same definition the server checks with. The page
 * gives the area's settings (places, reasons, consent model) and the
 * server's London day in data attributes, so the browser works out the same
 * age (and so the same consent question) as the server.
 */
import { enhanceSteps } from '../kit/browser/steps.ts';
import { referralForm, type ReferralSettings } from './schema.ts';
import { summarise } from './summary.ts';

const form = document.querySelector<HTMLFormElement>('form[data-form="referral"]');
if (form) {
  const { settings = '{}', today = '' } = form.dataset;
  const definition = referralForm({ ...(JSON.parse(settings) as Omit<ReferralSettings, 'today'>), today: () => today });
  enhanceSteps(form, definition, summarise);
}
