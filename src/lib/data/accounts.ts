// Staff accounts (#6): the office creates, edits, deactivates and resets passwords (the server enforces who may).
import { pb } from './pb';
import type { UserRecord } from './records';
import type { Role } from '../types';

export const DEPARTMENTS = ['finance', 'approval', 'market', 'civil', 'audit', 'development', 'resources'] as const;
export const MIN_PASSWORD = 10;

export interface AccountInput {
  email: string;
  name: string;
  role: Role;
  township?: string;
  department?: string;
  password: string;
}

export async function listAccounts(): Promise<UserRecord[]> {
  return pb.collection('users').getFullList({ sort: 'role,name', requestKey: 'accounts' });
}

export async function createAccount(a: AccountInput): Promise<UserRecord> {
  return pb.collection('users').create({
    email: a.email, name: a.name, role: a.role, township: a.township ?? '', department: a.department ?? '',
    password: a.password, passwordConfirm: a.password, active: true, emailVisibility: true, verified: true,
  });
}

export async function updateAccount(id: string, change: Partial<Pick<UserRecord, 'name' | 'role' | 'township' | 'department' | 'active'>>) {
  return pb.collection('users').update(id, change);
}

export async function resetPassword(id: string, password: string) {
  return pb.collection('users').update(id, { password, passwordConfirm: password });
}
