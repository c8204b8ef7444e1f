import { closeOnSignals, describeDatabase, startDemoKit } from './demo-kit.js';
import { createStaticDemoServer } from './static-server.js';

/**
 * `npm run serve`: the demo without vite, over the built files (`npm run build` first), with the
 * server kit and the sandbox (or the sandbox process at `SANDBOX_URL`), payments in the PostgreSQL
 * database at `DATABASE_URL` (shared by every instance) or else the SQLite file `PAY_BY_BANK_DB`,
 * and the page under the strict Content-Security-Policy it is tested with.
 */
const port = Number(process.env.PORT ?? 5173);

let kit: Awaited<ReturnType<typeof startDemoKit>>;
try {
  // The address printed below (`PUBLIC_BASE_URL` over it): payers come back there from their bank.
  kit = await startDemoKit(port ? { publicBaseUrl: `http://localhost:${port}` } : {});
} catch (error) {
  // A corrupt or foreign PAY_BY_BANK_DB fails here, its message naming the file.
  console.error(`pay-by-bank demo: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
// `DEMO_DIST_DIR`: another build's folder (the end-to-end tests build into a temporary one).
const distDir = process.env.DEMO_DIST_DIR;
const server = createStaticDemoServer({ demo: kit.middleware, ...(distDir ? { distDir } : {}) });
closeOnSignals(async () => {
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
  });
  await kit.close();
});
// A deep accept queue: a burst of long-polls waits in it instead of being reset (npm run bench:scale).
server.listen({ port, backlog: 4096 }, () => {
  const address = server.address();
  const actual = typeof address === 'object' && address ? address.port : port;
  const { sandboxUrl } = kit.environment;
  const database = describeDatabase(kit.environment);
  console.log(
    `pay-by-bank demo on http://localhost:${actual}/ (kit at /api/pay-by-bank, sandbox at ${sandboxUrl ?? '/sandbox/'}, payments in ${database})`,
  );
});
