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
