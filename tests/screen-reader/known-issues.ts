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

export type Rule = OutlineRule | HeardRule;

export interface KnownIssue {
  rule: Rule;
  /** Only with JavaScript on (true) or off (false); both when not given. */
  javaScript?: boolean;
  /** What a listener hears today, and what they should hear. */
  heard: string;
  expected: string;
  /** Where the fix goes. */
  component: string;
}

export const KNOWN_ISSUES: Record<string, KnownIssue> = {
  'breadcrumbs-before-main-heading': {
    rule: 'h1-first-in-main',
    heard:
      'on every content page, "Skip to main content" lands on the breadcrumbs: "navigation, You are here", ' +
      'a list of two items, then the main heading 10 lines later',
    expected: 'main starts with the main heading; the breadcrumbs come before main, so the skip link skips them too',
    component: 'src/pages/[slug].astro puts Breadcrumbs inside main; src/layouts/Base.astro needs a place before main',
  },
  'error-summary-read-twice': {
    rule: 'error-summary-once',
    javaScript: true,
    heard:
      'when the browser finds errors, the summary is announced as an alert ("assertive: There is a problem Enter ' +
      'your name …") and then read again as focus moves to it',
    expected: 'the summary heard once, when focus moves to it (as without JavaScript, where it is there on load)',
    component:
      'src/forms/kit/browser/errors.ts (showSummary inserts a role="alert" element into the summary it then focuses)',
  },
  'danger-help-silent': {
    rule: 'reveal-announced',
    javaScript: true,
    heard:
      'choosing Yes to "Is anyone in danger now, or in a mental health crisis?" shows "If anyone is in danger, get help now" with the ' +
      'numbers to call, and nothing is announced: a listener hears the help only if they read on past the question',
    expected:
      'one polite announcement each time the help appears, naming it ("If anyone is in danger, get help now"), ' +
      'with focus left on the answer',
    component: 'src/forms/referral/DangerHelp.astro with src/forms/kit/browser/reveal.ts (data-shown-when)',
  },
  'reference-read-as-words': {
    rule: 'reference-writable',
    heard: 'the reference as one string, "DSR-7KQM-2XPT", which speech reads as words ("7KQM")',
    expected: 'the reference one character at a time, in its groups ("D S R, 7 K Q M, 2 X P T"), shown as it is',
    component: 'the reference panel of src/forms/kit/components/ConfirmationPage.astro',
  },
};

export interface Where {
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
