// Sign-in through the users auth collection; the token lives in the SDK's localStorage store.
import { pb } from './pb';
import type { UserRecord } from './records';

export function currentUser(): UserRecord | null {
  return pb.authStore.isValid && pb.authStore.record?.collectionName === 'users' ? (pb.authStore.record as unknown as UserRecord) : null;
}

export async function signIn(email: string, password: string): Promise<UserRecord> {
  const res = await pb.collection('users').authWithPassword(email, password);
  return res.record;
}

export function signOut() {
  pb.authStore.clear();
}

export function onAuthChange(cb: (user: UserRecord | null) => void): () => void {
  return pb.authStore.onChange(() => cb(currentUser()));
}

/**
 * Who the server answers as: '' for the public, else the auth collection and record id. What a loader receives
 * depends on it (staff-only fields, staff-only collections), so data loaded under one identity is stale under another.
 */
export function identity(): string {
  const r = pb.authStore.isValid ? pb.authStore.record : null;
  return r ? `${r.collectionName}:${r.id}` : '';
}

/** True when the identity may read staff-only fields: an active staff account or a superuser. */
export function identityIsStaff(): boolean {
  const r = pb.authStore.isValid ? pb.authStore.record : null;
  if (!r) return false;
  if (r.collectionName === '_superusers') return true;
  return r.collectionName === 'users' && !!r.role && r.active !== false;
}

const identityListeners = new Set<(id: string) => void>();
let lastIdentity = identity();
pb.authStore.onChange(() => {
  const next = identity();
  if (next === lastIdentity) return; // a token refresh of the same account changes nothing the server sends
  lastIdentity = next;
  for (const cb of identityListeners) cb(next);
});

/** Calls `cb` when the signed-in identity changes (sign-in, sign-out, another account); returns the unsubscribe. */
export function onIdentityChange(cb: (id: string) => void): () => void {
  identityListeners.add(cb);
  return () => identityListeners.delete(cb);
}
