import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { SandboxKnobs } from '../../../src/sandbox/index.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));

/** A demo entry point (`demo/serve.ts`, `demo/sandbox.ts`) running as its own process. */
export interface RunningProcess {
  child: ChildProcess;
  output(): string;
  /** kill -9: no shutdown code runs, as when the machine loses the process. */
  kill(): Promise<void>;
  /** SIGTERM, and the exit code. */
  stop(): Promise<number | null>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function run(
  entry: string,
  env: Record<string, string>,
  ready: RegExp,
): {
  process: RunningProcess;
  ready: Promise<RegExpExecArray>;
} {
  const child = spawn(process.execPath, ['--import', 'tsx', entry], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'test', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = once(child, 'exit').then(([code, signal]) => ({
    code: code as number | null,
    signal: signal as NodeJS.Signals | null,
  }));
  const readyLine = new Promise<RegExpExecArray>((resolve, reject) => {
    const seen = (chunk: string) => {
      output += chunk;
      const match = ready.exec(output);
      if (match) resolve(match);
    };
    child.stdout?.setEncoding('utf8').on('data', seen);
    child.stderr?.setEncoding('utf8').on('data', seen);
    void exited.then(({ code, signal }) =>
      reject(new Error(`${entry} exited (${code ?? signal}) before it was ready:\n${output}`)),
    );
  });
  readyLine.catch(() => {});
  return {
    ready: readyLine,
    process: {
      child,
      output: () => output,
      exited,
      async kill() {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
        await exited;
      },
      async stop() {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
        return (await exited).code;
      },
    },
  };
}

/** A port free right now on 127.0.0.1, for a server that must come back on the same one. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

export interface SandboxProcess extends RunningProcess {
  /** e.g. `http://127.0.0.1:54321/sandbox`. */
  url: string;
  configure(knobs: SandboxKnobs): Promise<void>;
  /** How many payments each simulated provider created (2xx answers to its create call). */
  created(): Promise<Record<string, number>>;
  /** How many times Aiia's status of each payment (by the provider's id) was read. */
  aiiaReads(): Promise<Record<string, number>>;
}

/** `npm run sandbox` on an ephemeral port, its webhooks to `webhookUrl`. */
export async function startSandboxProcess(
  webhookUrl = 'http://127.0.0.1:9/none',
): Promise<SandboxProcess> {
  const started = run(
    'demo/sandbox.ts',
    { PORT: '0', SANDBOX_WEBHOOK_URL: webhookUrl },
    /sandbox on (http:\/\/\S+\/sandbox)/,
  );
  const [, url = ''] = await started.ready;
  const control = new URL('/sandbox-control', url).href;
  return {
    ...started.process,
    url,
    async configure(knobs) {
      const response = await fetch(control, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ knobs }),
      });
      if (!response.ok) throw new Error(`sandbox control answered ${response.status}`);
    },
    async created() {
      const response = await fetch(control);
      return ((await response.json()) as { created: Record<string, number> }).created;
    },
    async aiiaReads() {
      const response = await fetch(control);
      return ((await response.json()) as { aiiaReads: Record<string, number> }).aiiaReads;
    },
  };
}

export interface MerchantProcess extends RunningProcess {
  origin: string;
  endpoint: string;
}

/** `npm run serve` on `port`, with `env` (PAY_BY_BANK_DB, SANDBOX_URL…). */
export async function startMerchantProcess(
  port: number,
  env: Record<string, string>,
): Promise<MerchantProcess> {
  const origin = `http://127.0.0.1:${port}`;
  const started = run(
    'demo/serve.ts',
    { PORT: String(port), PUBLIC_BASE_URL: origin, ...env },
    /pay-by-bank demo on /,
  );
  await started.ready;
  return { ...started.process, origin, endpoint: `${origin}/api/pay-by-bank` };
}

/** Starts `demo/serve.ts` expecting it to fail at start-up; answers its exit code and output. */
export async function failingMerchantProcess(
  env: Record<string, string>,
): Promise<{ code: number | null; output: string }> {
  const started = run('demo/serve.ts', { PORT: '0', ...env }, /pay-by-bank demo on /);
  const { code } = await started.process.exited;
  return { code, output: started.process.output() };
}

/** Polls `probe` until it answers something truthy, or fails after `timeoutMs`. */
export async function eventually<T>(
  probe: () => Promise<T | undefined | false> | T | undefined | false,
  timeoutMs = 10_000,
  what = 'the condition',
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
