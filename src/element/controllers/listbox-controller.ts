import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { navigate, typeAhead } from '../listbox-navigation.js';
import type { ListboxOption } from '../listbox-navigation.js';

/** Letters typed further apart than this start a new type-ahead search. */
const TYPE_AHEAD_RESET_MS = 500;

export interface ListboxHost extends ReactiveControllerHost {
  readonly renderRoot: HTMLElement | DocumentFragment;
}

export interface ListboxOptions {
  /** The options shown, in order. */
  options(): readonly ListboxOption[];
  /** The option chosen so far: the keys start from it while no option is active. */
  selectedId(): string | undefined;
  disabled(): boolean;
  /** The DOM id of an option's element. */
  optionElementId(id: string): string;
  /** The payer made an option active (arrows, Home, End, type-ahead, Space, a click). */
  onActivate(id: string): void;
  /** Enter on the active option, once it is active; true when that did something (and so consumed the key). */
  onEnter(id: string): boolean;
}

/**
 * The listbox pattern with `aria-activedescendant`: focus stays on the list, the keys move the active
 * option (arrows, Home, End, type-ahead), and the active option scrolls into view.
 */
export class ListboxController implements ReactiveController {
  #activeId: string | undefined;
  #scrollPending = false;
  #typed = '';
  #typedAt = 0;

  constructor(
    private readonly host: ListboxHost,
    private readonly config: ListboxOptions,
  ) {
    host.addController(this);
  }

  /** The active option: the one the keys last moved to, else the selected one, if shown. */
  get activeId(): string | undefined {
    const shown = this.config.options();
    const isShown = (id: string | undefined) => shown.some((option) => option.id === id);
    if (isShown(this.#activeId)) return this.#activeId;
    const selected = this.config.selectedId();
    return isShown(selected) ? selected : undefined;
  }

  /** The options changed under the payer (a search, another country): no option is active. */
  clear(): void {
    this.#activeId = undefined;
    this.host.requestUpdate();
  }

  activate(id: string | undefined): void {
    this.#activeId = id;
    this.#scrollPending = true;
    this.host.requestUpdate();
    if (id) this.config.onActivate(id);
  }

  focus(): void {
    this.host.renderRoot.querySelector<HTMLElement>('[role="listbox"]')?.focus();
  }

  /** A click on an option. */
  pick(id: string): void {
    if (this.config.disabled()) return;
    this.activate(id);
    this.focus();
  }

  /** ArrowDown in the search field moves into the list, on its first option if none is active. */
  onSearchKeydown(event: KeyboardEvent): void {
    if (event.key !== 'ArrowDown') return;
    event.preventDefault();
    const first = this.config.options()[0];
    if (!this.#activeId && first) this.activate(first.id);
    this.focus();
  }

  onListKeydown(event: KeyboardEvent): void {
    if (this.config.disabled()) return;
    const options = this.config.options();
    const current = options.findIndex(
      (option) => option.id === (this.#activeId ?? this.config.selectedId()),
    );
    const next = navigate(event.key, options, current) ?? this.#typeAhead(event, options, current);
    const active = options[current];
    if (next !== undefined) {
      event.preventDefault();
      this.activate(options[next]?.id);
    } else if (event.key === ' ' && active) {
      event.preventDefault();
      this.activate(active.id);
    } else if (event.key === 'Enter' && active) {
      this.activate(active.id);
      if (this.config.onEnter(active.id)) event.preventDefault();
    }
  }

  #typeAhead(event: KeyboardEvent, options: readonly ListboxOption[], current: number) {
    const printable = event.key.length === 1 && event.key !== ' ';
    if (!printable || event.ctrlKey || event.metaKey) return undefined;
    const now = Date.now();
    this.#typed = now - this.#typedAt > TYPE_AHEAD_RESET_MS ? event.key : this.#typed + event.key;
    this.#typedAt = now;
    return typeAhead(this.#typed, options, current);
  }

  hostUpdated(): void {
    const id = this.#activeId;
    if (!this.#scrollPending || !id) return;
    this.#scrollPending = false;
    this.host.renderRoot
      .querySelector(`#${CSS.escape(this.config.optionElementId(id))}`)
      ?.scrollIntoView({ block: 'nearest' });
  }
}
