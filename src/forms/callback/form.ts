/** Ask for a call: the callback request form, for areas that call people back. */
import type { Form } from '../kit/form.ts';
import { renderCallbackEmail } from './email.ts';
import { callbackForm } from './schema.ts';

export const callback: Form<typeof callbackForm> = {
  path: '/ask-for-a-call',
  offered: (area) => area.join.phone?.callback === true,
  definition: () => callbackForm,
  email: renderCallbackEmail,
};
