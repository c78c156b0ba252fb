/**
 * The source-quote check. The first group shows it fails, naming the file
 * and the field, for each way a fact can lose its source; the second runs it
 * on content/.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, test } from 'node:test';
import { parse, stringify } from 'yaml';
import {
  checkAreaSettings,
  checkNationalLines,
  checkPageSources,
  checkProjectSources,
  formatProblem,
  loadDocuments,
  normalise,
  type SourceProblem,
} from './sources.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SEL = 'content/areas/south-east-london/area.yaml';
const report = (problems: SourceProblem[]) => `\n${problems.map(formatProblem).join('\n')}\n`;
const shared = loadDocuments(ROOT, parse(readFileSync(path.join(ROOT, 'content/shared/sources.yaml'), 'utf8')));

// Settings as parsed YAML, loosely typed so a test can break them on purpose.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = Record<string, any>;

/** The South East London settings, changed by `edit`, as YAML. */
function editedSel(edit: (settings: Loose) => void): string {
  const settings = parse(readFileSync(path.join(ROOT, SEL), 'utf8')) as Loose;
  edit(settings);
  return stringify(settings);
}

describe('the check itself', () => {
  test('normalises whitespace, quote marks and dashes, nothing else', () => {
    assert.equal(normalise('We\u2019ll  get\n back \u201Csoon\u201D 5pm\u201311pm'), 'We\'ll get back "soon" 5pm-11pm');
    assert.notEqual(normalise('Two working days'), normalise('2 working days'));
  });

  test('the shipped South East London settings pass', () => {
    const problems = checkAreaSettings(ROOT, SEL, readFileSync(path.join(ROOT, SEL), 'utf8'), shared);
    assert.deepEqual(problems, [], report(problems));
  });

  test('a quote that is not in the source fails, naming the file and the field', () => {
    const yaml = editedSel((s) => {
      s.reply.phoneMessage.source.quote = 'We will call you back within 1 working day.';
    });
    const problems = checkAreaSettings(ROOT, SEL, yaml, shared);
    assert.deepEqual(problems.map(formatProblem), [
      `${SEL}: reply.phoneMessage.source.quote: "We will call you back within 1 working day." is not in ../shared/seeds/000_4d3019d19dd76247.txt`,
      `${SEL}: reply.phoneMessage: workingDays 2 is not in the fact's quote`,
    ]);
  });

  test('a changed phone number fails even when its quote is still found', () => {
    const yaml = editedSel((s) => {
      s.crisisLines[0].phone = '020 3228 5981';
    });
    const problems = checkAreaSettings(ROOT, SEL, yaml, shared);
    assert.deepEqual(problems.map(formatProblem), [
      `${SEL}: crisisLines.0: phone "020 3228 5981" is not in the fact's quote`,
    ]);
  });

  test('changed opening hours fail', () => {
    const yaml = editedSel((s) => {
      s.crisisLines[0].hours.times[0].opens = '16:00';
    });
    const problems = checkAreaSettings(ROOT, SEL, yaml, shared);
    assert.deepEqual(problems.map(formatProblem), [
      `${SEL}: crisisLines.0: time 16:00 ("4pm") is not in the fact's quote`,
    ]);
  });

  test('a fact with no source fails', () => {
    const yaml = editedSel((s) => {
      delete s.keyworkers.source;
    });
    const problems = checkAreaSettings(ROOT, SEL, yaml, shared);
    assert.equal(problems.length, 1, report(problems));
    assert.match(formatProblem(problems[0]!), /^content\/areas\/south-east-london\/area\.yaml: keyworkers\.source: /);
  });

  test('an area fact cannot pass as the portal\'s own promise', () => {
    const yaml = editedSel((s) => {
      s.consent.younger.source = { own: 'We think so.' };
    });
    const problems = checkAreaSettings(ROOT, SEL, yaml, shared);
    assert.deepEqual(problems.map(formatProblem), [
      `${SEL}: consent.younger.source: only the portal's own ways to ask and reply promises may be "own"`,
    ]);
  });

  test('a source document whose stored copy is missing fails', () => {
    const yaml = editedSel((s) => {
      s.sources[0].copy = '../shared/seeds/not-there.txt';
    });
    const problems = checkAreaSettings(ROOT, SEL, yaml, shared);
    assert.ok(problems.length > 0);
    assert.equal(
      formatProblem(problems[0]!),
      `${SEL}: sources.0.copy: the stored copy ../shared/seeds/not-there.txt does not exist`,
    );
  });

  test('a national crisis line with a changed number fails', () => {
    const file = 'content/shared/national-crisis-lines.yaml';
    const lines = parse(readFileSync(path.join(ROOT, file), 'utf8')) as Loose[];
    lines[2]!.phone = '116 124';
    const problems = checkNationalLines(file, stringify(lines), shared);
    assert.deepEqual(problems.map(formatProblem), [`${file}: 2: phone "116 124" is not in the fact's quote`]);
  });

  test("an area's own page must quote its documents, and each quote must be found", () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dsr-sources-'));
    writeFileSync(path.join(dir, 'copy.txt'), 'The panel meets every month.\n');
    const docs = loadDocuments(dir, [{ id: 'area-page', title: 'Area page', copy: 'copy.txt' }]);
    const page = (sources: string) =>
      `---\ntitle: A page\ndescription: Words.\npicture: list\nreviewed: 2026-11-30\nsources:\n${sources}\n---\n\nWords.\n`;
    const citation = '  - title: A citation only';
    assert.deepEqual(
      checkPageSources('p.md', page(citation), docs, new Set(['area-page'])).map(formatProblem),
      ["p.md: sources: an area's own page must quote its area's source documents"],
    );
    const wrong = '  - doc: area-page\n    quote: The panel meets every week.';
    assert.deepEqual(checkPageSources('p.md', page(`${citation}\n${wrong}`), docs, new Set(['area-page'])).map(formatProblem), [
      'p.md: sources.1.quote: "The panel meets every week." is not in copy.txt',
    ]);
    const right = '  - doc: area-page\n    quote: The panel meets every month.';
    assert.deepEqual(checkPageSources('p.md', page(right), docs, new Set(['area-page'])), []);
  });
});

describe('the content', () => {
  test('every fact in settings, national lines and pages is quoted from its stored source', () => {
    const problems = checkProjectSources(ROOT);
    assert.deepEqual(problems, [], report(problems));
  });
});
