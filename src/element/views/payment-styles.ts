import { css } from 'lit';

/**
 * The rules only the views after Pay use (secondary buttons, the QR code, success): they come with
 * the `payment-views` chunk and join the element's styles on arrival, so the first paint skips them.
 */
export const paymentStyles = css`
  .secondary {
    padding: 10px 16px;
    font: inherit;
    color: var(--_primary);
    background: none;
    border: 1px solid currentColor;
    border-radius: var(--_radius);
    cursor: pointer;
  }

  [part='qr'] {
    justify-self: center;
    inline-size: min(240px, 100%);
  }

  .outcome-completed h2 {
    color: var(--_success);
  }
`;
