/**
 * The ids of a referral's resources: name-based UUIDs (RFC 9562, version 5)
 * of the reference and the resource's role, so building the same referral
 * again gives the same bundle, byte for byte, and no two referrals share one.
 */
import { createHash } from 'node:crypto';

/** RFC 9562's namespace for names that are URLs. */
const URL_NAMESPACE = Buffer.from('6ba7b8119dad11d180b400c04fd430c8', 'hex');

export function nameUuid(name: string): string {
  const hash = createHash('sha1').update(URL_NAMESPACE).update(name, 'utf8').digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** `urn:uuid:…` for one resource of one referral: the fullUrl other resources reference. */
export function fullUrlFor(reference: string, role: string): string {
  return `urn:uuid:${nameUuid(`dsr-referral:${reference}/${role}`)}`;
}
