/**
 * Good answers for each form, so that a test can go all the way to the
 * confirmation. The callback form's are written out. Any other form (the
 * self-referral form) is solved against the running server: answers are
 * guessed from the fields' names and types, posted as JSON, and each
 * question the server reports as wrong gets its next candidate, until the
 * server accepts them (201, or 409 "check your answers" for a form with a
 * check page). `marker` words appear in every free-text answer, so a test
 * can look for them where they must never be.
 */
import { postForm, postForms, readForm, type FormEndpoint, type Reply, type SendOptions } from './support.ts';

export type Answers = Record<string, string | string[]>;

interface Journey {
  /** Answers that pass the form's checks (for a solved form: if `solved`). */
  answers: Answers;
  /** The personal values in the answers: none may appear in a log. */
  secrets: string[];
  /** False when a guessed journey was never accepted by the server. */
  solved: boolean;
}

/** Letters only, so name questions accept it; unusual, so it is found only where it was put. */
export function markerWord(seed: number): string {
  const letters = 'bcdfghjklmnpqrstvwxz';
  let word = 'Q';
  let n = (seed * 2654435761 + 12345) >>> 0;
  for (let i = 0; i < 9; i++) {
    word += letters[n % letters.length];
    n = (Math.imul(n, 1103515245) + 12345) >>> 0;
  }
  return word;
}

const phoneFor = (seed: number) => `07700 900${String(100 + (seed % 800)).padStart(3, '0')}`;

const KNOWN: Record<string, (seed: number) => Journey> = {
  '/ask-for-a-call': (seed) => {
    const name = `${markerWord(seed)} ${markerWord(seed + 1)}`;
    const phone = phoneFor(seed);
    const detail = `after ${markerWord(seed + 2)} on Tuesdays`;
    const other = markerWord(seed + 3);
    const notes = `Please know ${markerWord(seed + 4)} and call me at home`;
    return {
      answers: {
        name,
        phone,
        voicemail: 'yes',
        bestTime: 'any',
        bestTimeDetail: detail,
        about: 'my-child',
        aboutName: other,
        notes,
      },
      secrets: [
        name,
        phone,
        phone.replace(/\s/g, ''),
        `+44${phone.replace(/\s/g, '').slice(1)}`,
        markerWord(seed + 2),
        other,
        markerWord(seed + 4),
      ],
      solved: true,
    };
  },
};

/** Candidate answers for a text input, best guess first. */
function textCandidates(field: string, seed: number): string[] {
  const name = field.toLowerCase();
  const word = markerWord(seed);
  const word2 = markerWord(seed + 1);
  if (/-day$/.test(name)) return ['14', '1', '28'];
  if (/-month$/.test(name)) return ['3', '11', '1'];
  if (/-year$/.test(name)) return ['2008', '1990', '2014', '2000', '1975', '2020'];
  if (name.includes('email')) return [`${word.toLowerCase()}@example.com`, ''];
  if (/phone|tel|mobile/.test(name)) return [phoneFor(seed), '020 7946 0123', ''];
  if (name.includes('postcode')) return ['SE1 7EH', 'CM1 1QH', 'SE10 9NF', ''];
  if (name.includes('nhs')) return ['', '943 476 5919'];
  if (name.includes('name')) return [`${word} ${word2}`, word, ''];
  return [`${word} told us about ${word2}`, word, '', '1'];
}

/** Choice values, "yes" first (consent, agreement), then in page order. */
function choiceCandidates(values: string[]): string[] {
  const yes = values.filter((value) => /^(yes|true|agree|on)$/i.test(value));
  return [...yes, ...values.filter((value) => !yes.includes(value))];
}

/** Answers from the current candidate of each input. */
function answersAt(
  endpoint: FormEndpoint,
  at: Map<string, number>,
  seed: number,
): { answers: Answers; secrets: string[] } {
  const answers: Answers = {};
  const secrets: string[] = [];
  endpoint.textFields.forEach((field, i) => {
    const candidates = textCandidates(field, seed + i * 2);
    const value = candidates[Math.min(at.get(field) ?? 0, candidates.length - 1)]!;
    answers[field] = value;
    if (/[A-Za-z]{4}/.test(value) && !/^[A-Z]{1,2}\d/.test(value)) secrets.push(value);
    if (/^0\d{3,4} ?\d{3} ?\d{3,4}$/.test(value)) secrets.push(value, value.replace(/\s/g, ''));
  });
  for (const [field, values] of endpoint.choices) {
    const candidates = choiceCandidates(values);
    answers[field] = candidates[Math.min(at.get(field) ?? 0, candidates.length - 1)]!;
  }
  return { answers, secrets };
}

