import { createStaticDemoServer } from './static-server.js';

/**
 * `npm run serve`: the demo without vite, over the built files (`npm run build` first), with the
 * server kit and the sandbox, and the page under the strict Content-Security-Policy it is tested with.
 */
const port = Number(process.env.PORT ?? 5173);

createStaticDemoServer().listen(port, () => {
  console.log(
    `pay-by-bank demo on http://localhost:${port}/ (kit at /api/pay-by-bank, sandbox at /sandbox/)`,
  );
});
