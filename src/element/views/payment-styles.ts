import { css } from 'lit';
import { summaryStyles } from './summary-styles.js';

/**
 * The rules only the views after Pay use (secondary buttons, the QR code, success): they come with
 * the `payment-views` chunk and join the element's styles on arrival, so the first paint skips them.
 */
export const paymentStyles = css`
  ${summaryStyles}

  .secondary {
    padding: 10px 16px;
    font: inherit;
    color: var(--_primary);
    background: none;
    border: 1px solid currentColor;
    border-radius: var(--_radius);
    cursor: pointer;
  }

  /* The phone's steps, numbered, read start to end beside a centred code. */
  .steps {
    display: grid;
    gap: 4px;
    margin: 0;
    padding-inline-start: 1.5em;
    font-size: 14px;
    color: var(--_muted);
    text-align: start;
  }

  [part='qr'] {
    justify-self: center;
    inline-size: min(240px, 100%);
  }

  .outcome-completed h2 {
    color: var(--_success);
  }

  .mark {
    justify-self: center;
    inline-size: 56px;
    block-size: 56px;
    fill: none;
    stroke: var(--_danger);
    stroke-width: 3;
    stroke-linecap: round;
    stroke-linejoin: round;
  }

  .mark-completed {
    stroke: var(--_success);
  }

  .mark-pending,
  .mark-cancelled,
  .mark-expired {
    stroke: var(--_muted);
  }

  .mark-ring,
  .mark-glyph {
    stroke-dasharray: 1;
    animation: draw 0.5s ease-out both;
  }

  .mark-glyph {
    animation-delay: 0.35s;
  }

  @keyframes draw {
    from {
      stroke-dashoffset: 1;
    }
  }

  .receipt {
    display: grid;
    margin: 0;
    padding-inline: var(--_spacing);
    text-align: start;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) / 2);
  }

  .receipt div {
    display: flex;
    justify-content: space-between;
    gap: var(--_spacing);
    padding-block: 8px;
  }

  .receipt div + div {
    border-block-start: 1px solid var(--_surface);
  }

  @media (prefers-reduced-motion: reduce) {
    .mark-ring,
    .mark-glyph {
      animation: none;
    }
  }
`;
