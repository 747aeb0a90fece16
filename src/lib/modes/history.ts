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
    const prev = this.#past.pop();
    if (prev === undefined) return undefined;
    this.#future.push(this.current);
    this.current = prev;
    return prev;
  }

  redo(): T | undefined {
    const next = this.#future.pop();
    if (next === undefined) return undefined;
    this.#past.push(this.current);
    this.current = next;
    return next;
  }
}
