import type { ReactiveControllerHost } from 'lit';

/** The views not needed for the first paint, each in a chunk of its own. */
const LOADERS = {
  /** The bill above the list and a bank's payer fields: asked for with a list that has either. */
  'bill-and-fields': () => import('../views/bill-and-fields.js'),
  /** After the payer commits: fetched while the bank list is shown. */
  payment: () => import('../views/payment-views.js'),
  /** The QR view and its encoder, fetched the first time a QR code is shown. */
  qr: () => import('../views/qr-view.js'),
};

export type LazyViewName = keyof typeof LOADERS;
export type LazyView<Name extends LazyViewName> = Awaited<ReturnType<(typeof LOADERS)[Name]>>;

/** One loader for the lazily loaded views: `get` starts loading and re-renders the host on arrival. */
export class LazyViews {
  readonly #loaded: { [Name in LazyViewName]?: LazyView<Name> | Promise<void> } = {};
  readonly #arriving = new Set<Promise<void>>();

  constructor(
    private readonly host: ReactiveControllerHost,
    /** Called once per chunk on arrival, before the host re-renders (e.g. to adopt its styles). */
    private readonly onLoad: (views: object) => void = () => {},
  ) {}

  /** Chunks asked for and not here yet: the host's `updateComplete` waits for them (pay-by-bank.ts). */
  get arriving(): ReadonlySet<Promise<unknown>> {
    return this.#arriving;
  }

  /** The views of `name` if they are here, without asking for them. */
  loaded<Name extends LazyViewName>(name: Name): LazyView<Name> | undefined {
    const loaded = this.#loaded[name];
    return loaded instanceof Promise ? undefined : (loaded as LazyView<Name> | undefined);
  }

  /** The views of `name` once loaded; until then undefined, and loading has started (once). */
  get<Name extends LazyViewName>(name: Name): LazyView<Name> | undefined {
    let loaded = this.#loaded[name];
    if (!loaded) {
      const request = LOADERS[name]().then((views) => {
        (this.#loaded as Record<Name, unknown>)[name] = views;
        this.onLoad(views);
        this.host.requestUpdate();
      });
      const done = () => this.#arriving.delete(request);
      request.then(done, done);
      this.#arriving.add(request);
      loaded = this.#loaded[name] = request;
    }
    return loaded instanceof Promise ? undefined : (loaded as LazyView<Name>);
  }
}
