// The page's own reaction to the outcome. The events bubble, so one listener on the document hears
// every <pay-by-bank> on the page.
document.addEventListener('pay-by-bank-success', (event) => {
  document.getElementById('outcome').textContent = `Paid: ${event.detail.reference}`;
});
document.addEventListener('pay-by-bank-failure', (event) => {
  document.getElementById('outcome').textContent = `Not paid: ${event.detail.error.message}`;
});
