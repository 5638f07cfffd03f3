import type { ShownMember, ShownSecret } from './personalDataReader';

/** A secret's version as a change shows it: never its value. */
type VersionRef = Readonly<{ version: number; fingerprint: string }>;

export type SecretChange = Readonly<
  | { key: string; change: 'added'; to: VersionRef }
  | { key: string; change: 'deleted'; from: VersionRef }
  | { key: string; change: 'changed'; from: VersionRef; to: VersionRef }
  | { key: string; change: 'details_changed'; displayName?: { from: string | null; to: string | null }; description?: { from: string | null; to: string | null } }
>;

export type MemberChange = Readonly<
  | { userId: string; change: 'joined'; to: string }
  | { userId: string; change: 'left'; from: string }
  | { userId: string; change: 'permission_changed'; from: string; to: string }
>;

export type SecretMemberChange = Readonly<
  | { key: string; userId: string; change: 'added'; to: string }
  | { key: string; userId: string; change: 'removed'; from: string }
  | { key: string; userId: string; change: 'role_changed'; from: string; to: string }
>;

const versionOf = (secret: ShownSecret): VersionRef => ({ version: secret.version, fingerprint: secret.fingerprint });
const byKey = <T extends { key: string }>(items: readonly T[]) => new Map(items.map((item) => [item.key, item]));
const sorted = (keys: Iterable<string>) => [...new Set(keys)].sort();

/**
 * What changed in a workspace's secrets between two moments (DESIGN §9): the difference of the
 * two states, key by key, in key order — added, deleted, changed (version and fingerprint from
 * and to), details changed (the fields that did). A key deleted and set again in between shows
 * as changed: its versions continue.
 */
export function secretChanges(before: readonly ShownSecret[], after: readonly ShownSecret[]): SecretChange[] {
  const [from, to] = [byKey(before), byKey(after)];
  const changes: SecretChange[] = [];
  for (const key of sorted([...from.keys(), ...to.keys()])) {
    const [was, is] = [from.get(key), to.get(key)];
    if (!was) changes.push({ key, change: 'added', to: versionOf(is!) });
    else if (!is) changes.push({ key, change: 'deleted', from: versionOf(was) });
    else {
      if (was.version !== is.version || was.fingerprint !== is.fingerprint) changes.push({ key, change: 'changed', from: versionOf(was), to: versionOf(is) });
      const displayName = was.displayName !== is.displayName ? { displayName: { from: was.displayName, to: is.displayName } } : {};
      const description = was.description !== is.description ? { description: { from: was.description, to: is.description } } : {};
      if (Object.keys({ ...displayName, ...description }).length > 0) changes.push({ key, change: 'details_changed', ...displayName, ...description });
    }
  }
  return changes;
}

/** Who joined, left or changed permission between two moments, by user id. */
export function memberChanges(before: readonly ShownMember[], after: readonly ShownMember[]): MemberChange[] {
  const [from, to] = [new Map(before.map((m) => [m.userId, m])), new Map(after.map((m) => [m.userId, m]))];
  const changes: MemberChange[] = [];
  for (const userId of sorted([...from.keys(), ...to.keys()])) {
    const [was, is] = [from.get(userId), to.get(userId)];
    if (!was) changes.push({ userId, change: 'joined', to: is!.permission });
    else if (!is) changes.push({ userId, change: 'left', from: was.permission });
    else if (was.permission !== is.permission) changes.push({ userId, change: 'permission_changed', from: was.permission, to: is.permission });
  }
  return changes;
}

/** The explicit roles on the secrets that changed between two moments (`visible` says whose a reader may see). */
export function secretMemberChanges(before: readonly ShownSecret[], after: readonly ShownSecret[], visible: (key: string) => boolean): SecretMemberChange[] {
  const [from, to] = [byKey(before), byKey(after)];
  const changes: SecretMemberChange[] = [];
  for (const key of sorted([...from.keys(), ...to.keys()]).filter(visible)) {
    const [was, is] = [new Map((from.get(key)?.members ?? []).map((m) => [m.userId, m.role])), new Map((to.get(key)?.members ?? []).map((m) => [m.userId, m.role]))];
    for (const userId of sorted([...was.keys(), ...is.keys()])) {
      const [role, now] = [was.get(userId), is.get(userId)];
      if (!role) changes.push({ key, userId, change: 'added', to: now! });
      else if (!now) changes.push({ key, userId, change: 'removed', from: role });
      else if (role !== now) changes.push({ key, userId, change: 'role_changed', from: role, to: now });
    }
  }
  return changes;
}
