import type { SandboxKnobs } from './options.js';

/** Waits the configured latency, then maybe answers a fault instead of the real API. */
export async function injectFaults(
  knobs: SandboxKnobs,
  random: () => number,
  faultBody: (status: number) => unknown,
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
    const body = faultBody(status);
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
