// The address is state: the view comes from the path, the open compound from ?c=CODE, so a link reopens it.
class Route {
  path = $state(typeof location === 'undefined' ? '/' : location.pathname);
  search = $state(typeof location === 'undefined' ? '' : location.search);
  params = $derived(new URLSearchParams(this.search));

  constructor() {
    if (typeof window !== 'undefined') {
      window.addEventListener('popstate', () => this.#read());
    }
  }

  #read() {
    this.path = location.pathname;
    this.search = location.search;
  }

  /** Go to another view (adds a history entry). */
  go(url: string) {
    history.pushState(null, '', url);
    this.#read();
  }

  /** Change one query parameter in place (replaces the history entry), e.g. the open compound. */
  setParam(key: string, value: string | null) {
    const params = new URLSearchParams(location.search);
    if (value) params.set(key, value);
    else params.delete(key);
    const qs = params.toString();
    history.replaceState(null, '', `${location.pathname}${qs ? `?${qs}` : ''}${location.hash}`);
    this.#read();
  }
}

export const route = new Route();
