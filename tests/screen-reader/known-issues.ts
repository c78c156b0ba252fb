/**
 * What the screen-reader tests find today and is not fixed yet: the one list.
 * A check whose rule is listed here still runs; its problem is expected and
 * shown in the report as an annotation, and any other problem fails. When a
 * listed problem no longer shows where it is said to, the test fails too, so
 * this list stays true: remove the entry with the fix.
 */
import { expect, test } from '@playwright/test';
import type { HeardProblem, HeardRule } from './heard.ts';
import type { OutlineRule, Problem } from './outline.ts';

type Rule = OutlineRule | HeardRule;

interface KnownIssue {
  rule: Rule;
  /** Only with JavaScript on (true) or off (false); both when not given. */
  javaScript?: boolean;
  /** What a listener hears today, and what they should hear. */
  heard: string;
  expected: string;
  /** Where the fix goes. */
  component: string;
}

const KNOWN_ISSUES: Record<string, KnownIssue> = {};

interface Where {
  javaScript: boolean;
}

/**
 * Expect no problems among the `checked` rules, except the known issues that
 * apply here, each of which must still show.
 */
export function expectOnlyKnown(problems: readonly (Problem | HeardProblem)[], checked: readonly Rule[], where: Where) {
  const known = Object.entries(KNOWN_ISSUES).filter(
    ([, issue]) =>
      checked.includes(issue.rule) && (issue.javaScript === undefined || issue.javaScript === where.javaScript),
  );
  const knownRules = new Set(known.map(([, issue]) => issue.rule));
  const unexpected = problems.filter((problem) => !knownRules.has(problem.rule));
  expect.soft(unexpected.map((problem) => `${problem.rule}: ${problem.message}`)).toEqual([]);
  for (const [id, issue] of known) {
    const shown = problems.filter((problem) => problem.rule === issue.rule);
    if (shown.length > 0) {
      test.info().annotations.push({ type: 'known issue', description: `${id}: ${shown[0]!.message}` });
    } else {
      expect
        .soft(shown.length, `known issue "${id}" no longer shows: remove it from tests/screen-reader/known-issues.ts`)
        .toBeGreaterThan(0);
    }
  }
}
