// The selected compounds, in one place for every view and analysis (map, ledger, merge, idle land, exports).
// The id set is replaced on each change, never mutated, so effects that read it re-run.
export class Selection {
  ids = $state.raw<ReadonlySet<string>>(new Set());
  size = $derived(this.ids.size);

  has(id: string): boolean {
    return this.ids.has(id);
  }

  set(ids: Iterable<string>) {
    this.ids = new Set(ids);
  }

  add(ids: Iterable<string>) {
    this.ids = new Set([...this.ids, ...ids]);
  }

  toggle(id: string) {
    const next = new Set(this.ids);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    this.ids = next;
  }

  clear() {
    if (this.ids.size) this.ids = new Set();
  }
}

export const selection = new Selection();
