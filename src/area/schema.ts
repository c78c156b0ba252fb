/**
 * The settings file of an area: `content/areas/<area>/area.yaml`.
 * Everything an area's pages, crisis lines and forms need to know about the
 * area lives here, so a new area needs no code.
 *
 * Contract: every fact carries a `source`. Either a short verbatim `quote`
 * from one of the documents in `sources` (the test suite finds each quote in
 * the document's stored text copy), or `own`: a promise this website makes
 * itself, never the area's, said so wherever it is shown.
 */
import * as v from 'valibot';
import { CONSENT_DECIDERS } from '../consent/deciders.ts';

const text = v.pipe(v.string(), v.trim(), v.nonEmpty());
const slug = v.pipe(v.string(), v.regex(/^[a-z0-9-]+$/, 'Use lower case letters, numbers and hyphens'));

/**
 * A document that facts are quoted from: its title, its public address, and
 * `copy`, the path of a stored text copy from the project folder (for
 * example `../shared/seeds/000_4d3019d19dd76247.txt`, or
 * `content/areas/<area>/sources/page.txt` kept beside the settings).
 */
export const SourceDocumentSchema = v.object({
  id: slug,
  title: text,
  url: v.optional(v.pipe(v.string(), v.url())),
  copy: text,
});

/** A few words, copied exactly from the document `doc`, that carry the fact. */
export const QuotedSourceSchema = v.object({
  doc: slug,
  quote: v.union([text, v.pipe(v.array(text), v.nonEmpty())]),
});

/** A promise this website makes itself; `own` says what it is and why it is the portal's own. */
export const OwnPromiseSchema = v.object({ own: text });

export const FactSourceSchema = v.union([QuotedSourceSchema, OwnPromiseSchema]);

/** A fact shown as easy-read words. */
export const FactSchema = v.object({ text, source: FactSourceSchema });

/** A UK phone number written the UK way, for example "020 3228 5980". */
const ukPhone = v.pipe(
  v.string(),
  v.regex(/^(0\d{2,4}( \d{3,4}){1,2}|\d{3}|\d{3} \d{3})$/, 'Write the number the UK way, like 020 3228 5980'),
);

const time = v.pipe(v.string(), v.regex(/^([01]\d|2[0-4]):[0-5]\d$/, 'Use 24-hour time, like 17:00'));

/** Days are ISO numbers: 1 is Monday, 7 is Sunday. */
const OpeningSchema = v.object({
  days: v.pipe(v.array(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(7))), v.nonEmpty()),
  opens: time,
  closes: time,
});

export const HoursSchema = v.variant('kind', [
  v.object({ kind: v.literal('always') }),
  v.object({
    kind: v.literal('weekly'),
    /** Opening times on ordinary days. */
    times: v.pipe(v.array(OpeningSchema), v.nonEmpty()),
    /** Opening times on England and Wales bank holidays; closed if absent. */
    bankHolidays: v.optional(v.object({ opens: time, closes: time })),
  }),
]);

export const CrisisLineSchema = v.object({
  id: slug,
  name: text,
  /** Phone number to call, written the UK way. Absent for text-only lines. */
  phone: v.optional(ukPhone),
  /** A choice to make after dialling, for example "choose option 1". */
  option: v.optional(text),
  /** For text lines: the word to send and the number to send it to. */
  text: v.optional(v.object({ word: text, to: v.pipe(v.string(), v.regex(/^\d{3,6}$/)) })),
  /** Who the line is for, in easy read, without places: "children", "adults". */
  forWhom: text,
  hours: HoursSchema,
  /** Places served: `all`, or names from the area's `places.list`. */
  places: v.union([v.literal('all'), v.pipe(v.array(text), v.nonEmpty())]),
  source: FactSourceSchema,
});

/** A crisis line for everyone in England: content/shared/national-crisis-lines.yaml, shown in `rank` order. */
export const NationalLineSchema = v.object({
  ...v.omit(CrisisLineSchema, ['places']).entries,
  rank: v.pipe(v.number(), v.integer()),
});

const RegisterSchema = v.object({
  id: slug,
  /** Easy-read name: "Children and young people under 18". */
  name: text,
  minAge: v.pipe(v.number(), v.integer(), v.minValue(0)),
  /** Oldest age on this register; absent means no upper limit. */
  maxAge: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
  source: FactSourceSchema,
});

