import { html } from 'htm/preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { call, messageOf, Problem, scopeBase, secretPath, type Scope, type SecretList } from '../api';
import {
  editKey,
  editValue,
  hideValue,
  isBlank,
  isDirty,
  isEmptyBatch,
  keyIssue,
  pasteDotenv,
  placeRefusal,
  planSave,
  rebase,
  rowsFor,
  showRevealed,
  toggleDelete,
  withIssues,
  type Row,
} from '../rows';
import { TrashIcon } from './icons';

type Status =
  | { kind: 'loading' }
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'info'; messages: string[] }
  | { kind: 'error'; messages: string[] }
  | { kind: 'stale' };

export type Advance = Readonly<{ scopeId: string; from: string; to: string }>;

export const scopeId = (scope: Scope) => (scope.kind === 'workspace' ? `workspace:${scope.ws}` : 'personal');

type Props = Readonly<{
  scope: Scope;
  title: string;
  intro: string;
  /** Changes whenever the list is shown again (back from another screen). */
  shownAt: number;
  /** A write made elsewhere (Details) that moved this scope from one ETag to the next. */
  advanced: Advance | null;
  onDetails: (key: string) => void;
  actions?: unknown;
}>;

/**
 * One scope's Key/Value rows (Workspace or Personal): edit, paste `.env`, reveal, trash, and one
 * Save that sends every change as one batch with the ETag of the list as loaded.
 */
