/**
 * GET /healthz: queue depth, parked count, oldest message age and delivery
 * state, for monitoring. 503 once delivery has been failing longer than
 * QUEUE_HEALTH_THRESHOLD. Counts and times only: no personal data.
 */
import type { APIRoute } from 'astro';
import { getQueue } from '../queue/index.ts';

export const prerender = false;

const headers = { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' };

export const GET: APIRoute = async () => {
  try {
    const queue = getQueue();
    await queue.ready;
    const health = queue.health();
    return new Response(JSON.stringify(health), { status: health.ok ? 200 : 503, headers });
  } catch {
    return new Response(JSON.stringify({ ok: false, error: 'mail queue not available' }), { status: 503, headers });
  }
};
