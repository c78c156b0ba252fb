/**
 * A sealed message, the same bytes in a spool file or a database row:
 * AES-256-GCM from node:crypto.
 *
 *   "DSRQ1\n" | header length (uint16 BE) | header JSON | nonce (12) | tag (16) | ciphertext
 *
 * The header holds only the reference, acceptance time and channel name (what
 * `queue list` and delivery need without opening it); it is authenticated as
 * additional data, so changing any byte makes opening fail.
 */
import { createCipheriv, createDecipheriv, createHmac, createSecretKey, randomBytes } from 'node:crypto';
import type { KeyObject } from 'node:crypto';

const MAGIC = Buffer.from('DSRQ1\n');
const NONCE = 12;
const TAG = 16;

export interface SpoolHeader {
  reference: string;
  /** Milliseconds since the epoch. */
  acceptedAt: number;
  /** The channel that delivers it; messages sealed before channels existed are mail. */
  channel: string;
}

const DEFAULT_CHANNEL = 'mail';

/** The file cannot be read or fails authentication; it says nothing of the content. */
export class CorruptFileError extends Error {
  constructor(reason: string) {
    super(`spool file rejected: ${reason}`);
    this.name = 'CorruptFileError';
  }
}

export function seal(key: Buffer | KeyObject, header: SpoolHeader, plaintext: Buffer): Buffer {
  const headerBytes = Buffer.from(
    JSON.stringify({ reference: header.reference, acceptedAt: header.acceptedAt, channel: header.channel }),
  );
  const prefix = Buffer.alloc(MAGIC.length + 2);
  MAGIC.copy(prefix);
  prefix.writeUInt16BE(headerBytes.length, MAGIC.length);
  const aad = Buffer.concat([prefix, headerBytes]);
  const nonce = randomBytes(NONCE);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(aad);
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([aad, nonce, cipher.getAuthTag(), ciphertext]);
}

/** Reads the clear header only (no key needed); `bytes` may be just the start of the file. */
export function readHeader(bytes: Buffer): { header: SpoolHeader; end: number } {
  if (bytes.length < MAGIC.length + 2 || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) {
    throw new CorruptFileError('not a spool file');
  }
  const length = bytes.readUInt16BE(MAGIC.length);
  const end = MAGIC.length + 2 + length;
  if (bytes.length < end) throw new CorruptFileError('truncated header');
  let parsed: unknown;
  try {
    parsed = JSON.parse(bytes.subarray(MAGIC.length + 2, end).toString('utf8'));
  } catch {
    throw new CorruptFileError('unreadable header');
  }
  const h = parsed as Partial<SpoolHeader> | null;
  if (!h || typeof h.reference !== 'string' || typeof h.acceptedAt !== 'number' || !Number.isFinite(h.acceptedAt)) {
    throw new CorruptFileError('incomplete header');
  }
  const channel = h.channel ?? DEFAULT_CHANNEL;
  if (typeof channel !== 'string') throw new CorruptFileError('incomplete header');
  return { header: { reference: h.reference, acceptedAt: h.acceptedAt, channel }, end };
}

export function open(key: Buffer | KeyObject, bytes: Buffer): { header: SpoolHeader; plaintext: Buffer } {
  const { header, end } = readHeader(bytes);
  if (bytes.length < end + NONCE + TAG) throw new CorruptFileError('truncated');
  const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(end, end + NONCE));
  decipher.setAAD(bytes.subarray(0, end));
  decipher.setAuthTag(bytes.subarray(end + NONCE, end + NONCE + TAG));
  try {
    const plaintext = Buffer.concat([decipher.update(bytes.subarray(end + NONCE + TAG)), decipher.final()]);
    return { header, plaintext };
  } catch {
    throw new CorruptFileError('authentication failed');
  }
}

/** What the token store keeps: a keyed hash, so the token itself is never on disk. */
export function tokenHash(key: Buffer | KeyObject, token: string): string {
  return createHmac('sha256', key).update('submission-token\0').update(token).digest('hex');
}

/** Tells keys apart without revealing them: instances sharing a queue must share the key. */
export function keyFingerprint(key: Buffer | KeyObject): string {
  return createHmac('sha256', key).update('sealing-key-check').digest('hex');
}

/** Wraps the raw key once, so each seal does not rebuild a key object. */
export function cipherKey(raw: Buffer): KeyObject {
  return createSecretKey(raw);
}
