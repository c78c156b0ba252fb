/** Loaded by the callback page: enhances the form if the browser can. */
import { enhanceForm } from '../kit/browser/enhance.ts';
import { callbackForm } from './schema.ts';

const form = document.querySelector<HTMLFormElement>('form[data-form="callback"]');
if (form) enhanceForm(form, callbackForm);
