/**
 * GET /healthz, for load balancers and monitoring: whether new posts can be
 * accepted (the queue's disk or database), queue depth, parked count, oldest
 * message's age and delivery state. 503 whenever a new post could not be
 * accepted, while the instance is stopping, and once delivery has been
 * failing longer than QUEUE_HEALTH_THRESHOLD. States, counts and times only.
 */
import type { APIRoute } from 'astro';
import { deliveryHealth } from '../delivery/index.ts';

export const prerender = false;

const headers = { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' };

export const GET: APIRoute = async () => {
  try {
    const health = await deliveryHealth();
    return new Response(JSON.stringify(health), { status: health.ok ? 200 : 503, headers });
  } catch {
    return new Response(JSON.stringify({ ok: false, accepting: false, error: 'queue not available' }), {
      status: 503,
      headers,
    });
  }
};
