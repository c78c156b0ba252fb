/**
 * The server knows which paths take a post before Astro loads any form
 * (src/http/methods.ts), so that list is written apart from the forms: this
 * holds it to the forms' own paths, both ways.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FORM_PATHS } from '../../src/http/methods.ts';
import { callback } from '../../src/forms/callback/form.ts';
import { referral } from '../../src/forms/referral/form.ts';
import { professionalReferral } from '../../src/forms/professional/form.ts';

test('the paths that take a post are exactly the forms’ paths', () => {
  const forms = [callback, referral, professionalReferral].map((form) => form.path);
  assert.deepEqual([...FORM_PATHS].sort(), forms.sort());
});
