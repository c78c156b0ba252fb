/** Ask for a call: the callback request form, for areas that call people back. */
import type { Form } from '../kit/form.ts';
import { renderCallbackEmail } from './email.ts';
import { callbackForm } from './schema.ts';

export const callback: Form<typeof callbackForm> = {
  path: '/ask-for-a-call',
  offered: (area) => area.join.phone?.callback === true,
  reply: { route: 'callback', kind: 'call' },
  definition: () => callbackForm,
  email: renderCallbackEmail,
  page: {
    views: { form: { title: 'Ask us to call you', picture: 'phone' } },
    description: 'Leave your name and phone number and the DSR team will call you back.',
    cannot: 'ask for a call',
    otherWays: 'You can ask to join the DSR in other ways.',
  },
  confirmation: {
    title: 'We have your request',
    description: 'Your request for a call has been sent to the DSR team.',
    sent: 'your request',
    reply: 'Someone from the team will call you',
    how: 'They will phone the number you gave us.',
    keep: 'Keep your reference number. Tell us the number if you call us about your request.',
    worse: 'Do not wait for our call if you need help now.',
  },
};
