import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Re-renders the host once a second while `running()` says a countdown is shown, and only then. */
export class CountdownController implements ReactiveController {
  #timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly running: () => boolean,
  ) {
    host.addController(this);
  }

  /** Whole seconds left until `time` (an ISO date), at least 0; undefined without a valid time. */
  secondsUntil(time: string | undefined): number | undefined {
    const end = Date.parse(time ?? '');
    return Number.isFinite(end) ? Math.max(0, Math.ceil((end - Date.now()) / 1000)) : undefined;
  }

  hostUpdated(): void {
    const running = this.running();
    if (running && !this.#timer) this.#timer = setInterval(() => this.host.requestUpdate(), 1000);
    else if (!running) this.hostDisconnected();
  }

  hostDisconnected(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
  }
}
