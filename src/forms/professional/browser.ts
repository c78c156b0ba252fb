/**
 * Loaded by the professionals' referral page: turns the one complete form
 * into steps if the browser can, with the same definition the server checks
 * with, made from the area's settings and the server's London day that the
 * page gives in data attributes.
 */
import { enhanceSteps } from '../kit/browser/steps.ts';
import { professionalForm, type ProfessionalSettings } from './schema.ts';
import { summarise } from './summary.ts';

const form = document.querySelector<HTMLFormElement>('form[data-form="professional"]');
if (form) {
  const { settings = '{}', today = '' } = form.dataset;
  const parsed = JSON.parse(settings) as Omit<ProfessionalSettings, 'today'>;
  enhanceSteps(form, professionalForm({ ...parsed, today: () => today }), summarise);
}
