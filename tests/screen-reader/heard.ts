/**
 * Checks on what is heard during a journey (transcript lines from reader.ts).
 * Each returns problems under a rule, like the outline checks, so a known
 * problem can be told from a new one.
 */
import { headingOf } from './outline.ts';
import type { HeardLine } from './reader.ts';

export type HeardRule =
  | 'error-summary-once'
  | 'field-heard-together'
  | 'focus-moves-to-field'
  | 'step-announced'
  | 'change-named'
  | 'reference-writable'
  | 'live-polite-once'
  | 'reveal-announced'
  | 'focus-stays';

export interface HeardProblem {
  rule: HeardRule;
  message: string;
}

const normal = (text: string) => text.replace(/\s+/g, ' ').trim();

/** How many heard lines contain `text`. */
function timesHeard(lines: readonly HeardLine[], text: string): number {
  return lines.filter((line) => normal(line.text).includes(normal(text))).length;
}

/** The error summary, when it appears, is heard once: one line says its title. */
export function checkSummaryOnce(lines: readonly HeardLine[], title = 'There is a problem'): HeardProblem[] {
  const times = timesHeard(lines, title);
  if (times === 1) return [];
  const where = lines.filter((line) => line.text.includes(title)).map((line) => `${line.kind}: "${line.text}"`);
  return [{ rule: 'error-summary-once', message: `"${title}" is heard ${times} times: ${where.join('; ')}` }];
}

/**
 * When focus reaches a question's answer box, the question, its hint and its
 * error are heard together (in the lines read for that move of focus), and
 * the error once.
 */
export function checkFieldHeard(
  lines: readonly HeardLine[],
  field: { question: string; between: string[]; error: string },
): HeardProblem[] {
  const said = normal(
    lines
      .filter((line) => line.kind === 'focus')
      .map((line) => line.text)
      .join(' '),
  );
  const missing = [field.question, ...field.between].filter((text) => !said.includes(normal(text)));
  const problems: HeardProblem[] = missing.map((text) => ({
    rule: 'field-heard-together',
    message: `"${text}" is not heard when focus reaches "${field.question}"; heard: ${said}`,
  }));
  const times = said.split(normal(field.error)).length - 1;
  if (times !== 1)
    problems.push({ rule: 'field-heard-together', message: `the error "${field.error}" is heard ${times} times` });
  return problems;
}

/**
 * A reference like DSR-7KQM-2XPT can be written down when it is heard one
 * character at a time ("D S R, 7 K Q M, 2 X P T"), not as words a speech
 * synthesiser would try to say ("7KQM").
 */
export function checkReferenceWritable(heard: readonly string[], reference: string): HeardProblem[] {
  const characters = [...reference.replace(/[^0-9A-Z]/gi, '')];
  const separator = '[\\s,.;:\\-–—]+';
  const spelled = new RegExp(characters.map((character) => character.replace(/[^0-9A-Z]/gi, '')).join(separator), 'i');
  if (heard.some((line) => spelled.test(line))) return [];
  const asHeard = heard.filter((line) => line.includes(reference));
  return [
    {
      rule: 'reference-writable',
      message: `the reference is heard as ${asHeard.map((line) => `"${line}"`).join(', ') || 'nothing'}, not one character at a time`,
    },
  ];
}

/** The reference in a transcript, however it is spoken, replaced by a placeholder (it differs every run). */
export function maskReference(lines: readonly string[], reference: string): string[] {
  const characters = [...reference.replace(/[^0-9A-Z]/gi, '')];
  const spoken = new RegExp(characters.join('[\\s,.;:\\-–—]*'), 'gi');
  return lines.map((line) => line.replace(spoken, '<reference>'));
}

/**
 * A step change is heard as one move of focus, to the new step's heading,
 * which says which step it is ("Step 3 of 8", where given) and its title.
 */
export function checkStepHeard(
  heard: readonly { kind: string; text: string; start?: boolean }[],
  headingText: string,
  step: RegExp | undefined,
): HeardProblem[] {
  const moves = heard.filter((line) => line.kind === 'focus' && line.start);
  const heading = headingOf(moves[0]?.text ?? '');
  const problem = (message: string): HeardProblem[] => [{ rule: 'step-announced', message }];
  if (moves.length !== 1)
    return problem(`${moves.length} moves of focus: ${moves.map((line) => line.text).join(' | ')}`);
  if (!heading) return problem(`focus moves to "${moves[0]!.text}", not to the step's heading`);
  const words = (text: string) => text.replace(/[\s:]+/g, ' ').trim();
  if (words(headingText) !== words(heading.name))
    return problem(`the heading is heard as "${heading.name}" but shows "${normal(headingText)}"`);
  if (step && !step.test(heading.name)) return problem(`the heading "${heading.name}" does not say ${step.source}`);
  return [];
}
