/** Case- and accent-insensitive form of a text, so that "societe" finds "Société Générale". */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLocaleLowerCase('en')
    .trim();
}

/** Up to two initials, the fallback when a bank has no logo or its logo fails to load. */
export function initials(name: string): string {
  const words = name
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .split(/\s+/)
    .filter(Boolean);
  const letters = words.length > 1 ? [words[0], words[words.length - 1]] : [words[0] ?? '?'];
  return letters
    .map((word) => [...(word ?? '?')][0] ?? '?')
    .join('')
    .toLocaleUpperCase('en');
}

/**
 * The colour of a bank's initials disc, from its name: each bank its own, the same one on every page.
 * A hue from the name at a fixed saturation and lightness, dark enough that white initials on it are
 * at least 4.5:1 at every hue, in either theme (test/design/contrast.test.ts).
 */
export function initialsColour(name: string): string {
  let hue = 0;
  for (const char of name) hue = (hue * 31 + (char.codePointAt(0) ?? 0)) % 360;
  return `hsl(${hue} 60% 28%)`;
}
