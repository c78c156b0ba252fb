/**
 * Which crisis lines each part of the site shows, in which order, and their
 * status at an instant: the one place that decides it. Every component that
 * lists lines (the crisis bar, the crisis page, the form's emergency and
 * danger help, the error pages) takes its lines from here.
 *
 * Rules: 999 and NHS 111 option 2 always come first. The area's own lines
 * follow, open ones before closed ones, so a closed line is never the first
 * tap target; a closed line names the line to call instead now (NHS 111
 * option 2, which covers people of any age, all day). Pure: no collections,
 * no clock; callers pass the settings and the instant.
 */
import type { Area, CrisisLine, NationalLine } from '../area/schema.ts';
import { describeHours, describeStatus } from '../time/hours-text.ts';
import { nextLondonMidnight } from '../time/london.ts';
import { lineStatus, type LineStatus } from '../time/opening-hours.ts';

/** The national line for when life is at risk now. */
export const EMERGENCY = 'emergency';
/** The national line for a mental health crisis, any age, day and night: where a closed line sends people. */
export const MENTAL_HEALTH_CRISIS = 'nhs-111';

export interface ShownLine {
  id: string;
  name: string;
  phone?: string;
  option?: string;
  text?: { word: string; to: string };
  /** Who it is for, without places: "children", "adults". */
  forWhom: string;
  /** The places it serves when not the whole area (or all of England); absent otherwise. */
  places?: string[];
  /** True for the lines every area shows (content/shared/national-crisis-lines.yaml). */
  national: boolean;
  status: LineStatus;
  /** "Open now until 11pm", "Closed now. Opens today at 5pm". */
  statusText: string;
  /** Opening hours, one line each: what paper shows instead of the status. */
  hours: string[];
  /** For a closed line: the line to call now instead. */
  instead?: { name: string; phone: string; option?: string };
}

interface LineSources {
  area: Pick<Area, 'crisisLines'>;
  national: readonly NationalLine[];
}

/** 999, NHS 111 option 2 and the area's own lines, as the crisis bar shows them. */
export function barLines(sources: LineSources, at: Date): ShownLine[] {
  return [...urgentLines(sources, at), ...areaLines(sources, at)];
}

/** Every line: the bar's lines, then the other national lines (Samaritans, Shout) in rank order. */
export function crisisPageLines(sources: LineSources, at: Date): ShownLine[] {
  const others = sortedNational(sources.national)
    .filter((line) => line.id !== EMERGENCY && line.id !== MENTAL_HEALTH_CRISIS)
    .map((line) => show(line, at, sources));
  return [...barLines(sources, at), ...others];
}

/** Beside a form: 999 and NHS 111 option 2 only ("this form is not for emergencies"). */
export function emergencyLines(sources: Pick<LineSources, 'national'>, at: Date): ShownLine[] {
  return urgentLines({ area: { crisisLines: [] }, national: sources.national }, at);
}

/** When someone may be in danger: 999, NHS 111 option 2 and the area's lines that take calls. */
export function dangerLines(sources: LineSources, at: Date): ShownLine[] {
  return barLines(sources, at).filter((line) => line.phone);
}

/**
 * The next instant at which any status among these lines changes (a line
 * opens or closes), or undefined when none will in the weeks ahead. A page
 * showing these lines stays right until then.
 */
export function nextStatusChange(lines: readonly ShownLine[]): Date | undefined {
  const changes = lines
    .map(({ status }) => (status.open ? status.closesAt : status.opensAt))
    .filter((instant): instant is Date => instant !== undefined);
  if (changes.length === 0) return undefined;
  return new Date(Math.min(...changes.map((instant) => instant.getTime())));
}

/**
 * The end of the period in which lines shown at `at` keep the words they
 * have: the next opening or closing, or London midnight (when "tomorrow"
 * and a bank holiday's hours can change), whichever comes first.
 */
export function statusPeriodEnd(lines: readonly ShownLine[], at: Date): Date {
  const midnight = nextLondonMidnight(at);
  const change = nextStatusChange(lines);
  return change && change < midnight ? change : midnight;
}

/** "For children", "For adults in Bexley, Bromley and Greenwich". */
export function whoFor(line: Pick<ShownLine, 'forWhom' | 'places'>): string {
  return `For ${line.forWhom}${line.places ? ` in ${listText(line.places)}` : ''}`;
}

/** "Bexley, Bromley and Greenwich". */
export function listText(items: readonly string[]): string {
  return items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

function urgentLines(sources: LineSources, at: Date): ShownLine[] {
  return [nationalLine(sources.national, EMERGENCY), nationalLine(sources.national, MENTAL_HEALTH_CRISIS)].map((line) =>
    show(line, at, sources),
  );
}

// Open lines first; among lines in the same state, the settings' order.
function areaLines(sources: LineSources, at: Date): ShownLine[] {
  const shown = sources.area.crisisLines.map((line) => show(line, at, sources));
  return [...shown.filter((line) => line.status.open), ...shown.filter((line) => !line.status.open)];
}

function show(line: CrisisLine | NationalLine, at: Date, sources: LineSources): ShownLine {
  const status = lineStatus(line.hours, at);
  const places = 'places' in line && line.places !== 'all' ? line.places : undefined;
  const shown: ShownLine = {
    id: line.id,
    name: line.name,
    forWhom: line.forWhom,
    national: !('places' in line),
    status,
    statusText: line.hours.kind === 'always' ? 'Open now, day and night' : describeStatus(status, at),
    hours: describeHours(line.hours),
    ...(line.phone ? { phone: line.phone } : {}),
    ...(line.option ? { option: line.option } : {}),
    ...(line.text ? { text: line.text } : {}),
    ...(places ? { places } : {}),
  };
  if (!status.open) {
    const instead = nationalLine(sources.national, MENTAL_HEALTH_CRISIS);
    shown.instead = {
      name: instead.name,
      phone: instead.phone!,
      ...(instead.option ? { option: instead.option } : {}),
    };
  }
  return shown;
}

function nationalLine(national: readonly NationalLine[], id: string): NationalLine {
  const line = national.find((item) => item.id === id);
  if (!line?.phone) {
    throw new Error(
      `The national crisis line "${id}" with a phone number is missing from content/shared/national-crisis-lines.yaml`,
    );
  }
  return line;
}

function sortedNational(national: readonly NationalLine[]): NationalLine[] {
  return [...national].sort((a, b) => a.rank - b.rank);
}
