/**
 * The production server: `node src/server.ts` after `astro build`.
 * Astro's standalone handler renders pages; this wrapper adds what must apply
 * to every response (the security headers, 400/405 for requests the site
 * does not serve, compression) and answers from memory what needs no render:
 * static files with their build-time brotli and gzip copies, and content
 * pages kept until their crisis-line statuses change (src/cache/).
 */
import compression from 'compression';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import { startDailyCount } from './daily-count/index.ts';
import {
  acceptForDelivery,
  closeDelivery,
  referenceForToken,
  startDelivery,
  stopDelivering,
} from './delivery/index.ts';
import { BODY_LIMIT, refuseLargeBody } from './http/body-limit.ts';
import { markServedByWrapper, prepareRequest } from './http/client-address.ts';
import { stopGracefullyOn, trackResponse } from './http/graceful-stop.ts';
import { setCommonHeaders } from './http/headers.ts';
import { refuseConnect, refuseRequestShape } from './http/methods.ts';
import { loadStaticFiles, serveStaticFile } from './http/static-files.ts';
import { servePage } from './cache/serve.ts';
import { plainHelp, plainHelpPage, TOO_LARGE } from './http/help-page.ts';
import { readHelpSettings } from './http/help-settings.ts';
import { redactConsole } from './http/log.ts';
import { openQueueOperations } from './queue/index.ts';
import { settingsOrExit } from './settings.ts';
import { now, setClock } from './time/clock.ts';

process.env.ASTRO_NODE_AUTOSTART = 'disabled';
// Astro prints errors (with their messages, which may quote an answer) with console.error: keep names and frames only.
redactConsole();
const { area, server: serving, fakeNow, fakeNowFile, queue: queueSettings, dailyCountCheckMs } = settingsOrExit();
if (fakeNow) setClock(() => fakeNow);
if (fakeNowFile) setClock(() => new Date(readFileSync(fakeNowFile, 'utf8').trim()));
const root = path.resolve(import.meta.dirname, '..');
const entry = path.join(root, 'dist/server/entry.mjs');
if (!existsSync(entry)) {
  console.error('The site is not built yet. Run `npm start`, or `npm run build` first.');
  process.exit(1);
}

const areas = readdirSync(path.join(root, 'content/areas'));
if (!areas.includes(area)) {
  console.error(`DSR_AREA="${area}" is not an area. Choose one of: ${areas.join(', ')}.`);
  process.exit(1);
}

const { publicOrigin: origin, trustedProxies: proxies, port, host } = serving;
const publicHttps = origin?.protocol === 'https:';
const helpSettings = readHelpSettings(root, area);
const tooLargePage = () => plainHelpPage(TOO_LARGE, plainHelp(helpSettings, now()));

const staticFiles = loadStaticFiles(path.join(root, 'dist/client'));
await startDelivery();
const areaSettings = helpSettings?.area;
const dailyCount = areaSettings?.dailyCount
  ? startDailyCount({
      area: { ...areaSettings, id: area, dailyCount: areaSettings.dailyCount },
      accept: acceptForDelivery,
      referenceFor: referenceForToken,
      openOperations: () => openQueueOperations(queueSettings),
      now,
      checkMs: dailyCountCheckMs,
      log: (line) => console.log(line),
    })
  : undefined;
const { handler } = await import(entry);
// Pages rendered per request (forms, pages with a query) are compressed as they
// go. Brotli quality 7, not the library's 4: on the referral form page (with
// Listen's sentence marks and the display choices) quality 7 is 290 bytes
// smaller than 5 (16,549 to 16,259), for 0.3 ms more (1.5 to 1.8 ms); 8 and
// up cost far more time for little.
const compress = compression({ brotli: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 7 } } });

// The app may now believe the client-address header: this server always replaces it.
markServedByWrapper();

const server = http.createServer((req, res) => {
  trackResponse(res);
  setCommonHeaders(req, res, publicHttps || 'encrypted' in req.socket);
  // Too large first: a body over the limit is never read, whatever the method.
  if (refuseLargeBody(req, res, tooLargePage) || refuseRequestShape(req, res)) return;
  if (serveStaticFile(staticFiles, req, res)) return;
  // Content pages from memory while their statuses hold; everything else (and the first request) renders.
  servePage(req, res, () => {
    // Client address (X-Forwarded-For only from TRUSTED_PROXIES), no proxy headers, and the public origin.
    prepareRequest(req, proxies, origin);
    compress(req as never, res as never, () => handler(req, res));
  });
});
server.on('connect', refuseConnect);
server.maxRequestsPerSocket = 0;
server.headersTimeout = 20_000;
server.requestTimeout = 30_000;
server.listen(port, host, () => {
  const behind = origin ? `, public address ${origin.origin}` : '';
  const trusted = proxies.size > 0 ? `, trusting X-Forwarded-For from ${[...proxies].join(', ')}` : '';
  console.log(
    `DSR portal for ${area} at http://localhost:${port} (request bodies up to ${BODY_LIMIT / 1024} KB${behind}${trusted})`,
  );
});

stopGracefullyOn(server, {
  // No daily count may start once delivery is stopping; one under way finishes first.
  stopDelivering: async (by) => {
    await dailyCount?.stop();
    await stopDelivering(by);
  },
  closeDelivery,
});
