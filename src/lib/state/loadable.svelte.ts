// Whether a rune class's data has arrived and, if not, why: one way to load for every class that fetches (an aborted
// request — replaced by a newer one with the same key — is no failure and leaves the last error as it was).
import { describeError, isAbort } from '../data/pb';

export class Loadable {
  loaded = $state(false);
  error = $state('');

  /** Runs `fetch` and hands its value to `apply`; records success or the failure's message. True when applied. */
  protected async attempt<T>(fetch: () => Promise<T>, apply: (value: T) => void): Promise<boolean> {
    try {
      apply(await fetch());
      this.loaded = true;
      this.error = '';
      return true;
    } catch (err) {
      if (!isAbort(err)) this.error = describeError(err);
      return false;
    }
  }
}
