import { css } from 'lit';

/**
 * Every colour and size comes from a `--pay-by-bank-*` custom property with a fallback, so a merchant
 * can brand the element without touching its internals. `--_*` are private shorthands.
 */
// light-dark() picks by color-scheme, which the theme sets: one list of colours serves both themes.
export const styles = css`
  :host {
    color-scheme: light;
    --_primary: var(--pay-by-bank-color-primary, light-dark(#1d4ed8, #93c5fd));
    --_on-primary: var(--pay-by-bank-color-on-primary, light-dark(#fff, #0b1220));
    --_text: var(--pay-by-bank-color-text, light-dark(#111827, #f9fafb));
    --_muted: var(--pay-by-bank-color-muted, light-dark(#4b5563, #d1d5db));
    --_background: var(--pay-by-bank-color-background, light-dark(#fff, #111827));
    --_surface: var(--pay-by-bank-color-surface, light-dark(#f3f4f6, #1f2937));
    --_border: var(--pay-by-bank-color-border, light-dark(#6b7280, #9ca3af));
    --_danger: var(--pay-by-bank-color-danger, light-dark(#b91c1c, #fca5a5));
    --_success: var(--pay-by-bank-color-success, light-dark(#15803d, #86efac));
    --_warning: var(--pay-by-bank-color-warning, light-dark(#92400e, #fcd34d));
    --_focus: var(--pay-by-bank-focus-ring, 0 0 0 3px #93c5fd);
    --_radius: var(--pay-by-bank-radius, 8px);
    --_spacing: var(--pay-by-bank-spacing, 12px);

    display: block;
    min-inline-size: 280px;
    color: var(--_text);
    font-family: var(--pay-by-bank-font-family, system-ui, sans-serif);
    font-size: var(--pay-by-bank-font-size, 16px);
    line-height: 1.4;
  }

  :host([theme='dark']) {
    color-scheme: dark;
  }

  :host([theme='auto']) {
    color-scheme: light dark;
  }

  :host([hidden]) {
    display: none;
  }

  /* A column, so that the views after the bank list centre in the height the list left them. */
  [part='base'] {
    box-sizing: border-box;
    display: flex;
    flex-direction: column;
    gap: var(--_spacing);
    padding: var(--_spacing);
    background: var(--_background);
    border: var(--pay-by-bank-border-width, 1px) solid var(--_border);
    border-radius: var(--_radius);
  }

  [part='base'] > [part~='status'],
  [part='base'] > [part~='error'] {
    margin-block: auto;
  }

  :host([frameless]) [part='base'] {
    border: 0;
  }

  :host([disabled]) [part='base'] {
    opacity: 0.6;
  }

  .stack {
    display: grid;
    gap: var(--_spacing);
  }

  label {
    display: block;
    font-weight: 600;
    margin-block-end: 4px;
  }

  input,
  select {
    box-sizing: border-box;
    inline-size: 100%;
    padding: 8px 10px;
    font: inherit;
    color: var(--_text);
    background: var(--_background);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) / 2);
  }

  :focus-visible {
    outline: none;
    box-shadow: var(--_focus);
  }

  [part='bank-list'] {
    display: grid;
    gap: 4px;
    max-block-size: var(--pay-by-bank-list-max-height, 320px);
    overflow-y: auto;
    padding: 4px;
    margin: 0;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) / 2);
  }

  [part~='bank'] {
    display: flex;
    align-items: center;
    gap: 10px;
    padding: 8px;
    border-radius: calc(var(--_radius) / 2);
    cursor: pointer;
    border: 2px solid transparent;
    /* Scrolled into view with room around it, so its outline is never cut by the list's edge. */
    scroll-margin-block: 4px;
  }

  /* Options far below the list's fold are not laid out or painted until scrolled near, so a long
     list's mount pays for the first options only; they stay in the accessibility tree. The first 20
     always are (more than any list height shows at once), so the list's height, which the views
     after it keep, never depends on a placeholder size. 52px: an option without a badge. */
  [part~='bank']:nth-child(n + 21) {
    content-visibility: auto;
    contain-intrinsic-size: auto 52px;
  }

  [part~='bank'][aria-selected='true'] {
    border-color: var(--_primary);
    background: var(--_surface);
  }

  [part~='bank'].active {
    background: var(--_surface);
    box-shadow: inset 0 0 0 1px var(--_muted);
  }

  [part~='bank'][aria-selected='true'].active {
    box-shadow: none;
  }

  [part~='bank'][aria-disabled='true'] {
    cursor: not-allowed;
  }

  [part~='bank'][aria-disabled='true'] .name {
    text-decoration: line-through;
  }

  .logo {
    flex: none;
    inline-size: 32px;
    block-size: 32px;
    border-radius: 50%;
    display: grid;
    place-items: center;
    object-fit: contain;
    background: var(--_surface);
    color: var(--_text);
    font-size: 13px;
    font-weight: 700;
  }

  .bank-text {
    display: grid;
  }

  .badge {
    font-size: 13px;
    color: var(--_muted);
  }

  .badge.warning {
    color: var(--_warning);
  }

  .hint {
    font-size: 14px;
    color: var(--_muted);
    margin: 0;
  }

  [part='button'] {
    inline-size: 100%;
    padding: 12px 16px;
    font: inherit;
    font-weight: 600;
    color: var(--_on-primary);
    background: var(--_primary);
    border: none;
    border-radius: var(--_radius);
    cursor: pointer;
  }

  /* Disabled reads as "not yet", in full contrast, rather than as a washed-out primary. */
  [part='button'][disabled] {
    cursor: not-allowed;
    color: var(--_muted);
    background: var(--_surface);
    box-shadow: inset 0 0 0 1px var(--_border);
  }

  [part~='status'],
  [part~='error'] {
    display: grid;
    gap: 8px;
    text-align: center;
  }

  h2 {
    margin: 0;
    font-size: 1.25em;
  }

  /* Focus moves to a view's heading so that screen readers read it; it is no control to mark. */
  h2:focus {
    outline: none;
    box-shadow: none;
  }

  p {
    margin: 0;
  }

  [part~='error'] h2 {
    color: var(--_danger);
  }

  /* Unseen, and out of the flow: only its typefaces matter (checkout-view.ts). */
  .typefaces {
    position: absolute;
    visibility: hidden;
    font-weight: 600;
  }

  .spinner {
    justify-self: center;
    inline-size: 28px;
    block-size: 28px;
    border: 3px solid var(--_surface);
    border-block-start-color: var(--_primary);
    border-radius: 50%;
    animation: spin 1s linear infinite;
  }

  @media (prefers-reduced-motion: reduce) {
    .spinner {
      animation-duration: 3s;
    }
  }

  @keyframes spin {
    to {
      transform: rotate(1turn);
    }
  }
`;