export function SecretsSection({ scope, title, intro, shownAt, advanced, onDetails, actions }: Props) {
  const [rows, setRows] = useState<Row[]>([]);
  const [etag, setEtag] = useState<string | null>(null);
  const [status, setStatus] = useState<Status>({ kind: 'loading' });
  /** Keys this user holds no role on: nothing to reveal (editing them is refused by the service). */
  const [noRole, setNoRole] = useState<ReadonlySet<string>>(new Set());
  const rowsNow = useRef(rows);
  rowsNow.current = rows;
  const id = scopeId(scope);

  async function fetchList() {
    const { body, etag } = await call<SecretList>('GET', scopeBase(scope));
    setNoRole(new Set(body.secrets.filter((s) => s.myRole === null).map((s) => s.key)));
    return { keys: body.secrets.map((s) => s.key), etag: etag ?? `"${body.revision}"` };
  }

  /** Reads the list; `keepEdits` puts edits made meanwhile back on it instead of dropping them. */
  async function load(message?: string, keepEdits = false) {
    try {
      const list = await fetchList();
      setRows((current) => (keepEdits ? rebase(current, list.keys) : rowsFor(list.keys)));
      setEtag(list.etag);
      setStatus(message ? { kind: 'info', messages: [message] } : { kind: 'idle' });
    } catch (error) {
      setStatus({ kind: 'error', messages: [messageOf(error)] });
    }
  }

  useEffect(() => {
    setRows([]);
    setStatus({ kind: 'loading' });
    void load();
  }, [id]);

  // Back from Details or the audit: a list without unsaved edits is read again (and an edit
  // begun while it loads is kept).
  useEffect(() => {
    if (shownAt > 0 && !isDirty(rowsNow.current)) void load(undefined, true);
  }, [shownAt]);

  useEffect(() => {
    if (advanced && advanced.scopeId === id && advanced.from === etag) setEtag(advanced.to);
  }, [advanced]);

  async function reloadKeepingEdits() {
    setStatus({ kind: 'loading' });
    try {
      const list = await fetchList();
      setRows((current) => rebase(current, list.keys));
      setEtag(list.etag);
      setStatus({ kind: 'info', messages: ['Reloaded. Your unsaved edits are back on the current list: check them, then Save.'] });
    } catch (error) {
      setStatus({ kind: 'error', messages: [messageOf(error)] });
    }
  }

  async function save() {
    const plan = planSave(rows);
    if (plan.issues.size > 0) {
      setRows(withIssues(rows, plan.issues));
      setStatus({ kind: 'error', messages: ['Nothing was saved: fix the rows marked below.'] });
      return;
    }
    if (isEmptyBatch(plan.batch)) {
      setStatus({ kind: 'info', messages: ['No changes to save.'] });
      return;
    }
    setStatus({ kind: 'saving' });
    try {
      await call('PATCH', scopeBase(scope), { body: plan.batch, ifMatch: etag });
      await load('Saved.');
    } catch (error) {
      if (error instanceof Problem && error.status === 412) {
        setStatus({ kind: 'stale' });
      } else if (error instanceof Problem && error.status >= 400 && error.status < 500 && error.status !== 401) {
        // Placed on the rows as they are now: typing may have gone on while the save was out.
        setRows((current) => placeRefusal(current, plan, error).rows);
        setStatus({ kind: 'error', messages: ['Nothing was saved.', ...placeRefusal(rows, plan, error).unplaced] });
      } else {
        setStatus({ kind: 'error', messages: ['Nothing was saved.', messageOf(error)] });
      }
    }
  }

  async function reveal(row: Row) {
    try {
      const { body } = await call<{ value: string }>('POST', `${secretPath(scope, row.original!)}/reveal`);
      setRows((current) => showRevealed(current, row.id, body.value));
    } catch (error) {
      setRows((current) => current.map((r) => (r.id === row.id ? { ...r, problem: messageOf(error) } : r)));
    }
  }

  function paste(row: Row, cell: 'key' | 'value', event: ClipboardEvent) {
    const text = event.clipboardData?.getData('text/plain') ?? '';
    const filled = pasteDotenv(rows, row.id, text, cell);
    if (!filled) return;
    event.preventDefault();
    setRows(filled.rows);
    const count = filled.rows.filter((r) => !isBlank(r)).length - rows.filter((r) => !isBlank(r)).length;
    const lead = `Pasted .env text${count > 0 ? `: ${count} new row${count === 1 ? '' : 's'}` : ''}.`;
    setStatus(filled.errors.length > 0 ? { kind: 'error', messages: [`${lead} These lines were skipped:`, ...filled.errors] } : { kind: 'info', messages: [lead] });
  }

  const headingId = `${id}-heading`;
  const busy = status.kind === 'saving' || status.kind === 'loading';
  return html`
    <section class="scope" aria-labelledby=${headingId} aria-busy=${busy}>
      <header class="scope-head">
        <h2 id=${headingId}>${title}</h2>
        ${actions}
      </header>
      <p class="muted">${intro}</p>
      <${StatusLine} status=${status} onReload=${reloadKeepingEdits} />
      <table class="rows">
        <thead>
          <tr><th scope="col">Key</th><th scope="col">Value</th><th scope="col"><span class="sr-only">Actions</span></th></tr>
        </thead>
        <tbody>
          ${rows.map((row) => html`<${RowView}
            key=${row.id}
            row=${row}
            issue=${keyIssue(rows, row)}
            mayReveal=${row.original !== null && !noRole.has(row.original)}
            idPrefix=${id}
            onKey=${(value: string) => setRows((current) => editKey(current, row.id, value))}
            onValue=${(value: string) => setRows((current) => editValue(current, row.id, value))}
            onPaste=${(cell: 'key' | 'value', event: ClipboardEvent) => paste(row, cell, event)}
            onReveal=${() => void reveal(row)}
            onHide=${() => setRows((current) => hideValue(current, row.id))}
            onDetails=${() => onDetails(row.original!)}
            onDelete=${() => setRows((current) => toggleDelete(current, row.id))}
          />`)}
        </tbody>
      </table>
      <div class="bar">
        <button type="button" class="primary" onClick=${() => void save()} disabled=${busy || status.kind === 'stale'}>Save</button>
        ${isDirty(rows) ? html`<span class="muted">Unsaved changes</span>` : null}
      </div>
    </section>
  `;
}

