// The demo page's own listener: every pay-by-bank-* event, as a merchant's page would receive it.
// Each entry's text is `<event name> <detail as JSON>` (the e2e tests read it back).
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
const OUTCOMES = new Set(['pay-by-bank-success', 'pay-by-bank-failure', 'pay-by-bank-cancel']);

const log = document.querySelector('#event-log');
const empty = document.querySelector('#event-log-empty');

for (const name of EVENTS) {
  document.addEventListener(name, (event) => {
    // The time to a usable bank list, from navigation start; the e2e run prints it.
    if (
      name === 'pay-by-bank-ready' &&
      performance.getEntriesByName('demo:bank-list-shown').length === 0
    )
      performance.mark('demo:bank-list-shown');
    const entry = document.createElement('li');
    entry.dataset.event = name;
    entry.dataset.time = `${(performance.now() / 1000).toFixed(2)} s`;
    if (OUTCOMES.has(name)) entry.classList.add(name.slice('pay-by-bank-'.length));
    const label = document.createElement('span');
    label.className = 'event-name';
    label.textContent = name;
    const detail = document.createElement('code');
    detail.className = 'event-detail';
    detail.textContent = JSON.stringify(event.detail);
    entry.append(label, ' ', detail);
    log?.append(entry);
    if (empty) empty.hidden = true;
  });
}

document.querySelector('#clear-log')?.addEventListener('click', () => {
  log?.replaceChildren();
  if (empty) empty.hidden = false;
});
