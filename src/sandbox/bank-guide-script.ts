/**
 * The bank page's guide for the demo's one-click tour (demo/public/tour.js): when the tab that opened the
 * bank page asked for it (a `pay-by-bank-sandbox:guide` entry in its sessionStorage, which a bank page
 * on the demo's own origin shares), the page shows itself for a moment, picks the first account and
 * presses Approve, as a payer would. Without that entry it does nothing. A file of its own, since the
 * sandbox's pages allow no inline script.
 */
export const GUIDE_KEY = 'pay-by-bank-sandbox:guide';

export const BANK_GUIDE_SCRIPT = `(() => {
  let decision;
  try {
    decision = sessionStorage.getItem(${JSON.stringify(GUIDE_KEY)});
    sessionStorage.removeItem(${JSON.stringify(GUIDE_KEY)});
  } catch {
    return;
  }
  const form = document.querySelector('form');
  const button = form && form.querySelector('button[name="decision"][value="' + decision + '"]');
  if (!button) return;
  const account = form.querySelector('input[name="account"]');
  setTimeout(() => {
    if (account) {
      account.checked = true;
      account.focus();
    }
    setTimeout(() => {
      button.focus();
      setTimeout(() => form.requestSubmit(button), 900);
    }, 1200);
  }, 1200);
})();
`;

export function bankGuideScript(): Response {
  return new Response(BANK_GUIDE_SCRIPT, {
    headers: {
      'content-type': 'text/javascript; charset=utf-8',
      'cache-control': 'public, max-age=300',
    },
  });
}
