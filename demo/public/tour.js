// The one-click tour for a sales call: the payer picks a bank, pays, approves on the sandbox bank's
// page, and the receipt shows. It drives the demo through its own controls (flow, sandbox outcome) and
// the element's public `start()`; the bank list is clicked as a payer would. At the bank, the sandbox
// page's guide (src/sandbox/bank-guide-script.ts) picks the account and presses Approve, asked to by
// GUIDE_KEY in this tab's sessionStorage. Plain DOM, no inline script.
const TOUR_KEY = 'pay-by-bank-demo:tour';
const GUIDE_KEY = 'pay-by-bank-sandbox:guide';
const PAUSE_MS = 1200;

const button = document.querySelector('#tour');
const caption = document.querySelector('#tour-status');
const form = document.querySelector('#controls');

const pause = (ms = PAUSE_MS) => new Promise((resolve) => setTimeout(resolve, ms));
const say = (text) => {
  if (caption) caption.textContent = text;
};

/** Sets a demo control and lets demo.js apply it, as if the presenter had. */
function setControl(name, value) {
  const control = form?.elements[name];
  if (!control || control.value === value) return;
  control.value = value;
  control.dispatchEvent(new Event('change', { bubbles: true }));
}

function currentElement() {
  return document.querySelector('pay-by-bank');
}

/** The element's bank list, once shown (a fresh element first loads it). */
async function firstAvailableBank(element) {
  for (let tries = 0; tries < 50; tries++) {
    const option = element?.shadowRoot?.querySelector(
      '[role="option"][aria-disabled="false"]:not([aria-selected="true"])',
    );
    if (option) return option;
    await pause(100);
  }
  return undefined;
}

async function runTour() {
  if (button) button.disabled = true;
  try {
    // The bank asks the payer, so the tour shows the bank's page.
    setControl('outcome', 'ask');
    setControl('flow', 'redirect');
    await pause(300);
    const element = currentElement();
    element?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    say('1 of 4: the payer picks their bank.');
    const bank = await firstAvailableBank(element);
    if (!element || !bank) {
      say('The bank list did not load; press Start again and retry the tour.');
      return;
    }
    await pause();
    bank.click();
    await pause();
    say('2 of 4: Pay hands the payer to the bank.');
    await pause();
    // Back on this page after the bank, the receipt.
    sessionStorage.setItem(TOUR_KEY, 'returning');
    sessionStorage.setItem(GUIDE_KEY, 'approve');
    say('3 of 4: at the bank, the payer picks an account and approves.');
    await pause(PAUSE_MS / 2);
    await element.start();
  } finally {
    if (button) button.disabled = false;
  }
}

button?.addEventListener('click', () => void runTour());

// The return from the bank: say what the receipt shows.
if (sessionStorage.getItem(TOUR_KEY) === 'returning') {
  sessionStorage.removeItem(TOUR_KEY);
  say('3 of 4: the bank approved…');
  document.addEventListener(
    'pay-by-bank-success',
    () => {
      say(
        '4 of 4: paid. The receipt shows amount, reference, bank and time; the log shows the events.',
      );
      currentElement()?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    },
    { once: true },
  );
}
