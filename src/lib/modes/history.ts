// Undo/redo of geometry edits within the page: a bounded stack of snapshots, pure and map-free.
export class EditHistory<T> {
  #past: T[] = [];
  #future: T[] = [];

  constructor(public current: T, private readonly limit = 100) {}

  /** Records a new state; clears the redo stack. */
  push(next: T) {
    this.#past.push(this.current);
    if (this.#past.length > this.limit) this.#past.shift();
    this.current = next;
    this.#future = [];
  }

  get canUndo(): boolean {
    return this.#past.length > 0;
  }

  get canRedo(): boolean {
    return this.#future.length > 0;
  }

  undo(): T | undefined {
    return this.#step(this.#past, this.#future);
  }

  redo(): T | undefined {
    return this.#step(this.#future, this.#past);
  }

  /** Moves one state from `from` to current, the current one onto `to` (undo and redo are mirror images). */
  #step(from: T[], to: T[]): T | undefined {
    const next = from.pop();
    if (next === undefined) return undefined;
    to.push(this.current);
    this.current = next;
    return next;
  }
}
