import type { SandboxEngine } from './engine.js';
import type { SandboxKnobs, SandboxOptions } from './options.js';
import type { SchemaChecker } from './schemas/check.js';
import type { WebhookOutbox } from './webhook-outbox.js';

/** What the simulated providers and bank pages share within one sandbox. */
export interface ApiContext {
  engine: SandboxEngine;
  options: SandboxOptions;
  knobs: SandboxKnobs;
  /** Delivers the webhooks a simulated provider sends. */
  outbox: WebhookOutbox;
  /** Checks each request against the provider's documented schema (`src/sandbox/schemas/`). */
  schemas: SchemaChecker;
  /** The sandbox's public URL including its base path, e.g. `http://127.0.0.1:4000/sandbox`. */
  publicUrl(request: Request): string;
}
