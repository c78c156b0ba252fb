/**
 * The channel seam: a channel that exists only in this test (a stand-in for
 * SMS) is registered beside mail, with no change to src/queue/, and gets the
 * queue's promises with either driver: durable acceptance, idempotency,
 * retries of temporary failures, parking of permanent ones.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { test } from 'node:test';
import { InvalidMessageError, type Channel } from '../../src/channels/channel.ts';
import { eachDriver, listed, newToken, queued, startQueueForTest, waitFor } from './helpers/harness.ts';
import { startRelay } from './helpers/relay.ts';

interface Text {
  to: string;
  text: string;
}

/** A text-message channel that keeps what it "sends"; `busy` fails once, `refused` always. */
function testTextChannel(sent: { reference: string; message: Text }[]): Channel<Text> {
  const tries = new Map<string, number>();
  return {
    name: 'test-text',
    description: 'a list in the test',
    via: 'memory',
    attemptTimeoutMs: 1000,
    check(payload) {
      const p = payload as Partial<Text> | null;
      const wrong = [
        ...(typeof p?.to === 'string' && /^07\d{9}$/.test(p.to) ? [] : ['to']),
        ...(typeof p?.text === 'string' && p.text.length <= 160 ? [] : ['text']),
      ];
      if (wrong.length) throw new InvalidMessageError(wrong);
      return { to: p!.to!, text: p!.text! };
    },
    async deliver(message, { reference }) {
      const attempt = (tries.get(reference) ?? 0) + 1;
      tries.set(reference, attempt);
      if (message.text.startsWith('refused')) throw Object.assign(new Error('no such number'), { code: 'EREFUSED' });
      if (message.text.startsWith('busy') && attempt === 1) throw Object.assign(new Error('busy'), { code: 'EBUSY' });
      sent.push({ reference, message });
    },
    classify(error) {
      const code = (error as { code?: string }).code ?? 'EUNKNOWN';
      return { permanent: code === 'EREFUSED', unreachable: false, code };
    },
    close() {},
  };
}

eachDriver('a test-only channel is registered beside mail and delivers through the same queue', async (t, driver) => {
  const relay = await startRelay();
  t.after(() => relay.close());
  const sent: { reference: string; message: Text }[] = [];
  const harness = await startQueueForTest(t, { ...driver.env, SMTP_URL: relay.url }, undefined, {
    extraChannels: () => [testTextChannel(sent)],
  });
  const { queue } = harness;
  const text = (body: string) => (reference: string) => ({ to: '07700900123', text: `${body} ${reference}` });

  const token = newToken();
  const plain = await queue.accept({ token, channel: 'test-text', build: text('Your reference is') });
  const again = await queue.accept({ token, channel: 'test-text', build: text('Your reference is') });
  assert.equal(again.reference, plain.reference);
  const busy = await queue.accept({ token: newToken(), channel: 'test-text', build: text('busy, then') });
  const refused = await queue.accept({ token: newToken(), channel: 'test-text', build: text('refused') });

  await waitFor('both texts to be sent', () => sent.length === 2);
  await waitFor('the refused one to be parked', async () => (await queued(queue)) === 0);
  assert.deepEqual(sent.map((s) => s.reference).sort(), [plain.reference, busy.reference].sort());
  assert.equal(sent.find((s) => s.reference === plain.reference)?.message.text, `Your reference is ${plain.reference}`);
  assert.deepEqual((await listed(harness)).parked, [refused.reference]);
  const alert = harness.logs.map((l) => JSON.parse(l)).find((l) => l.alert === 'mail-parked');
  assert.deepEqual([alert?.reference, alert?.code], [refused.reference, 'EREFUSED']);
  assert.ok(harness.logs.some((l) => l.includes('delivery deferred') && l.includes(busy.reference)));
  assert.equal(relay.received.length, 0, 'nothing went by mail');
  assert.deepEqual((await queue.health()).delivery.channels, { mail: 'smtp', 'test-text': 'memory' });

  await assert.rejects(
    queue.accept({ token: newToken(), channel: 'test-text', build: () => ({ to: 'nobody', text: 'hi' }) }),
    (error: Error) => error instanceof InvalidMessageError && /check to\./.test(error.message),
  );
  await assert.rejects(
    queue.accept({ token: newToken(), channel: 'carrier-pigeon', build: () => ({}) }),
    (error: Error) => error instanceof InvalidMessageError && /check channel\./.test(error.message),
  );
});

test('the queue imports no channel: mail is registered in src/delivery/channels.ts', () => {
  const root = path.resolve(import.meta.dirname, '../..');
  const grep = (pattern: string) => {
    try {
      return execFileSync('grep', ['-rlE', '--include=*.ts', pattern, 'src/queue'], {
        cwd: root,
        encoding: 'utf8',
      }).trim();
    } catch {
      return '';
    }
  };
  assert.equal(grep('channels/mail|createMailChannel|nodemailer'), '');
});
