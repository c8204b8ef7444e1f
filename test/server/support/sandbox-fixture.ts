import {
  createSandbox,
  SANDBOX_DEFAULTS,
  type Sandbox,
  type SandboxOptions,
} from '../../../src/sandbox/index.js';

export interface RunningSandbox {
  sandbox: Sandbox;
  /** e.g. `http://127.0.0.1:54321/sandbox`. */
  url: string;
  close(): Promise<void>;
}

export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const sandbox = createSandbox(options);
  const server = await sandbox.listen(0);
  return {
    sandbox,
    url: server.url,
    async close() {
      await sandbox.flushWebhooks();
      await server.close();
    },
  };
}

/** A controllable clock for the sandbox and the kit: no sleeps where time can be moved by hand. */
export function manualClock(start = Date.parse('2025-06-02T10:00:00Z')) {
  let time = start;
  return {
    now: () => new Date(time),
    advance(ms: number) {
      time += ms;
    },
  };
}

export { SANDBOX_DEFAULTS };
