/**
 * A referral sent to the real built server reaches a real SMTP server on
 * loopback with its FHIR copy attached (`DSR-XXXX-XXXX.fhir.json`,
 * application/fhir+json): JSON, a Bundle with the reference, whose answers
 * name the Questionnaire the same server publishes, by address and version;
 * and nothing of it is left in the server's data folder or its log.
 * Run `npm run build` first.
 */
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Bundle, Questionnaire, QuestionnaireResponse } from '@medplum/fhirtypes';
import { startMailServer, type MailServer } from '../support/mail-server.ts';
import { startAreaServer, withAreaServer, type RunningServer } from '../support/server.ts';

let mail: MailServer;
let server: RunningServer;
before(async () => {
  mail = await startMailServer();
  server = await startAreaServer('essex', { env: { SMTP_URL: mail.url, MAIL_TO: '', PUBLIC_ORIGIN: '' } });
});
after(async () => {
  await server?.stop();
  await mail?.close();
});

/** An autistic adult asking for themselves, as a browser without JavaScript posts it from the check page. */
const ANSWERS = {
  danger: 'no',
  filler: 'self',
  name: 'Sam Test',
  'dob-day': '1',
  'dob-month': '7',
  'dob-year': '1995',
  address: '2 Test Street\nChelmsford',
  postcode: 'CM1 1QH',
  gp: 'Test Lane Surgery',
  nhsNumber: '943 476 5919',
  diagnosis: 'autism',
  reasons: 'hospital',
  consent16: 'agrees',
  contactMethod: 'email',
  email: 'sam@example.com',
  confirm: 'yes',
  token: 'fhir-copy-test-token-0001',
};

test('the Questionnaires are served as FHIR JSON', async () => {
  for (const id of ['dsr-self-referral', 'dsr-professional-referral']) {
    const response = await fetch(`${server.origin}/fhir/Questionnaire/${id}`);
    assert.equal(response.status, 200, id);
    assert.match(response.headers.get('content-type') ?? '', /^application\/fhir\+json/);
    const questionnaire = (await response.json()) as Questionnaire;
    assert.equal(questionnaire.resourceType, 'Questionnaire');
    assert.equal(questionnaire.id, id);
  }
  assert.equal((await fetch(`${server.origin}/fhir/Questionnaire/no-such-form`)).status, 404);
});

test('a form the area does not offer has no Questionnaire there', async () => {
  await withAreaServer('south-east-london', async (sel) => {
    assert.equal((await fetch(`${sel.origin}/fhir/Questionnaire/dsr-self-referral`)).status, 200);
    assert.equal((await fetch(`${sel.origin}/fhir/Questionnaire/dsr-professional-referral`)).status, 404);
  });
});

/** Every file under a folder, with its bytes. */
async function filesUnder(dir: string): Promise<{ file: string; bytes: Buffer }[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return Promise.all(
    entries
      .filter((entry) => entry.isFile())
      .map(async (entry) => {
        const file = path.join(entry.parentPath, entry.name);
        return { file, bytes: await readFile(file) };
      }),
  );
}

test('a referral arrives by SMTP with its FHIR copy attached', async () => {
  const response = await fetch(`${server.origin}/refer`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      Accept: 'application/json',
      Origin: server.origin,
    },
    body: new URLSearchParams(ANSWERS).toString(),
  });
  assert.equal(response.status, 201, await response.clone().text());
  const { reference } = (await response.json()) as { reference: string };

  const email = await mail.inbox.waitFor(reference);
  const files = email.attachments.filter((file) => file.filename === `${reference}.fhir.json`);
  assert.equal(files.length, 1, `attachments: ${email.attachments.map((file) => file.filename).join(', ')}`);
  assert.equal(files[0]!.mimeType, 'application/fhir+json');
  const bundle = JSON.parse(files[0]!.content) as Bundle;
  assert.equal(bundle.resourceType, 'Bundle');
  assert.equal(bundle.identifier?.value, reference);

  const served = (await (await fetch(`${server.origin}/fhir/Questionnaire/dsr-self-referral`)).json()) as Questionnaire;
  const answers = bundle.entry?.find((entry) => entry.resource?.resourceType === 'QuestionnaireResponse')
    ?.resource as QuestionnaireResponse;
  assert.equal(answers.questionnaire, `${served.url}|${served.version}`);
  const linkIds = new Set(served.item?.map((item) => item.linkId));
  for (const item of answers.item ?? []) assert.ok(linkIds.has(item.linkId), item.linkId);
  assert.equal(answers.item?.find((item) => item.linkId === 'name')?.answer?.[0]?.valueString, 'Sam Test');

  // The NHS number as digits only is the FHIR copy's own way of writing it: the email says "943 476 5919".
  const patient = JSON.stringify(bundle.entry?.find((entry) => entry.resource?.resourceType === 'Patient'));
  assert.match(patient, /"9434765919"/);
  for (const { file, bytes } of await filesUnder(server.dataDir)) {
    for (const marker of ['9434765919', 'Sam Test', `${reference}.fhir.json`])
      assert.ok(!bytes.includes(marker), `${path.relative(server.dataDir, file)} holds ${marker}`);
  }
  for (const marker of ['9434765919', 'Sam Test']) assert.ok(!server.output().includes(marker), `the log: ${marker}`);
});
