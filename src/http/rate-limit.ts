/**
 * Posts per client address: more than a family could ever send by hand
 * (RATE_LIMIT_POSTS in RATE_LIMIT_SECONDS, default 20 in 5 minutes) is
 * refused until the window has passed. Addresses are kept in memory only,
 * for the length of the window.
 */
import { isIPv6 } from 'node:net';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { settings } from '../settings.ts';

let limiter: RateLimiterMemory | undefined;

/**
 * The key an address is counted under. One home or phone gets a whole IPv6
 * /64 and can use any address in it, so IPv6 addresses count by their /64;
 * IPv4 addresses (and IPv4 written as IPv6) count alone.
 */
export function rateLimitKey(address: string): string {
  const plain = address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '').replace(/%.*$/, '');
  if (!isIPv6(plain)) return plain;
  const [head = '', tail = ''] = plain.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  // An embedded IPv4 tail (::1.2.3.4) is two groups; the /64 never reaches it.
  const groups = plain.includes('::')
    ? [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

/** Counts a post from this address; false when the address is over its limit. */
export async function allowPost(address: string): Promise<boolean> {
  try {
    const { posts, seconds } = settings().rateLimit;
    limiter ??= new RateLimiterMemory({ points: posts, duration: seconds });
    await limiter.consume(rateLimitKey(address));
    return true;
  } catch (outcome) {
    if (outcome instanceof RateLimiterRes) return false;
    throw outcome;
  }
}
