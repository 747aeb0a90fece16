// Whether a rune class's data has arrived and, if not, why: one way to load for every class that fetches. An aborted
// request (replaced by a newer one with the same key) is no failure, and a load that a newer one overtook (e.g. for
// another signed-in identity) is dropped rather than applied late.
import { describeError, isAbort } from '../data/pb';

export class Loadable {
  loaded = $state(false);
  error = $state('');
  #generation = 0;

  /** Runs `fetch` and hands its value to `apply` unless a newer load started meanwhile. True when applied. */
  protected async attempt<T>(fetch: () => Promise<T>, apply: (value: T) => void): Promise<boolean> {
    const generation = ++this.#generation;
    try {
      const value = await fetch();
      if (generation !== this.#generation) return false;
      apply(value);
      this.loaded = true;
      this.error = '';
      return true;
    } catch (err) {
      if (generation === this.#generation && !isAbort(err)) this.error = describeError(err);
      return false;
    }
  }

  /** Forgets that data was loaded (nobody may see it any more); a load in flight is dropped. */
  protected forget() {
    this.#generation++;
    this.loaded = false;
  }
}