const ServiceSchema = v.object({
  name: text,
  /** One or two easy-read sentences. */
  description: text,
  picture: slug,
  /** Youngest and oldest ages the service is for, when its source says. */
  minAge: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
  maxAge: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
  source: FactSourceSchema,
});

/** A reason the area adds a person to its DSR; the form offers the same list. */
const ReasonSchema = v.object({
  id: slug,
  /** Easy read, to finish "A person may be added if ...": "they may have to go into a mental health hospital". */
  text,
  source: FactSourceSchema,
});

/** How soon the team replies to one way of asking. */
export const ReplyPromiseSchema = v.object({
  workingDays: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(30)),
  source: FactSourceSchema,
});

/**
 * Who may say yes to being on the DSR, from the area's own source (the
 * logic is src/consent/model.ts).
 */
export const ConsentModelSchema = v.object({
  /** From this age a person decides for themselves, if they can. */
  ownDecision: v.object({ fromAge: v.pipe(v.number(), v.integer(), v.minValue(1)), source: FactSourceSchema }),
  /** Who decides for a younger person; `gillick`: the young person may decide if they understand well enough. */
  younger: v.object({ decidedBy: v.picklist(CONSENT_DECIDERS), gillick: v.boolean(), source: FactSourceSchema }),
  /** Who decides when a person cannot decide; `assessment`: a Mental Capacity Assessment checks first. */
  cannotDecide: v.object({
    decidedBy: v.picklist(CONSENT_DECIDERS),
    assessment: v.boolean(),
    source: FactSourceSchema,
  }),
  /** The source says being on the DSR is a choice. */
  choice: v.optional(v.object({ source: FactSourceSchema })),
  /** The law lets the team add a person without consent to keep people safe. */
  keepingSafe: v.optional(v.object({ source: FactSourceSchema })),
});

