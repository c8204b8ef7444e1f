import type { SandboxBank } from './sandbox-bank.js';

/** Where logos come from: inline `data:` URLs (no route needed) or the sandbox's own `/logos/` route. */
export type SandboxLogoMode = 'inline' | 'served';

/** The bank's initials on its colour, as a tiny SVG document. No network, no tracking. */
export function bankLogoSvg(name: string, color: string): string {
  const initials = name
    .replace(/[^\p{L}\s]/gu, ' ')
    .split(/\s+/)
    .filter((word) => word.length > 2 || /^\p{Lu}/u.test(word))
    .slice(0, 2)
    .map((word) => word[0]?.toUpperCase() ?? '')
    .join('');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 40">` +
    `<rect width="40" height="40" rx="8" fill="${color}"/>` +
    `<text x="20" y="25" font-family="system-ui,sans-serif" font-size="14" font-weight="700" ` +
    `text-anchor="middle" fill="#fff">${initials}</text></svg>`
  );
}

/** A tiny inline SVG logo as a `data:` URL. */
export function bankLogo(name: string, color: string): string {
  return `data:image/svg+xml,${encodeURIComponent(bankLogoSvg(name, color))}`;
}

/**
 * The logo URL a provider hands out. `served` points at `${base}/logos/<bank id>.svg` on the sandbox
 * itself, so a page under `default-src 'self'` (which blocks `data:` images) still shows logos.
 */
export function bankLogoUrl(bank: SandboxBank, mode: SandboxLogoMode | undefined, base: string) {
  return mode === 'served'
    ? `${base}/logos/${encodeURIComponent(bank.id)}.svg`
    : bankLogo(bank.name, bank.color);
}

/** `GET …/logos/<bank id>.svg`: the served logo, cacheable, inert (an SVG with no script). */
export function bankLogoResponse(bank: SandboxBank | undefined): Response {
  if (!bank) return new Response('Not found', { status: 404 });
  return new Response(bankLogoSvg(bank.name, bank.color), {
    headers: {
      'content-type': 'image/svg+xml',
      'cache-control': 'public, max-age=86400',
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'",
    },
  });
}
