import type { SandboxKnobs } from './options.js';

/** Each simulated provider fails in its own documented envelope. */
const FAULT_BODIES = {
  mastercard: () => ({ error: 'InternalServerError', details: { reason: 'Simulated failure.' } }),
  aiia: (status: number) => ({
    type: 'about:blank',
    title: 'Simulated failure.',
    status,
    errorCode: 'InternalServerError',
  }),
  obc: () => ({
    Errors: {
      Error: [
        {
          Source: 'Gateway',
          ReasonCode: 'SYSTEM_ERROR',
          Description: 'Simulated failure.',
          Details: null,
          Recoverable: true,
        },
      ],
    },
  }),
  cashfree: () => ({ status: 'ERROR', message: 'Simulated failure.', data: null }),
};

/** Waits the configured latency, then maybe answers a fault instead of the real API. */
export async function injectFaults(
  knobs: SandboxKnobs,
  random: () => number,
  provider: 'mastercard' | 'aiia' | 'obc' | 'cashfree',
): Promise<Response | undefined> {
  const latency = knobs.latencyMs;
  const delay =
    typeof latency === 'number'
      ? latency
      : latency
        ? latency.min + random() * (latency.max - latency.min)
        : 0;
  if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
  const faults = knobs.faults;
  if (faults?.errorRate && random() < faults.errorRate) {
    const status = faults.errorStatus ?? 500;
    const body = FAULT_BODIES[provider](status);
    return new Response(JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json' },
    });
  }
  if (faults?.malformedRate && random() < faults.malformedRate) {
    return new Response('<html>upstream hiccup</html>', {
      status: 200,
      headers: { 'content-type': 'application/json' },
    });
  }
  return undefined;
}
