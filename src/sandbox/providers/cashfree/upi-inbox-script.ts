/**
 * The sandbox UPI app's inbox, kept current as a phone's UPI app is by its push notifications: a
 * collect request made after the payer opened the app appears without a reload, and one decided
 * elsewhere goes. A file of its own, since the sandbox's pages allow no inline script. It reads the
 * page's own URL again every second and swaps the list only when its requests changed, so a payer
 * about to press Approve does not lose the button under the pointer.
 */
export const UPI_INBOX_SCRIPT = `(() => {
  const inbox = document.getElementById('upi-requests');
  if (!inbox) return;
  const idsOf = (root) =>
    [...root.querySelectorAll('input[name="transaction_ref_id"]')].map((input) => input.value).join(' ');
  const refresh = async () => {
    try {
      const response = await fetch(location.href, { cache: 'no-store', credentials: 'same-origin' });
      if (response.ok) {
        const next = new DOMParser()
          .parseFromString(await response.text(), 'text/html')
          .getElementById('upi-requests');
        if (next && idsOf(next) !== idsOf(inbox)) inbox.replaceChildren(...next.childNodes);
      }
    } catch {
      // The sandbox is away for a moment: the next turn tries again.
    }
    setTimeout(refresh, 1000);
  };
  setTimeout(refresh, 1000);
})();
`;

export function upiInboxScript(): Response {
  return new Response(UPI_INBOX_SCRIPT, {
    headers: {
      'content-type': 'text/javascript; charset=utf-8',
      'cache-control': 'public, max-age=300',
    },
  });
}
