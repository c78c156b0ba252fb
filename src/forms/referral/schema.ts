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
 */
import * as v from 'valibot';
import { dateSchema, readDateParts } from '../kit/browser/date.ts';
import { defineForm, type FieldSchema, type FormAnswers } from '../kit/browser/form.ts';
import { ageOn, checkNhsNumber, consentBand, normalisePostcode } from '../kit/browser/person.ts';
import { ukPhone } from '../kit/browser/phone.ts';
import { countCharacters, optionalText, requiredName, requiredText, tidyText } from '../kit/browser/text.ts';
import { many, single, type RawValues } from '../kit/browser/values.ts';
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
  NEEDS,
  NEEDS_OTHER_MAX,
  PLACE_NOT_SURE,
  REASONS,
  REASONS_OTHER_MAX,
  RELATIONSHIP_MAX,
  STEPS,
} from './questions.ts';

interface ReferralSettings {
  /** The area's boroughs or districts (`places.list`). */
  places: readonly string[];
  /** What the area calls them: "borough" or "district". */
  placeKind: string;
  /** Today on a London clock, 'YYYY-MM-DD': the day of sending. */
  today: () => string;
}

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
type GpAnswer = { known: true; name: string } | { known: false };

const SEPARATED_SPACES = /\s+/g;

const readDob = readDateParts('dob');

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

  /** Which consent question the raw date of birth asks, or undefined while it is not a real past date. */
  const bandOf = (raw: RawValues) => {
    const parsed = v.safeParse(dob, readDob(raw), { abortPipeEarly: true });
    const age = parsed.success ? ageOn(parsed.output, settings.today()) : undefined;
    return age === undefined ? undefined : consentBand(age);
  };
  const filler = (raw: RawValues) => single(raw['filler']);
  const method = (raw: RawValues) => single(raw['contactMethod']);
  const someoneElse = (raw: RawValues) => {
    const who = filler(raw);
    return who !== undefined && who !== 'self' && (FILLER as readonly string[]).includes(who);
  };
  const kind = settings.placeKind;

  return defineForm({
    id: 'referral',
    fields: {
      danger: v.picklist(DANGER, 'Select yes if anyone is in danger right now'),
      filler: v.picklist(FILLER, 'Select who is filling in this form'),
      name: requiredName({ missing: "Enter the person's full name", subject: 'Full name' }),
      dob,
      address: requiredText(ADDRESS_MAX, { missing: "Enter the person's home address", subject: 'Home address' }),
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
      diagnosis: v.picklist(DIAGNOSIS, 'Select the answer that fits the person best'),
      reasons: choicesFrom(REASONS, 'Select why the person might need extra support now', true),
      reasonsOther: asked(
        requiredText(REASONS_OTHER_MAX, { missing: 'Enter the other reason', subject: 'The other reason' }),
      ),
      happening: optionalText(HAPPENING_MAX, 'What is happening'),
      consent16: asked(v.picklist(CONSENT_16, 'Select if the person agrees to be on the DSR')),
      capacityDetail: optionalText(CAPACITY_DETAIL_MAX, 'Who helps the person'),
      consentUnder16: asked(v.picklist(CONSENT_UNDER_16, 'Select who agrees to the young person being on the DSR')),
      fillerName: asked(requiredName({ missing: 'Enter your full name', subject: 'Your name' })),
      relationship: asked(
        requiredText(RELATIONSHIP_MAX, {
          missing: 'Enter how you know the person',
          subject: 'How you know the person',
        }),
      ),
      contactMethod: v.picklist(CONTACT_METHOD, 'Select the best way to contact you'),
      phone: asked(ukPhone('Enter your phone number')),
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
        requiredText(ADDRESS_MAX, { missing: 'Enter your address for letters', subject: 'Your address for letters' }),
      ),
      needs: choicesFrom(NEEDS, 'Select the help to communicate from the list', false),
      needsLanguage: asked(requiredText(LANGUAGE_MAX, { missing: 'Enter the language', subject: 'Language' })),
      needsOther: asked(
        requiredText(NEEDS_OTHER_MAX, { missing: 'Enter the other help you need', subject: 'Other help' }),
      ),
    },
    applies: {
      reasonsOther: (raw) => many(raw['reasons']).includes('other'),
      consent16: (raw) => bandOf(raw) === 'sixteen-or-over',
      capacityDetail: (raw) => bandOf(raw) === 'sixteen-or-over' && single(raw['consent16']) === 'cannot-decide',
      consentUnder16: (raw) => bandOf(raw) === 'under-sixteen',
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
      phone: (raw) => ({ typed: single(raw['phone']), mobile: method(raw) === 'text' }),
    },
    targets: { dob: 'dob-day' },
    inputs: { dob: ['dob-day', 'dob-month', 'dob-year'], gp: ['gp', 'gpUnknown'] },
    steps: STEPS,
    // Nobody agrees: the person cannot be added, and nothing is sent.
    stop: (answers) => (consentRefused(answers) ? 'no-consent' : undefined),
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
export function consentRefused(answers: {
  consent16?: string | undefined;
  consentUnder16?: string | undefined;
}): boolean {
  return answers.consent16 === 'no' || answers.consentUnder16 === 'no';
}
