/**
 * Posts per client address: more than a family could ever send by hand
 * (RATE_LIMIT_POSTS in RATE_LIMIT_SECONDS, default 20 in 5 minutes) is
 * refused until the window has passed. Addresses are kept in memory only,
 * for the length of the window.
 */
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

const limiter = new RateLimiterMemory({
  points: Number(process.env.RATE_LIMIT_POSTS ?? 20),
  duration: Number(process.env.RATE_LIMIT_SECONDS ?? 300),
});

/** Counts a post from this address; false when the address is over its limit. */
export async function allowPost(address: string): Promise<boolean> {
  try {
    await limiter.consume(address);
    return true;
  } catch (outcome) {
    if (outcome instanceof RateLimiterRes) return false;
    throw outcome;
  }
}
