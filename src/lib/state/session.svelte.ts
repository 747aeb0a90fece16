// The signed-in staff user (or null for the public), kept in step with the SDK's auth store.
import { currentUser, onAuthChange, signIn, signOut } from '../data/session';
import type { UserRecord } from '../data/records';
import type { Role } from '../types';

export class Session {
  user = $state<UserRecord | null>(currentUser());
  role = $derived<Role | null>(this.user?.role ?? null);

  constructor() {
    onAuthChange((u) => (this.user = u));
  }

  can(...roles: Role[]): boolean {
    return !!this.role && roles.includes(this.role);
  }

  signIn(email: string, password: string) {
    return signIn(email, password);
  }

  signOut() {
    signOut();
  }
}

/** The one session of the page: views share it (each making its own would leak auth listeners). */
export const session = new Session();
