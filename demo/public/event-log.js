// The demo page's own listener: every pay-by-bank-* event, as a merchant's page would receive it.
const EVENTS = [
  'pay-by-bank-ready',
  'pay-by-bank-select',
  'pay-by-bank-redirect',
  'pay-by-bank-status',
  'pay-by-bank-success',
  'pay-by-bank-failure',
  'pay-by-bank-cancel',
  'pay-by-bank-pending',
];

const log = document.querySelector('#event-log');
for (const name of EVENTS) {
  document.addEventListener(name, (event) => {
    const entry = document.createElement('li');
    entry.dataset.event = name;
    entry.textContent = `${name} ${JSON.stringify(event.detail)}`;
    log?.append(entry);
  });
}
