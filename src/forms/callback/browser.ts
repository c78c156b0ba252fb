/** Loaded by the callback page's <script>: enhances the form if the browser can. */
import { enhanceForm } from '../enhance/index.ts';
import { callbackForm } from './schema.ts';

const form = document.querySelector<HTMLFormElement>('form[data-form="callback"]');
if (form) enhanceForm(form, callbackForm);
