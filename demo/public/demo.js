// The demo page: two merchant scenes, a control panel that changes the element live, and the code.
// Plain DOM (no innerHTML), so that it runs under `default-src 'self'` and Trusted Types.
import { PRESET_CHECKOUTS, THEMES, describeCheckout, formatMoney, normalise } from './scenarios.js';
import { cssSnippet, pageSnippet, scriptSnippet, serverSnippet } from './snippets.js';

const ENDPOINT = '/api/pay-by-bank';
const PROVIDER_COOKIE = 'pay_by_bank_provider';
/** Settings kept in the address, so every scenario can be opened (and reloaded) from a link. */
const URL_KEYS = [
  'scene',
  'checkout',
  'provider',
  'flow',
  'country',
  'language',
  'theme',
  'outcome',
];

const $ = (selector) => document.querySelector(selector);
const form = $('#controls');
const slot = $('#element-slot');

function readCookie(name) {
  const match = new RegExp(`(?:^|;\\s*)${name}=([^;]+)`).exec(document.cookie);
  return match ? decodeURIComponent(match[1]) : undefined;
}

function initialState() {
  const params = new URLSearchParams(location.search);
  const asked = Object.fromEntries(URL_KEYS.map((key) => [key, params.get(key) ?? undefined]));
  asked.provider ??= readCookie(PROVIDER_COOKIE);
  if (
    asked.checkout === undefined &&
    asked.scene === undefined &&
    asked.provider === 'cashfree-bbps'
  )
    asked.scene = 'bill';
  // An explicit checkout decides the scene; otherwise an explicit scene does.
  const changed = params.has('checkout') ? 'checkout' : params.has('scene') ? 'scene' : undefined;
  if (asked.country) asked.country = asked.country.toUpperCase();
  const state = {
    ...normalise(asked, changed === 'checkout' ? undefined : changed),
    language: asked.language ?? '',
  };
  return /^[A-Z]{2}$/.test(asked.country ?? '') && !describeCheckout(state.checkout).bbps
    ? { ...state, country: asked.country }
    : state;
}

let state = initialState();
let element;
const countriesByProvider = new Map();
/** The element's locales, from the demo server (which reads the element's own list). */
let locales = [];

// --- the element -------------------------------------------------------------------------------

/** A fresh element for the current checkout and provider: the server side changed under it. */
function mountElement() {
  const checkout = describeCheckout(state.checkout);
  const next = document.createElement('pay-by-bank');
  next.setAttribute('endpoint', ENDPOINT);
  next.setAttribute('checkout', state.checkout);
  next.setAttribute('amount', checkout.amount);
  next.setAttribute('currency', checkout.currency);
  // The card around it draws the frame already.
  next.toggleAttribute('frameless', true);
  applyLive(next);
  slot.replaceChildren(next);
  element = next;
}

/** What the element takes without starting over: attributes it watches. */
function applyLive(target = element) {
  if (!target) return;
  const theme = THEMES[state.theme];
  target.setAttribute('country', state.country);
  target.setAttribute('flow', state.flow);
  target.setAttribute('theme', theme.theme);
  if (state.language) target.setAttribute('locale', state.language);
  else target.removeAttribute('locale');
  target.classList.remove(...Object.values(THEMES).flatMap((t) => (t.brand ? [t.brand] : [])));
  if (theme.brand) target.classList.add(theme.brand);
}

// --- the page ----------------------------------------------------------------------------------

function option(value, label, selected) {
  const item = document.createElement('option');
  item.value = value;
  item.textContent = label;
  item.selected = selected;
  return item;
}

function countryLabel(code) {
  try {
    return `${new Intl.DisplayNames(['en'], { type: 'region' }).of(code)} (${code})`;
  } catch {
    return code;
  }
}

/** A language by its own name ("Deutsch", "العربية"), as a payer looks for it in a menu. */
function languageLabel(tag) {
  try {
    const name = new Intl.DisplayNames([tag], { type: 'language' }).of(tag) ?? tag;
    return name.charAt(0).toLocaleUpperCase(tag) + name.slice(1);
  } catch {
    return tag;
  }
}

function languageOption(tag) {
  const item = option(tag, languageLabel(tag), tag === state.language);
  item.lang = tag;
  return item;
}

function renderScene() {
  const checkout = describeCheckout(state.checkout);
  const price = formatMoney(checkout.amount, checkout.currency);
  $('#scene-shop').hidden = checkout.scene !== 'shop';
  $('#scene-bill').hidden = checkout.scene !== 'bill';
  // The reference the shop's server charges under, spelled as the element's receipt spells it.
  for (const field of document.querySelectorAll('[data-field="checkout"]'))
    field.textContent = checkout.reference ?? state.checkout;
  for (const field of document.querySelectorAll('[data-money]')) field.textContent = price;
  $('[data-field="amount"]').textContent = price;
  $('[data-field="biller"]').textContent = checkout.biller ?? '';
  $('[data-field="network"]').textContent = checkout.network ?? '';
  $('[data-field="bill-hint"]').textContent = checkout.hint ?? '';
}

function renderControls() {
  for (const radio of form.elements.scene) radio.checked = radio.value === state.scene;
  const checkouts = PRESET_CHECKOUTS.filter((id) => describeCheckout(id).scene === state.scene);
  if (!checkouts.includes(state.checkout)) checkouts.push(state.checkout);
  form.elements.checkout.replaceChildren(
    ...checkouts.map((id) => option(id, describeCheckout(id).label, id === state.checkout)),
  );
  const countries = new Set(countriesByProvider.get(state.provider) ?? []);
  countries.add(state.country);
  form.elements.country.replaceChildren(
    ...[...countries]
      .sort()
      .map((code) => option(code, countryLabel(code), code === state.country)),
  );
  const automatic = form.elements.language.options[0];
  form.elements.language.replaceChildren(automatic, ...locales.map(languageOption));
  form.elements.language.value = state.language;
  for (const key of ['provider', 'flow', 'theme', 'outcome']) form.elements[key].value = state[key];
}

