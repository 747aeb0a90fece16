// The signed-in account's to-do counts, shared by the badge and the to-do page: loaded on sign-in and reloaded
// whenever one of its notifications arrives (realtime), so the badge changes without a page reload.
import { loadTodo, watchNotifications, type Todo } from '../data/participation';
import { session } from './session.svelte';

class TodoState {
  todo = $state.raw<Todo | null>(null);
  #stop: (() => Promise<void>) | null = null;
  #user = '';

  async reload() {
    try {
      this.todo = await loadTodo();
    } catch {
      this.todo = null;
    }
  }

  /** Follows the session: (re)subscribes for a staff account, clears for a visitor. Call from an effect. */
  follow() {
    const id = session.user?.id ?? '';
    if (id === this.#user) return;
    this.#user = id;
    const stop = this.#stop;
    this.#stop = null;
    if (stop) stop().catch(() => {});
    this.todo = null;
    if (!id || !session.can('office', 'township')) return;
    void this.reload();
    watchNotifications(() => void this.reload()).then((stop) => {
      if (this.#user === id) this.#stop = stop;
      else void stop().catch(() => {});
    }).catch(() => {});
  }
}

export const todoState = new TodoState();
