/**
 * The Key/Value rows of one secrets scope, as pure functions: editing, the trailing empty row,
 * key checks, `.env` paste, the batch a Save sends, where the service's refusals go, and how
 * unsaved edits are put back on a reloaded list. No DOM here (unit-tested in Node).
 *
 * A row loaded from the service never holds its value: `value` stays '' (masked) until the
 * user reveals it or types a new one.
 */
import { KEY_PATTERN } from '../../src/events/values';
import { parseDotenv } from '../../src/import/dotenv.parser';

export type Row = Readonly<{
  id: number;
  /** The key as loaded; null for a row added on the page. */
  original: string | null;
  key: string;
  /** '' while masked; a typed, pasted or revealed value otherwise. */
  value: string;
  /** The value was typed or pasted here (a revealed value is not an edit). */
  edited: boolean;
  revealed: boolean;
  /** Marked with the trash icon: Save deletes it. */
  deleted: boolean;
  /** Why the last Save refused this row (a check here or the service), until the row changes. */
  problem: string | null;
  /** What a reload did to this row's edit. */
  note: string | null;
}>;

export type Batch = { set: Record<string, string>; delete: string[] };

let lastId = 0;
const row = (fields: Partial<Row>): Row => ({
  id: ++lastId,
  original: null,
  key: '',
  value: '',
  edited: false,
  revealed: false,
  deleted: false,
  problem: null,
  note: null,
  ...fields,
});

export const isBlank = (r: Row) => r.original === null && r.key === '' && r.value === '';

/**
 * Exactly one empty row at the end: typing in it adds the next. Empty rows further up stay (one
 * may hold the cursor); only a run of them at the end shrinks to one.
 */
export function withTrailingBlank(rows: readonly Row[]): Row[] {
  let end = rows.length;
  while (end > 0 && isBlank(rows[end - 1]!)) end -= 1;
  return [...rows.slice(0, end), rows[end] ?? row({})];
}

/** The rows of a list as loaded: every key masked, then the empty row. */
export function rowsFor(keys: readonly string[]): Row[] {
  return withTrailingBlank(keys.map((key) => row({ original: key, key })));
}

const update = (rows: readonly Row[], id: number, change: (r: Row) => Partial<Row>) =>
  withTrailingBlank(rows.map((r) => (r.id === id ? { ...r, ...change(r), problem: null, note: null } : r)));

export const editKey = (rows: readonly Row[], id: number, key: string) => update(rows, id, () => ({ key }));

/** A typed value; emptying a loaded row's value masks it again (nothing to save). */
export const editValue = (rows: readonly Row[], id: number, value: string) => update(rows, id, () => ({ value, edited: value !== '', revealed: false }));

export const showRevealed = (rows: readonly Row[], id: number, value: string) => update(rows, id, () => ({ value, revealed: true, edited: false }));
export const hideValue = (rows: readonly Row[], id: number) => update(rows, id, () => ({ value: '', revealed: false, edited: false }));

/** The trash icon: a loaded row is marked for deletion (again to undo); an added row goes. */
export function toggleDelete(rows: readonly Row[], id: number): Row[] {
  const target = rows.find((r) => r.id === id);
  if (target && target.original === null) return withTrailingBlank(rows.filter((r) => r.id !== id));
  return update(rows, id, (r) => ({ deleted: !r.deleted }));
}

/** What is wrong with a row's key as typed (shown on the row at once), or null. */
export function keyIssue(rows: readonly Row[], r: Row): string | null {
  if (r.deleted || isBlank(r)) return null;
  if (r.key === '') return 'Enter a key';
  if (!KEY_PATTERN.test(r.key)) return 'Use only letters, digits and underscores (at most 256)';
  if (rows.some((other) => other.id !== r.id && !other.deleted && other.key === r.key)) return `${r.key} is on another row too`;
  return null;
}

/** Unsaved changes: something a Save would send. */
export const isDirty = (rows: readonly Row[]) =>
  rows.some((r) => (r.original === null ? !isBlank(r) : r.deleted || r.key !== r.original || (r.edited && r.value !== '')));

export type Plan = Readonly<{
  batch: Batch;
  /** Which row each key of `set` and of `delete` comes from. */
  setRows: ReadonlyMap<string, number>;
  deleteRows: ReadonlyMap<string, number>;
  /** Rows that cannot be saved as they are, with why. */
  issues: ReadonlyMap<number, string>;
}>;

/** The one batch a Save sends: `{set, delete}` from every changed row. */
export function planSave(rows: readonly Row[]): Plan {
  const set: Record<string, string> = {};
  const deletes: string[] = [];
  const setRows = new Map<string, number>();
  const deleteRows = new Map<string, number>();
  const issues = new Map<number, string>();
  const remove = (r: Row) => {
    deletes.push(r.original!);
    deleteRows.set(r.original!, r.id);
  };
  for (const r of rows) {
    if (isBlank(r)) continue;
    if (r.original !== null && r.deleted) {
      remove(r);
      continue;
    }
    const issue = keyIssue(rows, r);
    if (issue) {
      issues.set(r.id, issue);
      continue;
    }
    const renamed = r.original !== null && r.key !== r.original;
    if (r.original === null && r.value === '') issues.set(r.id, 'Enter a value');
    else if (renamed && r.value === '') issues.set(r.id, `Reveal or type the value to rename ${r.original}`);
    else if (r.original === null || renamed || (r.edited && r.value !== '')) {
      set[r.key] = r.value;
      setRows.set(r.key, r.id);
      if (renamed) remove(r);
    }
  }
  // A key both deleted and set (a row renamed onto a deleted key) is a replacement: set wins.
  const kept = deletes.filter((key) => !(key in set));
  return { batch: { set, delete: kept }, setRows, deleteRows, issues };
}

