import { css } from 'lit';

/**
 * The bill's rules (`[part='summary']`, its terms and values): the bill above the bank list
 * (`bill-and-fields.ts`) and the one on the receipt (`payment-styles.ts`), each a lazily loaded
 * chunk, so the first paint of a list without a bill skips them.
 */
export const summaryStyles = css`
  [part='summary'] {
    display: grid;
    gap: 4px;
    margin: 0;
    padding: var(--_spacing);
    background: var(--_surface);
    border-radius: calc(var(--_radius) / 2);
  }

  [part='summary'] div {
    display: flex;
    justify-content: space-between;
    gap: var(--_spacing);
  }

  dt {
    color: var(--_muted);
  }

  dd {
    margin: 0;
    font-weight: 600;
    text-align: end;
  }
`;
