import { describe, expect, it } from 'vitest';
import {
  editKey,
  editValue,
  isBlank,
  isDirty,
  keyIssue,
  pasteDotenv,
  placeRefusal,
  planSave,
  rebase,
  rowsFor,
  showRevealed,
  toggleDelete,
  type Row,
} from '../../ui/src/rows';

const byKey = (rows: readonly Row[], key: string) => rows.find((r) => r.key === key)!;
const last = (rows: readonly Row[]) => rows[rows.length - 1]!;
/** Types a key and a value into the empty last row. */
const add = (rows: Row[], key: string, value: string) => {
  const id = last(rows).id;
  return editValue(editKey(rows, id, key), id, value);
};

describe('The rows of a secrets scope', () => {
  it('load masked, with one empty row at the end', () => {
    const rows = rowsFor(['A', 'B']);
    expect(rows.map((r) => [r.key, r.value])).toEqual([['A', ''], ['B', ''], ['', '']]);
    expect(isBlank(last(rows))).toBe(true);
    expect(isDirty(rows)).toBe(false);
  });

  it('grow a new empty row as soon as the last one is typed in, and keep one at the end', () => {
    const start = rowsFor([]);
    const typed = editKey(start, start[0]!.id, 'N');
    expect(typed.map((r) => r.key)).toEqual(['N', '']);
    expect(editKey(typed, typed[0]!.id, '').map((r) => r.key)).toEqual(['']);
  });

  it('flag a key that breaks the key rule or repeats another row', () => {
    let rows = rowsFor(['TAKEN']);
    rows = add(rows, 'bad-key', 'v');
    rows = add(rows, 'TAKEN', 'v');
    expect(keyIssue(rows, byKey(rows, 'bad-key'))).toMatch(/letters, digits and underscores/);
    expect(keyIssue(rows, rows[2]!)).toMatch(/TAKEN is on another row/);
    expect(keyIssue(rows, rows[0]!)).toMatch(/TAKEN is on another row/);
    expect(keyIssue(rows, last(rows))).toBeNull();
    expect(keyIssue(rows, { ...rows[0]!, key: 'x'.repeat(257) })).not.toBeNull();
  });
});

describe('A Save', () => {
  it('sends new rows, typed values and trashed keys as one batch', () => {
    let rows = rowsFor(['KEEP', 'CHANGE', 'DROP']);
    rows = editValue(rows, byKey(rows, 'CHANGE').id, 'new-value');
    rows = toggleDelete(rows, byKey(rows, 'DROP').id);
    rows = add(rows, 'NEW', 'fresh');
    const plan = planSave(rows);
    expect(plan.issues.size).toBe(0);
    expect(plan.batch).toEqual({ set: { CHANGE: 'new-value', NEW: 'fresh' }, delete: ['DROP'] });
  });

  it('does not send a value that was only revealed', () => {
    let rows = rowsFor(['A']);
    rows = showRevealed(rows, rows[0]!.id, 'shown');
    expect(planSave(rows).batch).toEqual({ set: {}, delete: [] });
    expect(isDirty(rows)).toBe(false);
  });

  it('drops a new row from the page when its trash icon is clicked, and undoes a trashed loaded row', () => {
    let rows = add(rowsFor(['A']), 'NEW', 'v');
    rows = toggleDelete(rows, byKey(rows, 'NEW').id);
    expect(rows.map((r) => r.key)).toEqual(['A', '']);
    rows = toggleDelete(toggleDelete(rows, rows[0]!.id), rows[0]!.id);
    expect(rows[0]!.deleted).toBe(false);
  });

  it('renames a key only with its value (revealed or typed): set the new key, delete the old', () => {
    let rows = rowsFor(['OLD']);
    rows = editKey(rows, rows[0]!.id, 'RENAMED');
    expect([...planSave(rows).issues.values()]).toEqual(['Reveal or type the value to rename OLD']);
    rows = showRevealed(rows, rows[0]!.id, 'the-value');
    expect(planSave(rows).batch).toEqual({ set: { RENAMED: 'the-value' }, delete: ['OLD'] });
  });

  it('refuses rows without a key or a value, and with a bad key, before sending anything', () => {
    let rows = add(rowsFor([]), 'NO_VALUE', '');
    rows = add(rows, '', 'no key');
    rows = add(rows, 'bad key', 'v');
    expect([...planSave(rows).issues.values()].sort()).toEqual(
      ['Enter a key', 'Enter a value', 'Use only letters, digits and underscores (at most 256)'].sort(),
    );
  });

  it('treats a row renamed onto a trashed key as a replacement', () => {
    let rows = rowsFor(['A', 'B']);
    rows = toggleDelete(rows, byKey(rows, 'B').id);
    rows = editValue(editKey(rows, rows[0]!.id, 'B'), rows[0]!.id, 'v');
    expect(planSave(rows).batch).toEqual({ set: { B: 'v' }, delete: ['A'] });
  });
});

