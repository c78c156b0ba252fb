/**
 * Page weight and server throughput for every page of both areas, against
 * the built production server. Prints figures to compare over time; it
 * asserts nothing (the size budget is checked by the end-to-end tests).
 * Run: `npm run bench` (builds first).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';

const AREAS = ['south-east-london', 'essex'];
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONCURRENCY = 16;
const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });

function get(port: number, pathname: string): Promise<{ status: number; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = http.get({ port, path: pathname, agent, headers: { 'accept-encoding': 'br, gzip' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
  });
}

function getText(port: number, pathname: string): Promise<string> {
  return new Promise((resolve, reject) => {
    http
      .get({ port, path: pathname }, (res) => {
        let text = '';
        res
          .setEncoding('utf8')
          .on('data', (chunk) => (text += chunk))
          .on('end', () => resolve(text));
      })
      .on('error', reject);
  });
}

async function startServer(area: string, port: number): Promise<ChildProcess> {
  const env = {
    ...process.env,
    DSR_AREA: area,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: mkdtempSync(path.join(tmpdir(), 'dsr-bench-')),
  };
  const child = spawn(process.execPath, ['src/server.ts'], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('http://') && resolve());
    child.on('exit', (code) => reject(new Error(`server for ${area} exited with ${code}`)));
  });
  return child;
}

async function weights(port: number, pages: string[]) {
  const kb = (bytes: number) => (bytes / 1024).toFixed(1);
  console.log('page'.padEnd(24), 'HTML+CSS KB (compressed)'.padEnd(26), 'pictures KB (compressed)');
  for (const page of pages) {
    const html = await get(port, page);
    const text = await getText(port, page);
    const pictures = [...new Set([...text.matchAll(/src="(\/pictures\/[^"]+)"/g)].map((m) => m[1]!))];
    let pictureBytes = 0;
    for (const picture of pictures) pictureBytes += (await get(port, picture)).body.length;
    console.log(page.padEnd(24), kb(html.body.length).padEnd(26), kb(pictureBytes));
  }
}

async function throughput(port: number, pages: string[]) {
  const latencies: number[] = [];
  const end = performance.now() + SECONDS * 1000;
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < end) {
        const started = performance.now();
        await get(port, pages[next++ % pages.length]!);
        latencies.push(performance.now() - started);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.floor(q * (latencies.length - 1))]!.toFixed(1);
  console.log(
    `\nthroughput: ${(latencies.length / SECONDS).toFixed(0)} pages/s with ${CONCURRENCY} clients; latency p50 ${at(0.5)} ms, p99 ${at(0.99)} ms`,
  );
}

let port = 4500;
for (const area of AREAS) {
  const server = await startServer(area, ++port);
  try {
    const sitemap = await getText(port, '/sitemap.xml');
    const pages = [...sitemap.matchAll(/<loc>[^<]*?(\/[^<]*)<\/loc>/g)].map((m) => new URL(m[1]!, 'http://x').pathname);
    console.log(`\n== ${area}: ${pages.length} pages ==`);
    await weights(port, pages);
    await throughput(port, pages);
  } finally {
    server.kill();
  }
}
agent.destroy();