function renderPage() {
  const theme = THEMES[state.theme];
  document.documentElement.dataset.theme = theme.page;
  renderScene();
  renderControls();
  renderCode();
  const url = new URL(location.href);
  for (const key of URL_KEYS) {
    if (state[key]) url.searchParams.set(key, state[key]);
    else url.searchParams.delete(key);
  }
  history.replaceState(history.state, '', url);
  document.cookie = `${PROVIDER_COOKIE}=${state.provider}; Path=/; SameSite=Lax`;
}

// --- copy the code -----------------------------------------------------------------------------

function renderCode() {
  const blocks = [
    { id: 'code-html', title: 'Your page (HTML)', code: pageSnippet(state) },
    { id: 'code-script', title: 'Your page’s script', code: scriptSnippet() },
    { id: 'code-css', title: 'Your brand (CSS)', code: cssSnippet(state) },
    { id: 'code-server', title: 'Your server (Node)', code: serverSnippet(state) },
  ].filter((block) => block.code);
  $('#code-blocks').replaceChildren(...blocks.map(codeBlock));
}

function codeBlock({ id, title, code }) {
  const block = document.createElement('div');
  block.className = 'code-block';
  const heading = document.createElement('div');
  heading.className = 'card-heading';
  const h3 = document.createElement('h3');
  h3.id = `${id}-title`;
  h3.textContent = title;
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'secondary small';
  button.dataset.copy = id;
  button.textContent = 'Copy';
  button.setAttribute('aria-describedby', h3.id);
  heading.append(h3, button);
  const pre = document.createElement('pre');
  pre.tabIndex = 0;
  pre.setAttribute('aria-labelledby', h3.id);
  const text = document.createElement('code');
  text.id = id;
  text.textContent = code;
  pre.append(text);
  block.append(heading, pre);
  return block;
}

$('#code-blocks').addEventListener('click', async (event) => {
  const button = event.target.closest('button[data-copy]');
  if (!button) return;
  const code = document.getElementById(button.dataset.copy)?.textContent ?? '';
  const status = $('#copy-status');
  try {
    await navigator.clipboard.writeText(code);
    status.textContent = `Copied “${$(`#${button.dataset.copy}-title`)?.textContent ?? 'the code'}”.`;
  } catch {
    status.textContent = 'The browser did not allow copying; select the code and copy it by hand.';
  }
});

// --- the sandbox outcome -----------------------------------------------------------------------

async function sendOutcome(outcome) {
  const response = await fetch('/sandbox-control', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ outcome }),
  });
  if (!response.ok) throw new Error(`sandbox-control answered ${response.status}`);
  document.documentElement.dataset.outcome = outcome;
}

// --- countries the provider offers ------------------------------------------------------------

/** The kit's bank list names the countries it covers; asked once per provider, after the element. */
async function loadCountries(provider) {
  if (countriesByProvider.has(provider)) return;
  countriesByProvider.set(provider, []);
  try {
    const query = new URLSearchParams({ country: state.country, checkout: state.checkout });
    const response = await fetch(`${ENDPOINT}/banks?${query}`);
    const body = await response.json();
    if (Array.isArray(body.countries)) countriesByProvider.set(provider, body.countries);
  } catch {
    countriesByProvider.delete(provider);
  }
  if (provider === state.provider) renderControls();
}

document.addEventListener('pay-by-bank-ready', (event) => {
  const country = event.detail?.country;
  if (country && country !== state.country) {
    state = { ...state, country };
    renderPage();
  }
  void loadCountries(state.provider);
});

// --- the languages the element speaks -----------------------------------------------------------

async function loadLocales() {
  try {
    const response = await fetch('/demo-locales');
    const body = await response.json();
    if (Array.isArray(body.locales)) locales = body.locales;
  } catch {
    locales = [];
  }
  // A language asked in the address that the element does not speak: automatic instead.
  if (state.language && !locales.includes(state.language)) {
    state = { ...state, language: '' };
    applyLive();
  }
  renderPage();
}

// --- the controls ------------------------------------------------------------------------------

form.addEventListener('change', (event) => {
  const key = event.target.name;
  if (!key) return;
  const previous = state;
  state = normalise({ ...state, [key]: event.target.value }, key);
  renderPage();
  if (key === 'outcome') {
    void sendOutcome(state.outcome);
    return;
  }
  if (
    previous.checkout !== state.checkout ||
    previous.provider !== state.provider ||
    previous.scene !== state.scene
  ) {
    mountElement();
  } else {
    applyLive();
  }
});
form.addEventListener('submit', (event) => event.preventDefault());
$('#restart').addEventListener('click', () => element?.reset());

renderPage();
mountElement();
void loadLocales();
// The address may ask for an outcome; otherwise show the server's current one.
if (new URLSearchParams(location.search).has('outcome')) {
  void sendOutcome(state.outcome);
} else {
  fetch('/sandbox-control')
    .then((response) => response.json())
    .then(({ outcome }) => {
      state = normalise({ ...state, outcome }, 'outcome');
      form.elements.outcome.value = state.outcome;
      document.documentElement.dataset.outcome = state.outcome;
      renderPage();
    })
    .catch(() => undefined);
}
