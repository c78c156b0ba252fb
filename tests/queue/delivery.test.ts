/** The normal path: what the team's mailbox receives, and what is left at rest afterwards. */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { startRelay, freePort } from './helpers/relay.ts';
import {
  containsAnyMarker,
  eachDriver,
  everythingStored,
  ledger,
  MARKERS,
  newToken,
  queued,
  sampleMessage,
  SEALED_MAGIC,
  startQueueForTest,
  TEAM,
  waitFor,
} from './helpers/harness.ts';

eachDriver(
  'a message is delivered with its content, fixed From, Reply-To and a Message-ID from its reference',
  async (t, driver) => {
    const relay = await startRelay();
    t.after(() => relay.close());
    const { queue } = await startQueueForTest(t, { ...driver.env, SMTP_URL: relay.url });

    const { reference } = await queue.accept({ token: newToken(), build: (ref) => sampleMessage(ref) });
    assert.match(reference, /^DSR-[2-9A-Z]{4}-[2-9A-Z]{4}$/);

    const [mail] = await waitFor('the message to arrive', () => relay.received.length === 1 && relay.received);
    const { email } = mail!;
    assert.equal(email.messageId, `<${reference}@dsr.example.nhs.uk>`);
    assert.equal(email.from?.address, 'no-reply@dsr.example.nhs.uk');
    assert.equal(email.from?.name, 'DSR portal');
    assert.deepEqual(
      email.to?.map((a) => a.address),
      [TEAM],
    );
    assert.deepEqual(mail!.envelopeTo, [TEAM]);
    assert.deepEqual(
      email.replyTo?.map((a) => a.address),
      [MARKERS.address],
    );
    assert.equal(email.subject, `Callback request ${reference} – Essex, Southend`);
    assert.match(email.text ?? '', new RegExp(MARKERS.health));
    assert.match(email.html ?? '', new RegExp(`<p>Name: ${MARKERS.name}</p>`));
    assert.ok(email.headers.some((h) => h.key === 'auto-submitted' && h.value === 'auto-generated'));
  },
);

eachDriver("the form's area mailbox is used when MAIL_TO is not set", async (t, driver) => {
  const relay = await startRelay();
  t.after(() => relay.close());
  const { queue } = await startQueueForTest(t, { ...driver.env, SMTP_URL: relay.url, MAIL_TO: '' });
  await queue.accept({ token: newToken(), build: (ref) => sampleMessage(ref, { to: 'essex.dsr@example.nhs.uk' }) });
  const [mail] = await waitFor('the message', () => relay.received.length === 1 && relay.received);
  assert.deepEqual(mail!.envelopeTo, ['essex.dsr@example.nhs.uk']);
});

eachDriver('nothing a user types can add a header', async (t, driver) => {
  const relay = await startRelay();
  t.after(() => relay.close());
  const { queue } = await startQueueForTest(t, { ...driver.env, SMTP_URL: relay.url });
  await queue.accept({
    token: newToken(),
    build: (ref) => sampleMessage(ref, { subject: `Callback ${ref}\r\nBcc: thief@example.com\nX-Evil: 1` }),
  });
  const [mail] = await waitFor('the message', () => relay.received.length === 1 && relay.received);
  const keys = mail!.email.headers.map((h) => h.key);
  assert.ok(!keys.includes('bcc') && !keys.includes('x-evil'));
  assert.deepEqual(mail!.envelopeTo, [TEAM]);
  assert.doesNotMatch(mail!.raw, /^Bcc:/im);

  for (const replyTo of [
    'a@example.com, b@example.com',
    'a@example.com\r\nBcc: c@example.com',
    'Someone <a@example.com>',
  ]) {
    await assert.rejects(
      queue.accept({ token: newToken(), build: (ref) => sampleMessage(ref, { replyTo }) }),
      (error: Error) => error.name === 'InvalidMessageError' && !error.message.includes('@'),
    );
  }
});

