/**
 * The outline every page must have when read from the top, checked on the
 * structure of what is heard (roles, names, order), not on its words: the
 * words are in the page's snapshot. In order: the page title, the skip link
 * to main, the crisis help as one labelled region with its heading, the site's
 * navigation, the main heading, each easy-read point in full, the footer.
 *
 * Each check returns problems, each under a rule, so a known problem (see
 * known-issues.ts) can be told from a new one.
 */
import type { Walk, WalkEntry } from './reader.ts';

export interface Problem {
  rule: OutlineRule;
  message: string;
}

export type OutlineRule =
  | 'title'
  | 'skip-link'
  | 'crisis-help'
  | 'landmark-names'
  | 'order'
  | 'one-h1'
  | 'h1-first-in-main'
  | 'points'
  | 'footer';

interface Landmark {
  role: string;
  name: string;
  /** Index of its first and last ("end of …") entries. */
  start: number;
  end: number;
  inMain: boolean;
}

const LANDMARK_ROLES = ['banner', 'complementary', 'contentinfo', 'form', 'main', 'navigation', 'region', 'search'];
const LANDMARK = new RegExp(`^(${LANDMARK_ROLES.join('|')})(?:, (.*))?$`);
const LANDMARK_END = new RegExp(`^end of (${LANDMARK_ROLES.join('|')})(?:, .*)?$`);
const HEADING = /^heading, (.*), level (\d)$/;

/** The landmarks heard, in the order they start. */
function landmarksOf(entries: readonly WalkEntry[]): Landmark[] {
  const found: Landmark[] = [];
  const open: Landmark[] = [];
  entries.forEach(({ phrase }, index) => {
    const start = LANDMARK.exec(phrase);
    if (start) {
      const landmark = {
        role: start[1]!,
        name: start[2] ?? '',
        start: index,
        end: entries.length - 1,
        inMain: open.some((outer) => outer.role === 'main'),
      };
      found.push(landmark);
      open.push(landmark);
      return;
    }
    const end = LANDMARK_END.exec(phrase);
    if (end) {
      const at = open.map((landmark) => landmark.role).lastIndexOf(end[1]!);
      if (at >= 0) open.splice(at)[0]!.end = index;
    }
  });
  return found;
}

export function headingOf(phrase: string): { name: string; level: number } | undefined {
  const match = HEADING.exec(phrase);
  return match ? { name: match[1]!, level: Number(match[2]) } : undefined;
}

/** The line in the page's snapshot (its first line is the title). */
const lineOf = (index: number) => index + 2;
const within = (landmark: Landmark, index: number) => index > landmark.start && index < landmark.end;
const named = (landmark: Landmark) => `${landmark.role}${landmark.name ? ` "${landmark.name}"` : ' (no name)'}`;

/** Every problem with the page's outline; empty when it reads as it should. */
export function checkOutline(walk: Walk, expected: { siteName: string }): Problem[] {
  const problems: Problem[] = [];
  const problem = (rule: OutlineRule, message: string) => problems.push({ rule, message });
  const { entries } = walk;
  const landmarks = landmarksOf(entries);
  const main = landmarks.filter((landmark) => landmark.role === 'main');
  const outside = landmarks.filter((landmark) => !landmark.inMain && landmark.role !== 'main');

  if (!walk.title.trim() || !walk.title.includes(expected.siteName))
    problem('title', `the page title "${walk.title}" does not name the site "${expected.siteName}"`);

  const skip = entries[1];
  if (entries[0]?.phrase !== 'document' || !skip?.phrase.startsWith('link, ') || skip.href !== `#${walk.mainId}`)
    problem('skip-link', `the first thing heard is "${skip?.phrase}" (to ${skip?.href}), not a link to main`);

  const crisis = outside.filter(
    (landmark) =>
      ['complementary', 'region'].includes(landmark.role) &&
      entries.some((entry, index) => within(landmark, index) && /^(tel|sms):/.test(entry.href ?? '')),
  );
  const crisisHelp = crisis[0];
  if (crisis.length !== 1 || !crisisHelp) {
    problem('crisis-help', `${crisis.length} regions outside main hold crisis lines; there must be one`);
  } else {
    const heading = headingOf(entries[crisisHelp.start + 1]?.phrase ?? '');
    if (!crisisHelp.name) problem('crisis-help', `the crisis help is heard as "${named(crisisHelp)}": it needs a name`);
    if (heading?.name !== crisisHelp.name)
      problem(
        'crisis-help',
        `the crisis help must start with its heading, named like the region; heard "${entries[crisisHelp.start + 1]?.phrase}"`,
      );
  }

  const seen = new Set<string>();
  for (const landmark of landmarks) {
    if (['complementary', 'region', 'navigation'].includes(landmark.role) && !landmark.name)
      problem('landmark-names', `a ${landmark.role} with no name, at line ${lineOf(landmark.start)}`);
    const key = `${landmark.role}|${landmark.name}`;
    if (landmark.name && seen.has(key)) problem('landmark-names', `two landmarks are heard as ${named(landmark)}`);
    seen.add(key);
  }

  const headings = entries.map((entry) => headingOf(entry.phrase));
  const h1s = headings.flatMap((heading, index) => (heading?.level === 1 ? [index] : []));
  if (main.length !== 1) problem('order', `${main.length} main landmarks`);
  const mainLandmark = main[0];
  if (h1s.length !== 1 || !mainLandmark || !within(mainLandmark, h1s[0]!))
    problem('one-h1', `${h1s.length} level 1 headings; there must be one, in main`);
  else if (h1s[0] !== mainLandmark.start + 1)
    problem(
      'h1-first-in-main',
      `main starts with "${entries[mainLandmark.start + 1]?.phrase}"; the main heading is ${h1s[0]! - mainLandmark.start - 1} lines later`,
    );

  const navigation = outside.find((landmark) => landmark.role === 'navigation');
  const footers = outside.filter((landmark) => landmark.role === 'contentinfo');
  const footer = footers[0];
  if (footers.length !== 1 || !footer) problem('footer', `${footers.length} footers (contentinfo); there must be one`);
  else if (!headings.some((heading, index) => heading && within(footer, index)))
    problem('footer', 'the footer has no heading');
  const order: [string, number | undefined][] = [
    ['the skip link', 1],
    ['the crisis help', crisisHelp?.start],
    ['the navigation', navigation?.start],
    ['main', mainLandmark?.start],
    ['the main heading', h1s[0]],
    ['the footer', footer?.start],
  ];
  for (const [what, index] of order) if (index === undefined) problem('order', `${what} is not heard`);
  const placed = order.filter((item): item is [string, number] => item[1] !== undefined);
  for (let at = 1; at < placed.length; at += 1) {
    const [before, beforeIndex] = placed[at - 1]!;
    const [after, afterIndex] = placed[at]!;
    if (afterIndex <= beforeIndex) problem('order', `${after} is heard before ${before}`);
  }
  if (footer && footer.end !== entries.length - 2) problem('order', 'something is heard after the footer');

  walk.points.forEach((point, index) => {
    if (!point.fullyHeard) problem('points', `point ${index + 1} ("${point.text}") is not heard in full`);
  });
  const firsts = walk.points.map((_, index) => entries.findIndex((entry) => entry.point === index));
  firsts.forEach((first, index) => {
    if (first < 0) problem('points', `point ${index + 1} is not heard`);
    else if (mainLandmark && !within(mainLandmark, first))
      problem('points', `point ${index + 1} is heard outside main`);
    if (index > 0 && first >= 0 && first <= firsts[index - 1]!)
      problem('points', `point ${index + 1} is heard before point ${index}`);
  });
  return problems;
}
