/**
 * The referral form's one definition: the rules and messages of every
 * question, in question order (the error summary follows it), and which
 * questions apply to which answers. The server checks every POST with it;
 * the browser checks each step with the very same module (`validate` with
 * `only`). GOV.UK wording: instructions for missing answers, descriptions for
 * wrong ones; never "please", "valid" or "required".
 *
 * The definition depends on the area (its boroughs or districts) and on the
 * day (age decides which consent question applies), so it is made by
 * `referralForm(settings)`: the server passes the London day of the request;
 * the page gives the browser the same day and the same places.
 *
 * Browser-safe: valibot and the shared helpers only.
 */
import * as v from 'valibot';
import { dateSchema, readDateParts } from '../shared/date.ts';
import { defineForm, type FieldSchema, type FormAnswers } from '../shared/form.ts';
import { parseUkPhone, type PhoneAnswer } from '../shared/phone.ts';
import { countCharacters, optionalText, requiredName, requiredText, tidyText } from '../shared/text.ts';
import { many, single, type RawValues } from '../shared/values.ts';
import {
  ADDRESS_MAX,
  CAPACITY_DETAIL_MAX,
  CONSENT_16,
  CONSENT_UNDER_16,
  CONTACT_METHOD,
  DANGER,
  DIAGNOSIS,
  EMAIL_MAX,
  FILLER,
  GP_MAX,
  HAPPENING_MAX,
  LANGUAGE_MAX,
  MOBILE_EXAMPLE,
  NAME_MAX,
  NEEDS,
  NEEDS_OTHER_MAX,
  PHONE_EXAMPLES,
  PLACE_NOT_SURE,
  REASONS,
  REASONS_OTHER_MAX,
  RELATIONSHIP_MAX,
} from './questions.ts';
import { ageOn, checkNhsNumber, CONSENT_AGE, normalisePostcode } from './rules.ts';

export interface ReferralSettings {
  /** The area's boroughs or districts (`places.list`). */
  places: readonly string[];
  /** What the area calls them: "borough" or "district". */
  placeKind: string;
  /** Today on a London clock, 'YYYY-MM-DD': the day of sending. */
  today: () => string;
}

const valuesOf = <T extends { value: string }>(choices: readonly T[]) =>
  choices.map((choice) => choice.value as T['value']);

/**
 * A follow-up question: checked only when `applies` says it is asked, and
 * then it must be answered; absent from the answers otherwise, so its type
 * allows undefined (see FormDefinition.applies).
 */
function asked<TSchema extends FieldSchema>(
  schema: TSchema,
): v.GenericSchema<unknown, v.InferOutput<TSchema> | undefined> {
  return schema as unknown as v.GenericSchema<unknown, v.InferOutput<TSchema> | undefined>;
}

/** Several answers from check boxes, each one of `choices`, each once, in the order offered. */
function choicesFrom<T extends string>(choices: readonly T[], message: string, atLeastOne: boolean) {
  return v.pipe(
    v.array(v.picklist(choices, message), message),
    v.check((list) => !atLeastOne || list.length > 0, message),
    v.transform((list) => choices.filter((choice) => list.includes(choice))),
  );
}

/** The GP question: a surgery's name, or "I do not know". */
export type GpAnswer = { known: true; name: string } | { known: false };

const SEPARATED_SPACES = /\s+/g;

/** Every input name of a question, for carrying answers through the check-your-answers page. */
export const INPUTS: Readonly<Record<string, readonly string[]>> = {
  dob: ['dob-day', 'dob-month', 'dob-year'],
  gp: ['gp', 'gpUnknown'],
};

export function inputsOf(field: string): readonly string[] {
  return INPUTS[field] ?? [field];
}

export const readDob = readDateParts('dob');

