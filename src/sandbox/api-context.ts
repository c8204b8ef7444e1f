import type { SandboxEngine } from './engine.js';
import type { SandboxKnobs, SandboxOptions } from './options.js';

/** What the simulated provider APIs and bank pages share within one sandbox. */
export interface ApiContext {
  engine: SandboxEngine;
  options: SandboxOptions;
  knobs: SandboxKnobs;
  /** The sandbox's public URL including its base path, e.g. `http://127.0.0.1:4000/sandbox`. */
  publicUrl(request: Request): string;
}
