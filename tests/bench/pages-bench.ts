/**
 * Page weight for every page of both areas, and speed against the limit:
 * the built production server and an nginx (Debian's nginx-light, one
 * worker, gzip_static) serving the same page and picture bytes, flooded in
 * the same run (autocannon), with the ratio; then form posts at a steady
 * rate during a page flood. Prints figures to compare over time; asserts
 * nothing (the size budget is checked by the end-to-end tests).
 * Run: `npm run bench` (builds first). BENCH_SECONDS, BENCH_POST_RATE, NGINX_PATH.
 */
import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os, { tmpdir } from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { encode, journeyFor } from '../security/journeys.ts';
import { formEndpoints } from '../security/support.ts';
import { postsInWorker, type PostsRun } from './steady-posts.ts';

const AREAS = ['south-east-london', 'essex'];
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const POST_RATE = Number(process.env.BENCH_POST_RATE ?? 200);
const NGINX = process.env.NGINX_PATH ?? '/usr/sbin/nginx';
const CONCURRENCY = 16;
const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });

function get(port: number, pathname: string, encoding = 'br, gzip'): Promise<{ status: number; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = http.get({ port, path: pathname, agent, headers: { 'accept-encoding': encoding } }, (res) => {
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
    // Posts in the benchmark all come from one address.
    RATE_LIMIT_POSTS: '1000000',
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

interface Run {
  rate: number;
  p50: number;
  p99: number;
  errors: number;
}

/** Pages (or files) per second and latency at CONCURRENCY connections, with compression accepted. */
async function flood(url: string, seconds = SECONDS): Promise<Run> {
  const result = await autocannon({
    url,
    connections: CONCURRENCY,
    duration: seconds,
    headers: { 'accept-encoding': 'gzip, deflate, br' },
  });
  return {
    rate: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}

/** nginx (one worker, gzip_static) serving `files` from a folder, on loopback; stopped by the caller. */
async function startNginx(files: Record<string, Buffer>, port: number): Promise<{ stop: () => void }> {
  const root = mkdtempSync(path.join(tmpdir(), 'dsr-bench-nginx-'));
  // nginx's worker runs as another user when started as root: it must be able to read the folder.
  chmodSync(root, 0o755);
  for (const [name, bytes] of Object.entries(files)) {
    writeFileSync(path.join(root, name), bytes);
    writeFileSync(path.join(root, `${name}.gz`), zlib.gzipSync(bytes, { level: 9 }));
  }
  writeFileSync(
    path.join(root, 'nginx.conf'),
    `worker_processes 1;
daemon off;
pid ${root}/nginx.pid;
error_log ${root}/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 100000;
  types { text/html html; image/svg+xml svg; }
  gzip_static on;
  client_body_temp_path ${root}/tmp; proxy_temp_path ${root}/tmp; fastcgi_temp_path ${root}/tmp;
  uwsgi_temp_path ${root}/tmp; scgi_temp_path ${root}/tmp;
  server { listen 127.0.0.1:${port}; root ${root}; }
}
`,
  );
  const child = spawn(NGINX, ['-c', path.join(root, 'nginx.conf'), '-e', path.join(root, 'error.log')], {
    stdio: 'inherit',
  });
  for (let tries = 0; ; tries++) {
    try {
      await fetch(`http://127.0.0.1:${port}/page.html`);
      break;
    } catch (error) {
      if (tries > 100 || child.exitCode !== null) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  return { stop: () => child.kill('SIGQUIT') };
}

const ms = (n: number) => n.toFixed(1);

/**
 * Runs `work` in this thread at the lowest CPU priority (Linux: a thread's
 * own nice value; the posts' worker thread, made before, keeps its own). The
 * flood's generator shares this 2-core machine with the server, which in
 * life it would not: when both cores are busy, the generator gives way, not
 * the server or the timing of the posts.
 */
async function asBackground<T>(work: () => Promise<T>): Promise<T> {
  const before = os.getPriority();
  os.setPriority(19);
  try {
    return await work();
  } finally {
    try {
      os.setPriority(before);
    } catch {
      // Raising a priority again needs privilege; the rest of the run is only reporting.
    }
  }
}
const row = (cells: (string | number)[]) => console.log(`| ${cells.join(' | ')} |`);

async function compareWithNginx(port: number) {
  const origin = `http://127.0.0.1:${port}`;
  const pagePath = '/what-is-the-dsr';
  const html = (await get(port, pagePath, 'identity')).body;
  const picture = /src="(\/pictures\/[^"]+\.svg)"/.exec(html.toString())![1]!;
  const svg = (await get(port, picture, 'identity')).body;
  const nginxPort = port + 100;
  const nginx = await startNginx({ 'page.html': html, 'picture.svg': svg }, nginxPort);
  try {
    const results: [string, Run, Run][] = [];
    results.push([
      'content page',
      await flood(origin + pagePath),
      await flood(`http://127.0.0.1:${nginxPort}/page.html`),
    ]);
    results.push(['picture', await flood(origin + picture), await flood(`http://127.0.0.1:${nginxPort}/picture.svg`)]);
    console.log(`\nSide by side, ${CONCURRENCY} connections, ${SECONDS} s each, compression accepted:\n`);
    row(['what', 'portal /s', 'portal p50 ms', 'portal p99 ms', 'nginx /s', 'nginx p50 ms', 'nginx p99 ms', 'ratio']);
    row(['---', '---', '---', '---', '---', '---', '---', '---']);
    for (const [what, portal, limit] of results) {
      row([
        what,
        portal.rate.toFixed(0),
        ms(portal.p50),
        ms(portal.p99),
        limit.rate.toFixed(0),
        ms(limit.p50),
        ms(limit.p99),
        (portal.rate / limit.rate).toFixed(2),
      ]);
      if (portal.errors + limit.errors > 0)
        console.log(`  (errors or non-2xx: portal ${portal.errors}, nginx ${limit.errors})`);
    }
  } finally {
    nginx.stop();
  }

  const endpoints = await formEndpoints(origin);
  const callback = endpoints.find((endpoint) => endpoint.path === '/ask-for-a-call')!;
  const job = (offset: number, count = POST_RATE * SECONDS) => ({
    url: `${origin}/ask-for-a-call`,
    origin,
    rate: POST_RATE,
    bodies: Array.from({ length: count }, (_, i) => encode(callback, journeyFor(callback, offset + i).answers)),
  });
  const statuses = (run: PostsRun) => JSON.stringify(run.statuses);
  // Warm up the post path (first renders, the spool's folders, JIT) so neither run counts it.
  await postsInWorker(job(2 * POST_RATE * SECONDS, POST_RATE));
  const alone = await postsInWorker(job(0));
  console.log(
    `\nForm posts at ${POST_RATE}/s, nothing else: p50 ${ms(alone.p50)} ms, p99 ${ms(alone.p99)} ms, answers ${statuses(alone)}`,
  );
  const during = postsInWorker(job(POST_RATE * SECONDS));
  const pages = await asBackground(() => flood(origin + pagePath));
  const posts = await during;
  console.log(
    `Form posts at ${POST_RATE}/s during a page flood (${CONCURRENCY} connections): p50 ${ms(posts.p50)} ms, p99 ${ms(posts.p99)} ms, answers ${statuses(posts)}; pages meanwhile ${pages.rate.toFixed(0)}/s, p99 ${ms(pages.p99)} ms`,
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
    if (area === AREAS[0]) await compareWithNginx(port);
  } finally {
    server.kill();
  }
}
agent.destroy();