export function referralForm(settings: ReferralSettings) {
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

  /** The person's age today from the raw date of birth, or undefined while it is not a real past date. */
  const ageOf = (raw: RawValues): number | undefined => {
    const parsed = v.safeParse(dob, readDob(raw), { abortPipeEarly: true });
    return parsed.success ? ageOn(parsed.output, settings.today()) : undefined;
  };
  const filler = (raw: RawValues) => single(raw['filler']);
  const method = (raw: RawValues) => single(raw['contactMethod']);
  const someoneElse = (raw: RawValues) => {
    const who = filler(raw);
    return who !== undefined && who !== 'self' && (valuesOf(FILLER) as string[]).includes(who);
  };
  const kind = settings.placeKind;

  return defineForm({
    id: 'referral',
    fields: {
      danger: v.picklist(valuesOf(DANGER), 'Select yes if anyone is in danger right now'),
      filler: v.picklist(valuesOf(FILLER), 'Select who is filling in this form'),
      name: requiredName(NAME_MAX, {
        missing: "Enter the person's full name",
        tooLong: `Full name must be ${NAME_MAX} characters or fewer`,
        characters: 'Full name must only include letters, spaces, hyphens, full stops and apostrophes',
      }),
      dob,
      address: requiredText(ADDRESS_MAX, {
        missing: "Enter the person's home address",
        tooLong: `Home address must be ${ADDRESS_MAX} characters or fewer`,
      }),
      postcode: v.pipe(
        v.string('Enter the postcode'),
        v.transform((value) => value.trim()),
        v.nonEmpty('Enter the postcode'),
        v.rawTransform(({ dataset, addIssue, NEVER }) => {
          const postcode = normalisePostcode(dataset.value);
          if (postcode) return postcode;
          addIssue({ message: 'Enter a real postcode, like SE1 7EH' });
          return NEVER;
        }),
      ),
      place: v.picklist(
        [...settings.places, PLACE_NOT_SURE],
        `Select the ${kind} the person lives in, or I am not sure`,
      ),
      gp: v.pipe(
        v.custom<{ name?: unknown; unknown?: unknown }>((input) => typeof input === 'object' && input !== null),
        v.rawTransform(({ dataset, addIssue, NEVER }): GpAnswer => {
          const typed =
            typeof dataset.value.name === 'string' ? tidyText(dataset.value.name).replace(SEPARATED_SPACES, ' ') : '';
          if (typed === '') {
            if (dataset.value.unknown === 'yes') return { known: false };
            addIssue({ message: 'Enter the name of the GP surgery, or select I do not know' });
            return NEVER;
          }
          if (countCharacters(typed) > GP_MAX) {
            addIssue({ message: `GP surgery must be ${GP_MAX} characters or fewer` });
            return NEVER;
          }
          return { known: true, name: typed };
        }),
      ),
      nhsNumber: v.optional(
        v.pipe(
          v.string(),
          v.transform((value) => value.trim()),
          v.rawTransform(({ dataset, addIssue, NEVER }): string | undefined => {
            if (dataset.value === '') return undefined;
            const checked = checkNhsNumber(dataset.value);
            if (checked.ok) return checked.display;
            addIssue({
              message:
                checked.problem === 'format'
                  ? 'NHS number must be 10 numbers'
                  : 'NHS number is not right. Check each number',
            });
            return NEVER;
          }),
        ),
      ),
      diagnosis: v.picklist(valuesOf(DIAGNOSIS), 'Select the answer that fits the person best'),
      reasons: choicesFrom(valuesOf(REASONS), 'Select why the person might need extra support now', true),
      reasonsOther: asked(
        requiredText(REASONS_OTHER_MAX, {
          missing: 'Enter the other reason',
          tooLong: `The other reason must be ${REASONS_OTHER_MAX} characters or fewer`,
        }),
      ),
      happening: optionalText(HAPPENING_MAX, {
        tooLong: `What is happening must be ${HAPPENING_MAX} characters or fewer`,
      }),
      consent16: asked(v.picklist(valuesOf(CONSENT_16), 'Select if the person agrees to be on the DSR')),
      capacityDetail: optionalText(CAPACITY_DETAIL_MAX, {
        tooLong: `Who helps the person must be ${CAPACITY_DETAIL_MAX} characters or fewer`,
      }),
      consentUnder16: asked(
        v.picklist(valuesOf(CONSENT_UNDER_16), 'Select who agrees to the young person being on the DSR'),
      ),
      fillerName: asked(
        requiredName(NAME_MAX, {
          missing: 'Enter your full name',
          tooLong: `Your name must be ${NAME_MAX} characters or fewer`,
          characters: 'Your name must only include letters, spaces, hyphens, full stops and apostrophes',
        }),
      ),
      relationship: asked(
        requiredText(RELATIONSHIP_MAX, {
          missing: 'Enter how you know the person',
          tooLong: `How you know the person must be ${RELATIONSHIP_MAX} characters or fewer`,
        }),
      ),
      contactMethod: v.picklist(valuesOf(CONTACT_METHOD), 'Select the best way to contact you'),
      phone: asked(
        v.pipe(
          v.custom<{ phone?: unknown; method?: unknown }>((input) => typeof input === 'object' && input !== null),
          v.rawTransform(({ dataset, addIssue, NEVER }): PhoneAnswer => {
            const typed = typeof dataset.value.phone === 'string' ? dataset.value.phone : '';
            const parsed = parseUkPhone(typed);
            if (!parsed.ok) {
              addIssue({
                message:
                  parsed.problem === 'empty'
                    ? 'Enter your phone number'
                    : parsed.problem === 'not-uk'
                      ? `Enter a UK phone number, like ${PHONE_EXAMPLES}`
                      : `Enter a phone number, like ${PHONE_EXAMPLES}`,
              });
              return NEVER;
            }
            if (dataset.value.method === 'text' && !parsed.e164.startsWith('+447')) {
              addIssue({ message: `Enter a mobile phone number for text messages, like ${MOBILE_EXAMPLE}` });
              return NEVER;
            }
            return { typed: parsed.typed, e164: parsed.e164 };
          }),
        ),
      ),
      email: asked(
        v.pipe(
          v.string('Enter your email address'),
          v.transform((value) => value.trim()),
          v.nonEmpty('Enter your email address'),
          v.check(
            (value) => countCharacters(value) <= EMAIL_MAX,
            `Email address must be ${EMAIL_MAX} characters or fewer`,
          ),
          // One plain address: ASCII, no spaces, commas or brackets, so it can be the email's Reply-To.
          v.regex(/^[\x21-\x7e]+$/, 'Enter an email address in the correct format, like name@example.com'),
          v.email('Enter an email address in the correct format, like name@example.com'),
        ),
      ),
      letterAddress: asked(
        requiredText(ADDRESS_MAX, {
          missing: 'Enter your address for letters',
          tooLong: `Your address for letters must be ${ADDRESS_MAX} characters or fewer`,
        }),
      ),
      needs: choicesFrom(valuesOf(NEEDS), 'Select the help to communicate from the list', false),
      needsLanguage: asked(
        requiredText(LANGUAGE_MAX, {
          missing: 'Enter the language',
          tooLong: `Language must be ${LANGUAGE_MAX} characters or fewer`,
        }),
      ),
      needsOther: asked(
        requiredText(NEEDS_OTHER_MAX, {
          missing: 'Enter the other help you need',
          tooLong: `Other help must be ${NEEDS_OTHER_MAX} characters or fewer`,
        }),
      ),
    },
    applies: {
      reasonsOther: (raw) => many(raw['reasons']).includes('other'),
      consent16: (raw) => (ageOf(raw) ?? -1) >= CONSENT_AGE,
      capacityDetail: (raw) => (ageOf(raw) ?? -1) >= CONSENT_AGE && single(raw['consent16']) === 'cannot-decide',
      consentUnder16: (raw) => {
        const age = ageOf(raw);
        return age !== undefined && age < CONSENT_AGE;
      },
      fillerName: someoneElse,
      relationship: someoneElse,
      phone: (raw) => method(raw) === 'phone' || method(raw) === 'text',
      email: (raw) => method(raw) === 'email',
      letterAddress: (raw) => method(raw) === 'letter' && someoneElse(raw),
      needsLanguage: (raw) => many(raw['needs']).includes('language'),
      needsOther: (raw) => many(raw['needs']).includes('other'),
    },
    read: {
      dob: readDob,
      gp: (raw) => ({ name: single(raw['gp']), unknown: single(raw['gpUnknown']) }),
      reasons: (raw) => many(raw['reasons']),
      needs: (raw) => many(raw['needs']),
      phone: (raw) => ({ phone: single(raw['phone']), method: method(raw) }),
    },
    targets: { dob: 'dob-day' },
  });
}

export type ReferralForm = ReturnType<typeof referralForm>;
export type ReferralAnswers = FormAnswers<ReferralForm>;

/** The person's age on the day, from checked answers. */
export function ageFromAnswers(answers: Pick<ReferralAnswers, 'dob'>, today: string): number {
  const age = ageOn(answers.dob, today);
  if (age === undefined) throw new RangeError('The date of birth is after today');
  return age;
}

/** True when the answers say nobody agrees: nothing may be sent. */
export function consentRefused(answers: Pick<ReferralAnswers, 'consent16' | 'consentUnder16'>): boolean {
  return answers.consent16 === 'no' || answers.consentUnder16 === 'no';
}
