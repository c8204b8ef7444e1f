/** A tiny inline SVG logo: the bank's initials on its colour. No network, no tracking, CSP-friendly <img>. */
export function bankLogo(name: string, color: string): string {
  const initials = name
    .replace(/[^\p{L}\s]/gu, ' ')
    .split(/\s+/)
    .filter((word) => word.length > 2 || /^\p{Lu}/u.test(word))
    .slice(0, 2)
    .map((word) => word[0]?.toUpperCase() ?? '')
    .join('');
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 40">` +
    `<rect width="40" height="40" rx="8" fill="${color}"/>` +
    `<text x="20" y="25" font-family="system-ui,sans-serif" font-size="14" font-weight="700" ` +
    `text-anchor="middle" fill="#fff">${initials}</text></svg>`;
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}