/** The inputs a reported question is made of: itself, or `<question>-day` and the like. */
function inputsOf(endpoint: FormEndpoint, field: string): string[] {
  if (endpoint.fields.includes(field)) return [field];
  return endpoint.fields.filter((name) => name.startsWith(`${field}-`));
}

/** Good answers for this form without asking the server: written out, or a first guess. */
export function journeyFor(endpoint: FormEndpoint, seed: number): Journey {
  const known = KNOWN[endpoint.path];
  if (known) return known(seed);
  return { ...answersAt(endpoint, new Map(), seed), solved: false };
}

/**
 * Good answers for this form, checked by the server (see the top of this
 * file). Queues nothing for a form with a check page; for a form without one
 * (the callback form) the written-out answers are used and nothing is posted.
 */
export async function solveJourney(
  origin: string,
  endpoint: FormEndpoint,
  seed: number,
  options: SendOptions = {},
): Promise<Journey> {
  if (KNOWN[endpoint.path]) return journeyFor(endpoint, seed);
  const at = new Map<string, number>();
  const advance = (input: string) => at.set(input, (at.get(input) ?? 0) + 1);
  for (let round = 0; round < 60; round++) {
    const { answers, secrets } = answersAt(endpoint, at, seed);
    const reply = await postForm(
      origin,
      endpoint.path,
      encode(endpoint, answers, []),
      { accept: 'application/json' },
      options,
    );
    if (reply.status === 201) return { answers, secrets, solved: true };
    const body = safeJson(reply);
    if (reply.status === 409 && body?.['hold'] === 'check') return { answers, secrets, solved: true };
    if (reply.status === 409) {
      // Held for another reason (nobody agreed): try the next answers to the consent questions.
      endpoint.fields.filter((name) => /consent|agree/i.test(name)).forEach(advance);
      continue;
    }
    if (reply.status !== 422 || !Array.isArray(body?.['errors'])) break;
    for (const error of body['errors'] as { field: string }[]) inputsOf(endpoint, error.field).forEach(advance);
  }
  return { ...answersAt(endpoint, at, seed), solved: false };
}

function safeJson(reply: Reply): Record<string, unknown> | undefined {
  try {
    return JSON.parse(reply.body) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

/** Answers (one value or several) as a urlencoded body, after the form's hidden fields (or `hidden`). */
export function encode(endpoint: FormEndpoint, answers: Answers, hidden: [string, string][] = endpoint.hidden): string {
  const body = new URLSearchParams(hidden);
  for (const [name, value] of Object.entries(answers)) {
    for (const item of Array.isArray(value) ? value : [value]) body.append(name, item);
  }
  return body.toString();
}

/**
 * A browser's whole journey without JavaScript: post the answers; if the
 * server shows a check-your-answers page, press its confirming button (the
 * page's hidden answers and token, and `confirm=yes` or the like). Returns
 * the last reply: 303 to the confirmation page when all went well.
 */
export async function submitLikeABrowser(
  origin: string,
  endpoint: FormEndpoint,
  answers: Answers,
  options: SendOptions = {},
  headers: Record<string, string> = {},
): Promise<Reply> {
  let reply = await postForm(origin, endpoint.path, encode(endpoint, answers), headers, options);
  for (let step = 0; step < 3 && reply.status === 200; step++) {
    const check = postForms(reply.body)
      .map((form) => readForm(endpoint.path, form))
      .find((form) => form.buttons.length > 0);
    if (!check) break;
    const [button, value] = check.buttons.find(([name]) => name === 'confirm') ?? check.buttons.at(-1)!;
    reply = await postForm(
      origin,
      endpoint.path,
      new URLSearchParams([...check.hidden, [button, value]]).toString(),
      headers,
      options,
    );
  }
  return reply;
}
