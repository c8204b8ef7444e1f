// When work the first paint does not need runs: after it, or once the page is idle.

/**
 * Runs `run` after the next frame is painted: a frame callback runs before the paint, a task queued
 * from it after. Work the bank list does not need waits here, so the list paints first.
 */
export function afterPaint(run: () => void): void {
  requestAnimationFrame(() => setTimeout(run));
}

/**
 * Runs `run` once the page is idle, for a warm-up no frame needs: a long task right after the list's
 * paint would delay the payer's first keystroke or click. A timer where the browser has no idle
 * callbacks (Safari).
 */
export function whenIdle(run: () => void): void {
  (window.requestIdleCallback ?? setTimeout)(() => run());
}