export const AreaSchema = v.pipe(
  v.object({
    /** The area's name as people say it: "South East London". */
    name: text,
    /** The documents this file's facts are quoted from. */
    sources: v.pipe(v.array(SourceDocumentSchema), v.nonEmpty()),
    /** Who keeps the register, as the source names them: "the Essex DSR team". */
    organisation: v.object({ name: text, source: FactSourceSchema }),
    /** Boroughs or districts: what they are called and their names. */
    places: v.object({
      /** "borough", "district", or "area" when the source names no smaller places. */
      kind: text,
      list: v.pipe(v.array(text), v.nonEmpty()),
      source: FactSourceSchema,
    }),
    /** How the registers are kept, as a sentence: "Usually, each borough has 2 registers." */
    registersIntro: v.optional(FactSchema),
    /** Registers, chosen by age on the day of asking. */
    registers: v.pipe(v.array(RegisterSchema), v.nonEmpty()),
    /** Who the DSR is for, in the area's words, one point each. */
    whoFor: v.pipe(v.array(FactSchema), v.nonEmpty()),
    /** Why a person is added: the area's referral criteria, also offered by the referral form. */
    reasons: v.object({
      /** "all": every reason must be true; "any": one is enough. */
      match: v.picklist(['all', 'any']),
      list: v.pipe(v.array(ReasonSchema), v.nonEmpty()),
    }),
    /** Ways to ask to join. */
    join: v.object({
      /** This website's referral form: always the portal's own route (`own`). */
      onlineForm: v.optional(v.object({ source: FactSourceSchema })),
      /**
       * This website's form for professionals to refer someone: offered only
       * where the area's source says professionals refer (off when absent).
       */
      professionalForm: v.optional(v.object({ source: FactSourceSchema })),
      email: v.optional(
        v.object({ address: v.pipe(v.string(), v.email()), include: v.array(text), source: FactSourceSchema }),
      ),
      phone: v.optional(
        v.object({
          number: ukPhone,
          leaveMessage: v.array(text),
          /** This website's "ask us to call you" form, the portal's own route. */
          callback: v.boolean(),
          source: FactSourceSchema,
        }),
      ),
      /** People who can help someone ask, one each: "a social worker". */
      helpers: v.array(FactSchema),
      /** How professionals refer, in easy read. */
      professionals: v.pipe(v.array(FactSchema), v.nonEmpty()),
    }),
    /** How soon the team replies, per way of asking; a way with no promise is left out. */
    reply: v.object({
      onlineForm: v.optional(ReplyPromiseSchema),
      callback: v.optional(ReplyPromiseSchema),
      email: v.optional(ReplyPromiseSchema),
      phoneMessage: v.optional(ReplyPromiseSchema),
    }),
    /**
     * Attach a FHIR copy of each referral (src/fhir/) to the team's email,
     * for their systems to import: a setting of the deployment, like the
     * mailbox (what the team's systems take), not a fact; off when absent.
     */
    fhirCopy: v.optional(v.boolean()),
    /**
     * Send the team's mailbox a count with no personal data once a day, at
     * this 24-hour time on the London clock (src/daily-count/): a setting of
     * the deployment, not a fact; off when absent.
     */
    dailyCount: v.optional(v.object({ at: v.pipe(v.string(), v.regex(/^([01]\d|2[0-3]):[0-5]\d$/)) })),
    /** The DSR team's mailbox that form submissions are sent to (a setting of the deployment). */
    mailbox: v.pipe(v.string(), v.email()),
    /** What happens after someone asks to join, as easy-read steps. */
    process: v.object({
      decidedBy: FactSchema,
      steps: v.pipe(v.array(FactSchema), v.nonEmpty()),
    }),
    /** What happens when the answer is no. */
    notAccepted: v.array(FactSchema),
    /** How a person leaves or is removed from the DSR. */
    leaving: v.array(FactSchema),
    consent: ConsentModelSchema,
    /** Keyworkers in this area, when the source names them. */
    keyworkers: v.optional(
      v.object({ maxAge: v.pipe(v.number(), v.integer(), v.minValue(0)), text, source: FactSourceSchema }),
    ),
    /** What happens for people already in a mental health hospital. */
    inHospital: v.array(FactSchema),
    /** Other people to contact, like an inpatient case manager. */
    contacts: v.array(
      v.object({ id: slug, role: text, email: v.pipe(v.string(), v.email()), source: FactSourceSchema }),
    ),
    /** What the DSR record holds. */
    record: v.array(FactSchema),
    /** Who manages and who sees the information. */
    sharing: v.array(FactSchema),
    crisisLines: v.array(CrisisLineSchema),
    services: v.array(ServiceSchema),
  }),
  v.check(
    (area) =>
      area.crisisLines.every((line) => line.places === 'all' || line.places.every((p) => area.places.list.includes(p))),
    'Every crisis line place must be one of the area places',
  ),
  v.check(
    (area) => area.crisisLines.every((l) => l.phone || l.text),
    'Every crisis line needs a phone number or a text number',
  ),
  v.check((area) => {
    const ids = new Set(area.sources.map((doc) => doc.id));
    return quotedSources(area).every((doc) => ids.has(doc) || doc === SHARED_RESEARCH);
  }, 'Every quoted source must name a document in `sources`'),
);

/** The shared document that national facts quote (content/shared/sources.yaml). */
const SHARED_RESEARCH = 'research-domain';

/** Every `doc` that a fact in these settings quotes. */
function quotedSources(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(quotedSources);
  if (!value || typeof value !== 'object') return [];
  const found: string[] = [];
  for (const [key, child] of Object.entries(value)) {
    if (key === 'source' && child && typeof child === 'object' && 'doc' in child) found.push(String(child.doc));
    else found.push(...quotedSources(child));
  }
  return found;
}

export type Area = v.InferOutput<typeof AreaSchema>;
export type CrisisLine = v.InferOutput<typeof CrisisLineSchema>;
export type NationalLine = v.InferOutput<typeof NationalLineSchema>;
export type Hours = v.InferOutput<typeof HoursSchema>;
export type SourceDocument = v.InferOutput<typeof SourceDocumentSchema>;
export type FactSource = v.InferOutput<typeof FactSourceSchema>;
export type Fact = v.InferOutput<typeof FactSchema>;
export type ConsentModel = v.InferOutput<typeof ConsentModelSchema>;
export type ReplyPromise = v.InferOutput<typeof ReplyPromiseSchema>;

/** True when the fact is the portal's own promise, not the area's. */
export function isOwnPromise(source: FactSource): source is v.InferOutput<typeof OwnPromiseSchema> {
  return 'own' in source;
}
