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
