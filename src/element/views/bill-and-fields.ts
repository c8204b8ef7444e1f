import { css, html, nothing } from 'lit';
import type { ChooseViewActions, ChooseViewModel } from './choose-view.js';
import { summaryStyles } from './summary-styles.js';

export { summaryView } from './summary-view.js';

/**
 * What only some bank lists show, in a chunk of its own: the bill or order above the list (a list
 * asked for with a `checkout`) and the payer fields of a bank that has them (a UPI ID). The element
 * asks for it with such a list, and holds `pay-by-bank-ready` until it is here.
 */

export const styles = css`
  ${summaryStyles}

  input[aria-invalid='true'] {
    border-color: var(--_danger);
  }

  .field-problem {
    font-size: 14px;
    color: var(--_danger);
    margin: 0;
  }
`;

/** The selected bank's payer fields, each with its problem once Pay has checked them. */
export function payerFields(model: ChooseViewModel, actions: ChooseViewActions) {
  const fields = model.selectedBank?.fields ?? [];
  return fields.map((field) => {
    const id = `${model.idPrefix}-field-${field.name}`;
    const problem = model.state.payerProblems[field.name];
    return html`<div>
      <label for=${id}>${field.label}</label>
      <input
        id=${id}
        name=${field.name}
        dir="auto"
        required
        .value=${model.state.payer[field.name] ?? ''}
        ?disabled=${model.disabled}
        aria-invalid=${problem ? 'true' : 'false'}
        aria-describedby=${problem ? `${id}-problem` : nothing}
        @input=${actions.onField}
      />
      ${
        problem
          ? html`<p class="field-problem" id="${id}-problem">
              ${model.translate(problem === 'required' ? 'fieldRequired' : 'fieldInvalid', {
                label: field.label,
              })}
            </p>`
          : nothing
      }
    </div>`;
  });
}