function StatusLine({ status, onReload }: { status: Status; onReload: () => void }) {
  switch (status.kind) {
    case 'loading':
      return html`<p class="status" role="status">Loading…</p>`;
    case 'saving':
      return html`<p class="status" role="status">Saving…</p>`;
    case 'info':
      return html`<div class="status" role="status">${status.messages.map((m) => html`<p>${m}</p>`)}</div>`;
    case 'error':
      return html`<div class="status error" role="alert">${status.messages.map((m) => html`<p>${m}</p>`)}</div>`;
    case 'stale':
      return html`<div class="status stale" role="alert">
        <p><strong>Stale:</strong> someone saved this list after you loaded it, so nothing was saved.
        Reload to get the current list; your unsaved edits are kept and put back on it.</p>
        <button type="button" onClick=${onReload}>Reload</button>
      </div>`;
    default:
      return null;
  }
}

type RowProps = Readonly<{
  row: Row;
  issue: string | null;
  mayReveal: boolean;
  idPrefix: string;
  onKey: (value: string) => void;
  onValue: (value: string) => void;
  onPaste: (cell: 'key' | 'value', event: ClipboardEvent) => void;
  onReveal: () => void;
  onHide: () => void;
  onDetails: () => void;
  onDelete: () => void;
}>;

function RowView({ row, issue, mayReveal, idPrefix, onKey, onValue, onPaste, onReveal, onHide, onDetails, onDelete }: RowProps) {
  const loaded = row.original !== null;
  const masked = loaded && row.value === '';
  const message = issue ?? row.problem;
  const messageId = `${idPrefix}-row-${row.id}-message`;
  const name = row.deleted ? row.original! : row.key || 'new row';
  return html`
    <tr class=${row.deleted ? 'deleted' : ''}>
      <td>
        <input
          class="key"
          aria-label="Key"
          value=${row.key}
          placeholder=${loaded ? '' : 'NEW_KEY'}
          autocomplete="off"
          spellcheck=${false}
          readOnly=${row.deleted}
          aria-invalid=${message !== null}
          aria-describedby=${message !== null || row.note !== null ? messageId : undefined}
          onInput=${(e: Event) => onKey((e.currentTarget as HTMLInputElement).value)}
          onPaste=${(e: ClipboardEvent) => onPaste('key', e)}
        />
        ${message !== null || row.note !== null
          ? html`<div id=${messageId} class="row-message">
              ${message !== null ? html`<p class="problem">${message}</p>` : null}
              ${row.note !== null ? html`<p class="note">${row.note}</p>` : null}
            </div>`
          : null}
      </td>
      <td>
        <textarea
          class="value"
          aria-label="Value"
          rows="1"
          value=${row.value}
          placeholder=${masked ? '••••••••' : 'value'}
          title=${masked ? 'Hidden: Reveal shows it, typing replaces it' : undefined}
          autocomplete="off"
          spellcheck=${false}
          readOnly=${row.deleted}
          onInput=${(e: Event) => onValue((e.currentTarget as HTMLTextAreaElement).value)}
          onPaste=${(e: ClipboardEvent) => onPaste('value', e)}
        ></textarea>
      </td>
      <td class="actions">
        ${loaded && mayReveal && !row.edited && !row.deleted
          ? row.revealed
            ? html`<button type="button" onClick=${onHide}>Hide</button>`
            : html`<button type="button" onClick=${onReveal}>Reveal</button>`
          : null}
        ${loaded ? html`<button type="button" onClick=${onDetails}>Details</button>` : null}
        ${isBlank(row)
          ? null
          : html`<button type="button" class="icon" aria-label=${row.deleted ? `Restore ${name}` : `Delete ${name}`} title=${row.deleted ? 'Restore' : 'Delete'} onClick=${onDelete}>
              <${TrashIcon} />
            </button>`}
      </td>
    </tr>
  `;
}
