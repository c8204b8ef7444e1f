import type { SandboxOutcome } from '../../../src/sandbox/index.js';

export interface BankPage {
  status: number;
  html: string;
  action?: string;
  token?: string;
}

/** Opens the bank's SCA page as a browser would (GET the authorization URL). */
export async function openBankPage(authorizationUrl: string): Promise<BankPage> {
  const response = await fetch(authorizationUrl, { redirect: 'manual' });
  const html = await response.text();
  const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
  const token = /name="token" value="([^"]+)"/.exec(html)?.[1];
  return {
    status: response.status,
    html,
    ...(action ? { action: decodeEntities(action) } : {}),
    ...(token ? { token } : {}),
  };
}

/**
 * The payer's decision, by the page's own form POST: returns where the bank sends the browser (the
 * kit's return route), or throws when the page refused.
 */
export async function decideAtBank(
  authorizationUrl: string,
  decision: SandboxOutcome,
  account = 'acc-everyday',
  extra: Record<string, string> = {},
): Promise<string> {
  const page = await openBankPage(authorizationUrl);
  if (!page.action || !page.token) throw new Error(`no form on the bank page (${page.status})`);
  const response = await fetch(page.action, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ token: page.token, decision, account, ...extra }).toString(),
    redirect: 'manual',
  });
  const location = response.headers.get('location');
  if (response.status !== 303 || !location) throw new Error(`bank answered ${response.status}`);
  return location;
}

/** Follows the bank's redirect to the kit's return route; answers the 303 Location the kit gives. */
export async function followReturn(
  location: string,
): Promise<{ status: number; location: string | null }> {
  const response = await fetch(location, { redirect: 'manual' });
  await response.body?.cancel();
  return { status: response.status, location: response.headers.get('location') };
}

function decodeEntities(text: string): string {
  return text.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)));
}
