/**
 * A new form is its folder, not a copy of another: the `duplicates` command
 * (on PATH on the team's and CI machines) scans src/forms/ for runs of six
 * or more lines that are the same, or the same shape, in two places; no such
 * run may join two form folders. What forms share belongs in src/forms/kit/.
 * A form's questions.ts is left aside: it is its words and choice lists,
 * data whose shape is alike in every form. So that the exemption hides no
 * logic, a questions.ts may hold no function but the one `questions(area)`
 * that words the form for an area.
 *
 * Without the command (a machine other than the team's) the test is skipped
 * and says so; on CI (CI set) it fails instead.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';

const ROOT = path.resolve(import.meta.dirname, '../..');
const FORMS = path.join(ROOT, 'src/forms');
const KIT = 'kit';
/** A form's words and choice lists: data, alike in shape from form to form. */
const DATA_FILES = new Set(['questions.ts']);

const available = spawnSync('duplicates', ['--help'], { encoding: 'utf8' }).status === 0;

interface Pair {
  row: string;
  places: [string, string];
}

/** The rows of `duplicates`: "D1 a/x.ts:10-24 ~ b/y.ts:40-54 shape (+2 more runs)". */
function pairsIn(output: string): Pair[] {
  return [...output.matchAll(/^D\d+ (\S+):\d+-\d+ ~ (\S+):\d+-\d+.*$/gm)].map((match) => ({
    row: match[0],
    places: [match[1]!, match[2]!],
  }));
}

/** A pair that joins two different form folders (not the kit), data files aside. */
function joinsTwoForms({ places }: Pair): boolean {
  const [a, b] = places.map((place) => place.split('/'));
  const folders = [a![0]!, b![0]!];
  if (folders.includes(KIT) || folders[0] === folders[1]) return false;
  return !(DATA_FILES.has(a![a!.length - 1]!) && DATA_FILES.has(b![b!.length - 1]!));
}

/** The functions a questions.ts declares, by name ("=>" for an arrow function), but `questions`. */
function logicIn(source: string): string[] {
  const named = [...source.matchAll(/\bfunction\s+(\w+)/g)].map((match) => match[1]!);
  const arrows = [...source.matchAll(/=>/g)].map(() => '=>');
  return [...named, ...arrows].filter((name) => name !== 'questions');
}

const FORM_FOLDERS = readdirSync(FORMS, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && entry.name !== KIT)
  .map((entry) => entry.name);

describe('no code is copied from one form to another', () => {
  test("a form's questions.ts, left out of the scan as data, holds no logic", () => {
    const files = FORM_FOLDERS.map((form) => path.join(FORMS, form, 'questions.ts')).filter(existsSync);
    assert.ok(files.length >= 3, 'every form has its questions.ts');
    for (const file of files) {
      assert.deepEqual(
        logicIn(readFileSync(file, 'utf8')),
        [],
        `${path.relative(FORMS, file)}: logic belongs in src/forms/kit/ (or the form's own modules), not in its data`,
      );
    }
  });

  test('the logic check finds a helper function or an arrow in a questions.ts', () => {
    assert.deepEqual(logicIn('export function questions(area) {\n  return {};\n}'), []);
    assert.deepEqual(logicIn('function reasonChoices(reasons) {}\nexport function questions() {}'), ['reasonChoices']);
    assert.deepEqual(logicIn('const label = (text) => text.toUpperCase();'), ['=>']);
  });

  test('the duplicate scan of src/forms/ finds no run shared by two form folders', (t) => {
    if (!available) {
      assert.ok(!process.env['CI'], 'the duplicates command is not on PATH on this CI machine');
      t.skip('the duplicates command is not on PATH here');
      return;
    }
    const run = spawnSync('duplicates', ['--repo', FORMS, '--most', '200', '--seconds', '120'], {
      encoding: 'utf8',
    });
    assert.equal(run.status, 0, run.stderr);
    assert.doesNotMatch(run.stdout, /^incomplete:/m, run.stdout);
    assert.doesNotMatch(run.stdout, /more pairs\)/, 'every pair is listed');
    const shared = pairsIn(run.stdout).filter(joinsTwoForms);
    assert.deepEqual(
      shared.map((pair) => pair.row),
      [],
      'move what two forms share into src/forms/kit/',
    );
  });

  test('the rule: a run between two form folders counts, one with the kit or inside a form does not', () => {
    const pair = (a: string, b: string): Pair => ({ row: `${a} ~ ${b}`, places: [a, b] });
    assert.equal(joinsTwoForms(pair('callback/email.ts', 'referral/email.ts')), true);
    assert.equal(joinsTwoForms(pair('callback/Page.astro', 'referral/Questions.astro')), true);
    assert.equal(joinsTwoForms(pair('callback/questions.ts', 'referral/questions.ts')), false);
    assert.equal(joinsTwoForms(pair('kit/email.ts', 'referral/email.ts')), false);
    assert.equal(joinsTwoForms(pair('referral/Page.astro', 'referral/Page.astro')), false);
    assert.deepEqual(
      pairsIn('2 pairs\nD1 callback/a.ts:1-9 ~ referral/b.ts:3-11 shape\nD2 kit/c.ts:1-6 ~ kit/d.ts:2-7'),
      [
        { row: 'D1 callback/a.ts:1-9 ~ referral/b.ts:3-11 shape', places: ['callback/a.ts', 'referral/b.ts'] },
        { row: 'D2 kit/c.ts:1-6 ~ kit/d.ts:2-7', places: ['kit/c.ts', 'kit/d.ts'] },
      ],
    );
  });
});
