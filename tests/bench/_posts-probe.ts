import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { encode, journeyFor } from '../security/journeys.ts';
import { formEndpoints } from '../security/support.ts';
import { postsInWorker } from './steady-posts.ts';
const port = 4591;
const extra = JSON.parse(process.argv[2] ?? '{}');
const env = { ...process.env, DSR_AREA: 'south-east-london', PORT: String(port), HOST: '127.0.0.1', DATA_DIR: mkdtempSync(path.join(tmpdir(), 'dsr-probe-')), RATE_LIMIT_POSTS: '1000000', ...extra };
const child = spawn(process.execPath, [...(extra.NODE_ARGS ? extra.NODE_ARGS.split(' ') : []), 'src/server.ts'], { env, stdio: ['ignore', 'pipe', 'inherit'] });
await new Promise<void>((resolve) => child.stdout!.on('data', (c: Buffer) => c.toString().includes('http://') && resolve()));
const origin = `http://127.0.0.1:${port}`;
const endpoints = await formEndpoints(origin);
const callback = endpoints.find((e) => e.path === '/ask-for-a-call')!;
const job = (offset: number, count = 1600) => ({ url: `${origin}/ask-for-a-call`, origin, rate: 200, bodies: Array.from({ length: count }, (_, i) => encode(callback, journeyFor(callback, offset + i).answers)) });
await postsInWorker(job(5000, 200));
for (let i = 0; i < 2; i++) {
  const alone = await postsInWorker(job(10000 * (i + 1)));
  console.log('alone', alone.p50.toFixed(1), alone.p99.toFixed(1), JSON.stringify(alone.statuses));
}
const [pages, posts] = await Promise.all([autocannon({ url: origin + '/what-is-the-dsr', connections: 16, duration: 8, headers: { 'accept-encoding': 'gzip, deflate, br' } }), postsInWorker(job(50000))]);
console.log('flood', posts.p50.toFixed(1), posts.p99.toFixed(1), 'pages', pages.requests.average);
child.kill();
