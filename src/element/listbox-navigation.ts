import { foldForSearch } from '../core/text.js';

export interface ListboxOption {
  id: string;
  label: string;
}

/**
 * Where the active option moves for a key of the listbox pattern (arrows, Home, End), or undefined
 * when the key is not a navigation key.
 */
export function navigate(
  key: string,
  options: readonly ListboxOption[],
  activeIndex: number,
): number | undefined {
  const last = options.length - 1;
  if (last < 0) return undefined;
  switch (key) {
    case 'ArrowDown':
      return activeIndex < 0 ? 0 : Math.min(last, activeIndex + 1);
    case 'ArrowUp':
      return activeIndex < 0 ? last : Math.max(0, activeIndex - 1);
    case 'Home':
      return 0;
    case 'End':
      return last;
    default:
      return undefined;
  }
}

/**
 * Type-ahead: the next option (after the active one, wrapping) whose label starts with what the payer
 * typed. Repeating one letter cycles through the options that start with it.
 */
export function typeAhead(
  typed: string,
  options: readonly ListboxOption[],
  activeIndex: number,
): number | undefined {
  const prefix = foldForSearch(typed);
  if (!prefix) return undefined;
  const cycling = [...prefix].every((letter) => letter === prefix[0]);
  const wanted = cycling ? prefix.slice(0, 1) : prefix;
  const start = cycling || activeIndex < 0 ? activeIndex + 1 : activeIndex;
  for (let step = 0; step < options.length; step++) {
    const index = (start + step) % options.length;
    const option = options[index];
    if (option && foldForSearch(option.label).startsWith(wanted)) return index;
  }
  return undefined;
}
