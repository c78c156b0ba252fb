/**
 * Form posts at a steady rate, each timed from when it was due (no
 * coordinated omission). Runs in its own worker thread: a page flood in the
 * benchmark's main thread must not delay the posts' timers and so count its
 * own lateness as the server's.
 */
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';

export interface PostsRun {
  rate: number;
  p50: number;
  p99: number;
  statuses: Record<number, number>;
}

interface Job {
  url: string;
  origin: string;
  bodies: string[];
  rate: number;
}

async function steadyPosts({ url, origin, bodies, rate }: Job): Promise<PostsRun> {
  const latencies: number[] = [];
  const statuses: Record<number, number> = {};
  const started = performance.now();
  await Promise.all(
    bodies.map(async (body, i) => {
      const due = started + (i * 1000) / rate;
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - performance.now())));
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin, accept: 'application/json' },
        body,
      });
      await response.arrayBuffer();
      latencies.push(performance.now() - due);
      statuses[response.status] = (statuses[response.status] ?? 0) + 1;
    }),
  );
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.floor(q * (latencies.length - 1))]!;
  return { rate: (bodies.length * 1000) / (performance.now() - started), p50: at(0.5), p99: at(0.99), statuses };
}

/** Posts each body once, `rate` a second, from a worker thread. */
export function postsInWorker(job: Job): Promise<PostsRun> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL(import.meta.url), { workerData: job });
    worker.once('message', resolve);
    worker.once('error', reject);
  });
}

if (!isMainThread) parentPort!.postMessage(await steadyPosts(workerData as Job));
