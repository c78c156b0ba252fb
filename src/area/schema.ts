/**
 * The settings file of an area: `content/areas/<area>/area.yaml`.
 * Everything an area's pages, crisis lines and forms need to know about the
 * area lives here, so a new area needs no code.
 */
import * as v from 'valibot';

const text = v.pipe(v.string(), v.trim(), v.nonEmpty());

/** A public source that a fact came from. `url` when the source is online. */
export const SourceSchema = v.object({
  title: text,
  url: v.optional(v.pipe(v.string(), v.url())),
});

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
  id: v.pipe(v.string(), v.regex(/^[a-z0-9-]+$/)),
  name: text,
  /** Phone number to call, written the UK way. Absent for text-only lines. */
  phone: v.optional(ukPhone),
  /** A choice to make after dialling, for example "choose option 1". */
  option: v.optional(text),
  /** For text lines: the word to send and the number to send it to. */
  text: v.optional(v.object({ word: text, to: v.pipe(v.string(), v.regex(/^\d{3,6}$/)) })),
  /** Who the line is for, in easy read: "children and young people". */
  forWhom: text,
  hours: HoursSchema,
  /** Places served: `all`, or names from the area's `places.list`. */
  places: v.union([v.literal('all'), v.pipe(v.array(text), v.nonEmpty())]),
  source: SourceSchema,
});

export const RegisterSchema = v.object({
  id: v.pipe(v.string(), v.regex(/^[a-z0-9-]+$/)),
  /** Easy-read name: "Children and young people under 18". */
  name: text,
  minAge: v.pipe(v.number(), v.integer(), v.minValue(0)),
  /** Oldest age on this register; absent means no upper limit. */
  maxAge: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
});

export const ServiceSchema = v.object({
  name: text,
  /** One or two easy-read sentences. */
  description: text,
  picture: v.pipe(v.string(), v.regex(/^[a-z0-9-]+$/)),
  source: SourceSchema,
});

export const AreaSchema = v.pipe(
  v.object({
    /** The area's name as people say it: "South East London". */
    name: text,
    /** The organisation that keeps the register. */
    organisation: text,
    /** Boroughs or districts: what they are called and their names. */
    places: v.object({
      /** "borough" or "district". */
      kind: text,
      list: v.pipe(v.array(text), v.nonEmpty()),
    }),
    /** Registers kept in each place, chosen by age on the day of asking. */
    registers: v.pipe(v.array(RegisterSchema), v.nonEmpty()),
    /** Ways to ask to join. */
    join: v.object({
      onlineForm: v.boolean(),
      email: v.optional(v.object({ address: v.pipe(v.string(), v.email()), include: v.array(text) })),
      phone: v.optional(v.object({ number: ukPhone, callback: v.boolean(), leaveMessage: v.array(text) })),
      /** How professionals refer, in easy read. */
      professionals: text,
    }),
    /** Working days within which the team promises to reply; absent if no promise. */
    replyWorkingDays: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(30))),
    /** The DSR team's mailbox that form submissions are sent to. */
    mailbox: v.pipe(v.string(), v.email()),
    /** What happens after someone asks to join, as easy-read steps. */
    process: v.object({
      decidedBy: text,
      steps: v.pipe(v.array(text), v.nonEmpty()),
    }),
    crisisLines: v.array(CrisisLineSchema),
    services: v.array(ServiceSchema),
    privacy: v.object({
      controller: text,
      email: v.optional(v.pipe(v.string(), v.email())),
    }),
    sources: v.pipe(v.array(SourceSchema), v.nonEmpty()),
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
);

export type Area = v.InferOutput<typeof AreaSchema>;
export type CrisisLine = v.InferOutput<typeof CrisisLineSchema>;
export type Hours = v.InferOutput<typeof HoursSchema>;
export type Register = v.InferOutput<typeof RegisterSchema>;
export type Source = v.InferOutput<typeof SourceSchema>;
