import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { renderCallbackEmail, callbackSubject, type CallbackEmailInput } from '../../src/forms/callback/email.ts';
import type { CallbackAnswers } from '../../src/forms/callback/schema.ts';
import { escapeHtml, oneLine } from '../../src/forms/kit/email.ts';

const answers: CallbackAnswers = {
  name: "Siobhán O'Neill",
  phone: { typed: '(07700) 900-982', e164: '+447700900982' },
  voicemail: 'no',
  bestTime: 'afternoon',
  bestTimeDetail: 'After 3pm & before 5pm',
  about: 'my-child',
  aboutName: 'Zoë',
  notes: 'Needs a <Polish> interpreter.\nCalm "mornings" are best.',
};

const input = (changes: Partial<CallbackEmailInput> = {}): CallbackEmailInput => ({
  reference: 'DSR-7KQM-2XPT',
  answers,
  receivedAt: new Date('2026-11-20T15:05:00Z'),
  replyBy: '2026-11-24',
  replyWorkingDays: 2,
  areaName: 'South East London',
  ...changes,
});

describe("the team's callback email", () => {
  const email = renderCallbackEmail(input());

  test('the subject names the request and the reference only', () => {
    assert.equal(email.subject, 'Callback request DSR-7KQM-2XPT');
    assert.doesNotMatch(email.subject, /Siobh|Zoë|07700|interpreter/);
  });

  test('no CR, LF or control character can reach the subject', () => {
    assert.equal(
      callbackSubject('DSR-7KQM-2XPT\r\nBcc: someone@example.com'),
      'Callback request DSR-7KQM-2XPT Bcc: someone@example.com',
    );
    fc.assert(fc.property(fc.string(), (text) => !/[\r\n\u0000-\u001f\u007f\u2028\u2029]/.test(oneLine(text))));
  });

  test('the plain text lists every question and answer in form order, with the call-by date first', () => {
    const order = [
      'Call by: Tuesday 24 November 2026 (2 working days)',
      'Reference: DSR-7KQM-2XPT',
      'Received: Friday 20 November 2026 at 3:05pm',
      'Name of the person asking',
      "    Siobhán O'Neill",
      'Phone number',
      '    (07700) 900-982 (as typed)',
      '    +447700900982 (to dial)',
      'Can we leave a voicemail?',
      '    No',
      'Best time to call',
      '    In the afternoon',
      'More about when to call',
      '    After 3pm & before 5pm',
      'Who the call is about',
      '    My child',
      'Their first name',
      '    Zoë',
      'What we should know before we call',
      '    Needs a <Polish> interpreter.',
      '    Calm "mornings" are best.',
    ];
    let from = 0;
    for (const line of order) {
      const at = email.text.indexOf(`${line}\n`, from);
      assert.ok(at >= from, `"${line}" after position ${from}`);
      from = at + line.length;
    }
  });

  test('the HTML has the same answers, with everything typed escaped', () => {
    assert.match(email.html, /Tuesday 24 November 2026/);
    assert.match(email.html, /Siobhán O&#39;Neill/);
    assert.match(email.html, /After 3pm &amp; before 5pm/);
    assert.match(email.html, /Needs a &lt;Polish&gt; interpreter\.<br>Calm &quot;mornings&quot; are best\./);
    assert.doesNotMatch(email.html, /<Polish>/);
    assert.match(email.html, /\(07700\) 900-982 \(as typed\)<br>\+447700900982 \(to dial\)/);
  });

  test('unanswered questions say so; their first name is left out when the call is about the caller', () => {
    const { aboutName: _, bestTimeDetail: __, notes: ___, ...rest } = answers;
    const own = renderCallbackEmail(input({ answers: { ...rest, about: 'me' } }));
    assert.match(own.text, /More about when to call\n {4}Not answered\n/);
    assert.match(own.text, /What we should know before we call\n {4}Not answered\n/);
    assert.doesNotMatch(own.text, /Their first name/);
    assert.match(own.text, /Who the call is about\n {4}Me\n/);
  });

  test('an area with no reply promise says so instead of a date', () => {
    const none = renderCallbackEmail(input({ replyBy: undefined, replyWorkingDays: undefined }));
    assert.match(none.text, /Call by: No reply time is promised in this area/);
  });

  test('whatever is typed in the notes, the HTML never carries a tag from it', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (notes) => {
        const html = renderCallbackEmail(input({ answers: { ...answers, notes } })).html;
        const cell = html.split('What we should know before we call</th>')[1]!.split('</td>')[0]!;
        return !/[<>"']/.test(cell.replace(/^<td[^>]*>/, '').replace(/<br>/g, ''));
      }),
    );
  });

  test('escapeHtml escapes the five characters that matter', () => {
    assert.equal(escapeHtml(`<a href="x">'&'</a>`), '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});