describe("A refused Save's reasons", () => {
  const setup = () => {
    let rows = rowsFor(['X', 'Y', 'Z']);
    rows = toggleDelete(rows, byKey(rows, 'Y').id);
    rows = toggleDelete(rows, byKey(rows, 'Z').id);
    rows = add(rows, 'NEW', 'v');
    return { rows, plan: planSave(rows) };
  };

  it('go on the row of the key an errors[] entry names', () => {
    const { rows, plan } = setup();
    const placed = placeRefusal(rows, plan, {
      detail: 'Refused',
      errors: [
        { field: 'set.NEW', code: 'forbidden', message: 'not allowed' },
        { field: 'delete.Z', code: 'forbidden', message: 'not yours' },
      ],
    });
    expect(byKey(placed.rows, 'NEW').problem).toBe('not allowed');
    expect(byKey(placed.rows, 'Z').problem).toBe('not yours');
    expect(byKey(placed.rows, 'Y').problem).toBeNull();
    expect(placed.unplaced).toEqual([]);
  });

  it('read `delete.N` without a code as the Nth key deleted (the current service)', () => {
    const { rows, plan } = setup();
    const placed = placeRefusal(rows, plan, { detail: 'The batch is invalid', errors: [{ field: 'delete.1', message: 'repeated' }] });
    expect(byKey(placed.rows, 'Z').problem).toBe('repeated');
  });

  it('show the detail, and any entry that names no row, in the section', () => {
    const { rows, plan } = setup();
    const placed = placeRefusal(rows, plan, { detail: 'The batch is invalid', errors: [{ field: 'set', message: 'empty' }] });
    expect(placed.unplaced).toEqual(['The batch is invalid', 'set: empty']);
    expect(placeRefusal(rows, plan, { detail: 'Forbidden: NEW, Z', errors: [] }).unplaced).toEqual(['Forbidden: NEW, Z']);
  });

  it('put a refusal without errors[] on the one row a batch touched', () => {
    const loaded = rowsFor(['ONLY', 'OTHER']);
    const edited = editValue(loaded, loaded[0]!.id, 'v');
    const placed = placeRefusal(edited, planSave(edited), { detail: "Only the secret's admins can change or delete: ONLY", errors: [] });
    expect(placed.rows[0]!.problem).toMatch(/Only the secret's admins/);
    expect(placed.rows[1]!.problem).toBeNull();
    expect(placed.unplaced).toEqual([]);
  });
});

describe('Reloading after a stale save', () => {
  it('puts every unsaved edit back on the reloaded list', () => {
    let rows = rowsFor(['EDITED', 'TRASHED', 'REVEALED', 'GONE']);
    rows = editValue(rows, byKey(rows, 'EDITED').id, 'mine');
    rows = toggleDelete(rows, byKey(rows, 'TRASHED').id);
    rows = showRevealed(rows, byKey(rows, 'REVEALED').id, 'shown');
    rows = editValue(rows, byKey(rows, 'GONE').id, 'still-mine');
    rows = add(rows, 'NEW', 'added');
    rows = add(rows, 'RACED', 'ours');
    // Meanwhile someone deleted GONE and created RACED and OTHER.
    const reloaded = rebase(rows, ['EDITED', 'OTHER', 'RACED', 'REVEALED', 'TRASHED']);
    expect(reloaded.map((r) => [r.key, r.value, r.deleted])).toEqual([
      ['EDITED', 'mine', false],
      ['OTHER', '', false],
      ['RACED', 'ours', false],
      ['REVEALED', '', false],
      ['TRASHED', '', true],
      ['GONE', 'still-mine', false],
      ['NEW', 'added', false],
      ['', '', false],
    ]);
    expect(byKey(reloaded, 'RACED').note).toMatch(/added by someone else/);
    expect(byKey(reloaded, 'GONE').note).toMatch(/deleted by someone else/);
    expect(planSave(reloaded).batch).toEqual({ set: { EDITED: 'mine', RACED: 'ours', GONE: 'still-mine', NEW: 'added' }, delete: ['TRASHED'] });
  });
});

describe('Pasting .env text', () => {
  const dotenv = '# from .env\nexport API_KEY=sk_live_1\nDB_URL="postgres://u:p@h/db"\nEXISTING=changed # note\n';

  it('into a value cell fills rows: the pasted row, rows of the same key, then new rows', () => {
    let rows = rowsFor(['EXISTING']);
    const pasted = pasteDotenv(rows, last(rows).id, dotenv, 'value')!;
    expect(pasted.errors).toEqual([]);
    rows = pasted.rows;
    expect(rows.map((r) => [r.key, r.value])).toEqual([
      ['EXISTING', 'changed'],
      ['API_KEY', 'sk_live_1'],
      ['DB_URL', 'postgres://u:p@h/db'],
      ['', ''],
    ]);
    expect(planSave(rows).batch.set).toEqual({ EXISTING: 'changed', API_KEY: 'sk_live_1', DB_URL: 'postgres://u:p@h/db' });
  });

  it('into a key cell fills rows even from one line', () => {
    const rows = rowsFor([]);
    expect(pasteDotenv(rows, rows[0]!.id, 'ONE=1', 'key')!.rows.map((r) => [r.key, r.value])).toEqual([['ONE', '1'], ['', '']]);
  });

  it('is left to the browser when it is not .env text', () => {
    const rows = rowsFor([]);
    expect(pasteDotenv(rows, rows[0]!.id, 'just-a-value==', 'value')).toBeNull();
    expect(pasteDotenv(rows, rows[0]!.id, 'PLAIN_KEY', 'key')).toBeNull();
    expect(pasteDotenv(rows, rows[0]!.id, '-----BEGIN KEY-----\nAAAA\n-----END KEY-----', 'value')).toBeNull();
  });

  it('reports the lines the import would refuse, by number and without their text', () => {
    const rows = rowsFor([]);
    const pasted = pasteDotenv(rows, rows[0]!.id, 'GOOD=1\nbad-key=secret-ish\nEMPTY=\n', 'value')!;
    expect(pasted.rows.map((r) => r.key)).toEqual(['GOOD', '']);
    expect(pasted.errors).toHaveLength(2);
    expect(pasted.errors[0]).toMatch(/^line 2: /);
    expect(pasted.errors.join(' ')).not.toContain('secret-ish');
  });
});