eachDriver('double submission with the same token: one message, the same reference', async (t, driver) => {
  const relay = await startRelay();
  t.after(() => relay.close());
  const { queue } = await startQueueForTest(t, { ...driver.env, SMTP_URL: relay.url });
  const token = newToken();
  let builds = 0;
  const build = (ref: string) => {
    builds += 1;
    return sampleMessage(ref);
  };
  // A double click (two at once), then a refresh after delivery.
  const [a, b] = await Promise.all([queue.accept({ token, build }), queue.accept({ token, build })]);
  await waitFor('the first delivery', () => relay.received.length === 1);
  const c = await queue.accept({ token, build });
  assert.equal(a.reference, b.reference);
  assert.equal(a.reference, c.reference);
  assert.equal(builds, 1);
  await waitFor('the queue to be empty', async () => (await queued(queue)) === 0);
  assert.equal(relay.received.length, 1);
});

eachDriver('the same token is still recognised after a restart', async (t, driver) => {
  const relay = await startRelay();
  t.after(() => relay.close());
  const harness = await startQueueForTest(t, { ...driver.env, SMTP_URL: relay.url });
  const token = newToken();
  const first = await harness.queue.accept({ token, build: (ref) => sampleMessage(ref) });
  await waitFor('the delivery', () => relay.received.length === 1);
  const queue = await harness.restart();
  const again = await queue.accept({ token, build: (ref) => sampleMessage(ref) });
  assert.equal(again.reference, first.reference);
  assert.equal(await queued(queue), 0);
  assert.equal(relay.received.length, 1);
});

eachDriver(
  'sealed at rest while queued; deleted once delivered, the ledger keeps only the reference',
  async (t, driver) => {
    const port = await freePort();
    const harness = await startQueueForTest(t, { ...driver.env, SMTP_URL: `smtp://127.0.0.1:${port}` });
    const { queue } = harness;
    const { reference } = await queue.accept({ token: newToken(), build: (ref) => sampleMessage(ref) });
    await waitFor('a failed attempt', async () => (await queue.health()).delivery.failingForSeconds !== null);

    const atRest = await everythingStored(harness);
    assert.ok(
      atRest.some((item) => item.bytes.subarray(0, SEALED_MAGIC.length).equals(SEALED_MAGIC)),
      'it is kept',
    );
    for (const { where, bytes } of atRest) {
      for (const encoding of ['utf8', 'latin1', 'utf16le'] as const) {
        assert.equal(containsAnyMarker(bytes.toString(encoding)), undefined, `${where} holds personal data`);
      }
    }

    const relay = await startRelay({}, port);
    t.after(() => relay.close());
    await waitFor('the delivery', () => relay.received.length === 1);
    await waitFor('the queue to be empty', async () => (await queued(queue)) === 0);
    const after = await everythingStored(harness);
    assert.deepEqual(
      after.filter((item) => item.bytes.includes(SEALED_MAGIC)).map((item) => item.where),
      [],
      'no sealed message is left',
    );
    for (const { where, bytes } of after) assert.equal(containsAnyMarker(bytes.toString('utf8')), undefined, where);

    const lines = await ledger(harness);
    const line = lines.at(-1)!;
    assert.equal(line['reference'], reference);
    assert.equal(line['outcome'], 'delivered');
    assert.ok(Number(line['attempts']) >= 2);
    assert.doesNotMatch(JSON.stringify(lines), /@/);
  },
);

eachDriver('with no SMTP_URL, a real .eml file lands in DATA_DIR/mailbox/', async (t, driver) => {
  const { queue, dataDir } = await startQueueForTest(t, driver.env);
  const { reference } = await queue.accept({ token: newToken(), build: (ref) => sampleMessage(ref) });
  const file = path.join(dataDir, 'mailbox', `${reference}.eml`);
  const raw = await waitFor('the .eml file', () => readFile(file).catch(() => undefined));
  const { default: PostalMime } = await import('postal-mime');
  const email = await PostalMime.parse(raw);
  assert.equal(email.messageId, `<${reference}@dsr.example.nhs.uk>`);
  assert.match(email.text ?? '', new RegExp(MARKERS.name));
  assert.equal((await queue.health()).delivery.channels['mail'], 'mailbox');
});
