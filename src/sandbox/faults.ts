import type { SandboxApiCall, SandboxApiProvider, SandboxKnobs } from './options.js';

/** One provider API call, as the fault knobs target it. */
export interface FaultTarget {
  provider: SandboxApiProvider;
  call: SandboxApiCall | undefined;
}

/** Whether the fault knobs apply to this call; a targeted call uses up one of their `times`. */
function targeted(knobs: SandboxKnobs, target: FaultTarget): boolean {
  const faults = knobs.faults;
  if (!faults) return false;
  if (faults.provider !== undefined && faults.provider !== target.provider) return false;
  if (faults.call !== undefined && faults.call !== target.call) return false;
  if (faults.times === undefined) return true;
  if (faults.times <= 0) return false;
  faults.times -= 1;
  return true;
}

/** Waits the configured latency, then maybe answers a fault instead of the real API. */
export async function injectFaults(
  knobs: SandboxKnobs,
  random: () => number,
  faultBody: (status: number) => unknown,
  target: FaultTarget,
): Promise<Response | undefined> {
  const latency = knobs.latencyMs;
  const faults = targeted(knobs, target) ? knobs.faults : undefined;
  const delay =
    (typeof latency === 'number'
      ? latency
      : latency
        ? latency.min + random() * (latency.max - latency.min)
        : 0) + (faults?.delayMs ?? 0);
  if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
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