export const isEmptyBatch = (batch: Batch) => Object.keys(batch.set).length === 0 && batch.delete.length === 0;

/** Puts the check's reasons on their rows. */
export function withIssues(rows: readonly Row[], issues: ReadonlyMap<number, string>): Row[] {
  return rows.map((r) => (issues.has(r.id) ? { ...r, problem: issues.get(r.id)! } : r));
}

export type Refusal = Readonly<{ detail: string; errors: readonly { field: string; message: string; code?: string }[] }>;

/**
 * Puts a refused Save's reasons on their rows. An `errors[]` entry names a key (`set.KEY`,
 * `delete.KEY`), or, from a service without per-key codes, `delete.N`, the Nth key deleted.
 * A refusal of a batch that touched one row is that row's. What names no row is returned as
 * the section's message (the problem's detail, and any entry that names no row).
 */
export function placeRefusal(rows: readonly Row[], plan: Plan, refusal: Refusal): { rows: Row[]; unplaced: string[] } {
  const byRow = new Map<number, string[]>();
  const unplaced: string[] = [];
  const place = (id: number | undefined, message: string) => {
    if (id === undefined) return false;
    byRow.set(id, [...(byRow.get(id) ?? []), message]);
    return true;
  };
  for (const entry of refusal.errors) {
    const match = /^(set|delete)\.(.+)$/.exec(entry.field);
    let id: number | undefined;
    if (match?.[1] === 'set') id = plan.setRows.get(match[2]!);
    else if (match?.[1] === 'delete') {
      const named = match[2]!;
      const key = entry.code === undefined && /^\d+$/.test(named) ? plan.batch.delete[Number(named)] : named;
      id = key === undefined ? undefined : plan.deleteRows.get(key);
    }
    if (!place(id, entry.message)) unplaced.push(`${entry.field}: ${entry.message}`);
  }
  if (refusal.errors.length === 0) {
    const touched = new Set([...plan.setRows.values(), ...plan.deleteRows.values()]);
    if (touched.size !== 1 || !place([...touched][0], refusal.detail)) unplaced.unshift(refusal.detail);
  } else if (unplaced.length > 0 || byRow.size === 0) {
    unplaced.unshift(refusal.detail);
  }
  return { rows: rows.map((r) => (byRow.has(r.id) ? { ...r, problem: byRow.get(r.id)!.join('; ') } : r)), unplaced };
}

/**
 * The rows of a reloaded list with this page's unsaved edits put back on it: a new value, a
 * rename or a deletion goes to the row of the same key; a new row stays new, or becomes an
 * edit of the key if someone else created it meanwhile; an edit of a key someone else deleted
 * becomes a new row. Revealed values are masked again (they were not edits). Rows keep their
 * ids, so a field being typed in stays where it is.
 */
export function rebase(rows: readonly Row[], keys: readonly string[]): Row[] {
  const fresh = new Map(keys.map((key) => [key, row({ original: key, key })]));
  const added: Row[] = [];
  for (const r of rows) {
    if (isBlank(r)) continue;
    const renamed = r.original !== null && r.key !== r.original;
    const value = r.edited || renamed ? r.value : '';
    const edited = value !== '';
    const mine = { id: r.id, key: r.key, value, edited, revealed: false, problem: null };
    if (r.original !== null) {
      const target = fresh.get(r.original);
      if (target) fresh.set(r.original, { ...target, ...mine, deleted: r.deleted });
      else if (!r.deleted && edited) {
        added.push({ ...r, ...mine, original: null, note: `${r.original} was deleted by someone else; Save adds it again` });
      }
      continue;
    }
    const existing = fresh.get(r.key);
    if (existing && existing.key === r.key && !existing.edited && !existing.deleted && r.value !== '') {
      fresh.set(r.key, { ...existing, ...mine, note: `${r.key} was added by someone else meanwhile; Save replaces its value with yours` });
    } else {
      added.push({ ...r, problem: null });
    }
  }
  const trailing = rows[rows.length - 1];
  return withTrailingBlank([...fresh.values(), ...added, ...(trailing && isBlank(trailing) ? [trailing] : [])]);
}

/**
 * Pasting `.env` text into a key or value cell fills rows, with the service's own parser: each
 * entry sets the row of its key, else the row pasted into if it is a new one without a key,
 * else a new row. A paste that is not `.env` text (a single line into a value cell, a line
 * without `=` into a key cell, text with no entry) is left to the browser: null.
 */
export function pasteDotenv(rows: readonly Row[], id: number, text: string, cell: 'key' | 'value'): { rows: Row[]; errors: string[] } | null {
  if (cell === 'value' && !/[\r\n]/.test(text.trim())) return null;
  if (cell === 'key' && !text.includes('=')) return null;
  const { entries, errors } = parseDotenv(text);
  const messages = errors.map((e) => `line ${e.line}: ${e.message}`);
  if (entries.size === 0) return cell === 'key' && messages.length > 0 ? { rows: [...rows], errors: messages } : null;
  let out = [...rows];
  const target = out.find((r) => r.id === id);
  let into = target && target.original === null && target.key === '' ? target.id : null;
  for (const [key, value] of entries) {
    const same = out.find((r) => !r.deleted && r.key === key);
    const fill = same?.id ?? into;
    if (fill !== null) {
      out = out.map((r) => (r.id === fill ? { ...r, key, value, edited: true, revealed: false, problem: null, note: null } : r));
      if (fill === into) into = null;
    } else {
      const at = out.findIndex(isBlank);
      const added = row({ key, value, edited: true });
      out = at < 0 ? [...out, added] : [...out.slice(0, at), added, ...out.slice(at)];
    }
  }
  return { rows: withTrailingBlank(out), errors: messages };
}
