/**
 * `node tests/support/serve-area.ts <area> <port>`: Playwright's webServer
 * command. Runs the built server for one area with a temporary DATA_DIR and
 * removes that folder when Playwright stops it (SIGTERM).
 */
import { startAreaServer } from './server.ts';

const [area, port] = process.argv.slice(2);
if (!area || !port || !/^\d+$/.test(port)) {
  console.error('usage: node tests/support/serve-area.ts <area> <port>');
  process.exit(2);
}
const server = await startAreaServer(area, { port: Number(port), echo: true });
console.log(`serve-area: ${area} at ${server.origin}, DATA_DIR ${server.dataDir}`);

let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    stopping = true;
    void server.stop().then(() => process.exit(0));
  });
}
void server.exited.then((event) => {
  if (stopping) return;
  const [code, signal] = event as [number | null, string | null];
  console.error(`serve-area: the ${area} server stopped by itself (exit code ${code}, signal ${signal})`);
  void server.stop().then(() => process.exit(1));
});
