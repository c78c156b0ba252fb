/**
 * The questions about the person a referral is for, as every referral form
 * asks them (their markup is components/PersonQuestions.astro): full name,
 * date of birth, home address, postcode, the area's place (asked only where
 * the area has several), GP surgery and the NHS number. A form spreads
 * `fields`, `applies`, `read`, `targets` and `inputs` into its definition;
 * `consentBandOf` tells which consent question the date of birth asks.
 */
import * as v from 'valibot';
import { dateSchema, readDateParts } from './date.ts';
import { asked } from './form.ts';
import { ageOn, consentBand, gpSurgery, nhsNumber, postcode } from './person.ts';
import { requiredName, requiredText } from './text.ts';
import { single, type RawValues } from './values.ts';

export const PERSON_ADDRESS_MAX = 300;

export interface PersonSettings {
  /** The area's boroughs or districts (`places.list`). */
  places: readonly string[];
  /** The answer for "not sure" or "not known", and the message when no place is chosen. */
  placeUnknown: { value: string; message: string };
  /** From this age the person consents for themselves (the area's `consent.ownDecision.fromAge`). */
  fromAge: number;
  /** Today on a London clock, 'YYYY-MM-DD'. */
  today: () => string;
}

const readDob = readDateParts('dob');

export function personQuestions(settings: PersonSettings) {
  const dob = dateSchema(
    {
      missing: "Enter the person's date of birth",
      mustInclude: 'Date of birth must include a',
      real: 'Date of birth must be a real date',
      year: 'Year must include 4 numbers',
      past: 'Date of birth must be in the past',
    },
    { past: true, today: settings.today },
  );
  return {
    fields: {
      name: requiredName({ missing: "Enter the person's full name", subject: 'Full name' }),
      dob,
      address: requiredText(PERSON_ADDRESS_MAX, {
        missing: "Enter the person's home address",
        subject: 'Home address',
      }),
      postcode: postcode('Enter the postcode'),
      place: asked(v.picklist([...settings.places, settings.placeUnknown.value], settings.placeUnknown.message)),
      gp: gpSurgery(),
      nhsNumber: nhsNumber(),
    },
    // An area with one place: everyone referred lives there.
    applies: { place: () => settings.places.length > 1 },
    read: {
      dob: readDob,
      gp: (raw: RawValues) => ({ name: single(raw['gp']), unknown: single(raw['gpUnknown']) }),
    },
    targets: { dob: 'dob-day' },
    inputs: { dob: ['dob-day', 'dob-month', 'dob-year'], gp: ['gp', 'gpUnknown'] },
    /** Which consent question the raw date of birth asks; undefined while it is not a real past date. */
    consentBandOf: (raw: RawValues) => {
      const parsed = v.safeParse(dob, readDob(raw), { abortPipeEarly: true });
      const age = parsed.success ? ageOn(parsed.output, settings.today()) : undefined;
      return age === undefined ? undefined : consentBand(age, settings.fromAge);
    },
  };
}
