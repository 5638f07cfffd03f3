import { html } from 'htm/preact';
import { useEffect, useState } from 'preact/hooks';
import { useCursorPages } from '../cursorPages';
import { call, messageOf, Problem, secretPath, type Scope, type SecretItem, type SharedWith, type Version } from '../api';

type Props = Readonly<{
  scope: Scope;
  secretKey: string;
  onBack: () => void;
  /** A write here moved the scope from one ETag to another. */
  onAdvanced: (from: string, to: string) => void;
}>;

type Note = Readonly<{ kind: 'info' | 'error'; text: string }> | null;

/**
 * A secret's detail view: display name and description (Save, Back), who it is shared with
 * (workspace secrets: invite a workspace member by email as Admin or Member), and its history.
 * Every write sends the ETag this view was loaded with, like the list's Save.
 */
export function DetailsScreen({ scope, secretKey, onBack, onAdvanced }: Props) {
  const [item, setItem] = useState<SecretItem | null>(null);
  const [etag, setEtag] = useState<string | null>(null);
  const [displayName, setDisplayName] = useState('');
  const [description, setDescription] = useState('');
  const [note, setNote] = useState<Note>(null);
  const [stale, setStale] = useState(false);
  const [reload, setReload] = useState(0);
  const path = secretPath(scope, secretKey);

  useEffect(() => {
    let live = true;
    call<SecretItem>('GET', path).then(
      ({ body, etag }) => {
        if (!live) return;
        setItem(body);
        setEtag(etag);
        // A reload after a stale save keeps what the user typed.
        if (!stale) {
          setDisplayName(body.displayName ?? '');
          setDescription(body.description ?? '');
        }
        setStale(false);
      },
      (error: unknown) => live && setNote({ kind: 'error', text: messageOf(error) }),
    );
    return () => {
      live = false;
    };
  }, [path, reload]);

  /** Runs a write with the view's ETag; on success the view takes the new one. */
  async function write(method: string, url: string, body?: unknown): Promise<boolean> {
    try {
      const answer = await call(method, url, { body, ifMatch: etag });
      if (etag !== null && answer.etag !== null) onAdvanced(etag, answer.etag);
      setEtag(answer.etag);
      return true;
    } catch (error) {
      if (error instanceof Problem && error.status === 412) setStale(true);
      else setNote({ kind: 'error', text: messageOf(error) });
      return false;
    }
  }

  async function save(event: Event) {
    event.preventDefault();
    setNote(null);
    const body = { displayName: displayName.trim() === '' ? null : displayName, description: description === '' ? null : description };
    if (await write('PATCH', path, body)) setNote({ kind: 'info', text: 'Saved.' });
  }

  const canEdit = item?.myRole === 'admin';
  return html`
    <section class="details" aria-labelledby="details-heading">
      <div class="bar">
        <button type="button" onClick=${onBack}>Back</button>
      </div>
      <h1 id="details-heading">${secretKey}</h1>
      <p class="muted">${scope.kind === 'workspace' ? 'Workspace secret' : 'Personal secret'}${item ? `, version ${item.version}, last set by ${item.updatedBy} on ${when(item.updatedAt)}` : ''}</p>
      ${stale
        ? html`<div class="status stale" role="alert">
            <p><strong>Stale:</strong> this secret's list changed since you opened it, so nothing was saved. Reload, then save again; what you typed is kept.</p>
            <button type="button" onClick=${() => setReload((n) => n + 1)}>Reload</button>
          </div>`
        : null}
      ${note ? html`<p class=${note.kind === 'error' ? 'status error' : 'status'} role=${note.kind === 'error' ? 'alert' : 'status'}>${note.text}</p>` : null}
      <form class="form" onSubmit=${save}>
        <label for="display-name">Display name</label>
        <input id="display-name" value=${displayName} maxLength=${128} disabled=${item === null} onInput=${(e: Event) => setDisplayName((e.currentTarget as HTMLInputElement).value)} />
        <label for="description">Description</label>
        <textarea id="description" rows="3" maxLength=${1000} value=${description} disabled=${item === null} onInput=${(e: Event) => setDescription((e.currentTarget as HTMLTextAreaElement).value)}></textarea>
        <div class="bar">
          <button type="submit" class="primary" disabled=${stale || item === null}>Save</button>
          ${item && !canEdit ? html`<span class="muted">Only the secret's admins can change these.</span>` : null}
        </div>
      </form>
      ${scope.kind === 'workspace' ? html`<${Members} path=${path} secretKey=${secretKey} write=${write} />` : null}
      <${History} path=${path} />
    </section>
  `;
}

type Write = (method: string, url: string, body?: unknown) => Promise<boolean>;

function Members({ path, secretKey, write }: { path: string; secretKey: string; write: Write }) {
  const [members, setMembers] = useState<readonly SharedWith[] | null>(null);
  const [refused, setRefused] = useState<string | null>(null);
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<'admin' | 'member'>('member');
  const [note, setNote] = useState<Note>(null);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    call<{ members: SharedWith[] }>('GET', `${path}/members`).then(
      ({ body }) => setMembers(body.members),
      (error: unknown) => setRefused(error instanceof Problem && error.status === 403 ? `Only the admins of ${secretKey} see and change whom it is shared with.` : messageOf(error)),
    );
  }, [path, version]);

  async function invite(event: Event) {
    event.preventDefault();
    setNote(null);
    if (await write('POST', `${path}/members`, { email: email.trim(), role })) {
      setNote({ kind: 'info', text: `${email.trim()} is now ${role === 'admin' ? 'an Admin' : 'a Member'} of ${secretKey}.` });
      setEmail('');
      setVersion((n) => n + 1);
    }
  }

  async function change(member: SharedWith, next: 'admin' | 'member' | null) {
    setNote(null);
    const url = `${path}/members/${encodeURIComponent(member.userId)}`;
    if (await (next === null ? write('DELETE', url) : write('PATCH', url, { role: next }))) setVersion((n) => n + 1);
  }

  return html`
    <section aria-labelledby="members-heading">
      <h2 id="members-heading">Members</h2>
      ${refused !== null ? html`<p class="muted">${refused}</p>` : null}
      ${members !== null
        ? html`<table class="list">
            <thead><tr><th scope="col">Member</th><th scope="col">Role</th><th scope="col"><span class="sr-only">Actions</span></th></tr></thead>
            <tbody>
              ${members.map((m) => {
                const who = m.email ?? m.userId;
                return html`<tr key=${m.userId}>
                  <td>${who}</td>
                  <td>
                    ${m.source === 'workspace'
                      ? html`Admin <span class="muted">(workspace admin)</span>`
                      : html`<select aria-label=${`Role of ${who}`} value=${m.role} onChange=${(e: Event) => void change(m, (e.currentTarget as HTMLSelectElement).value as 'admin' | 'member')}>
                          <option value="admin">Admin</option>
                          <option value="member">Member</option>
                        </select>`}
                  </td>
                  <td>${m.source === 'explicit' ? html`<button type="button" onClick=${() => void change(m, null)}>Remove ${who}</button>` : null}</td>
                </tr>`;
              })}
            </tbody>
          </table>
          <form class="form inline" onSubmit=${invite}>
            <label for="member-email">Email</label>
            <input id="member-email" type="email" required value=${email} onInput=${(e: Event) => setEmail((e.currentTarget as HTMLInputElement).value)} />
            <label for="member-role">Role</label>
            <select id="member-role" value=${role} onChange=${(e: Event) => setRole((e.currentTarget as HTMLSelectElement).value as 'admin' | 'member')}>
              <option value="member">Member</option>
              <option value="admin">Admin</option>
            </select>
            <button type="submit">Invite</button>
          </form>
          <p class="muted">Invite people who are already members of the workspace: Admins can change, share and delete the secret; Members can use and reveal it.</p>`
        : null}
      ${note ? html`<p class=${note.kind === 'error' ? 'status error' : 'status'} role=${note.kind === 'error' ? 'alert' : 'status'}>${note.text}</p>` : null}
    </section>
  `;
}

const HISTORY_PAGE = 100;

/** A secret's versions, newest first, a page at a time. */
function History({ path }: { path: string }) {
  const { items: versions, loading, error, more } = useCursorPages(async (after) => {
    const { body } = await call<{ versions: Version[]; nextCursor: string | null }>('GET', `${path}/history`, {
      query: { order: 'desc', limit: String(HISTORY_PAGE), cursor: after ?? undefined },
    });
    return { items: body.versions, nextCursor: body.nextCursor };
  }, path);
  return html`
    <section aria-labelledby="history-heading">
      <h2 id="history-heading">History</h2>
      ${error !== null ? html`<p class="status error">${error}</p>` : null}
      ${loading ? html`<p class="muted">Loading…</p>` : null}
      ${versions !== null
        ? html`<table class="list">
            <thead><tr><th scope="col">Version</th><th scope="col">Set</th><th scope="col">By</th><th scope="col">Fingerprint</th></tr></thead>
            <tbody>
              ${versions.map(
                (v) => html`<tr key=${v.version}><td>${v.version}</td><td>${when(v.at)}</td><td>${v.actor}</td><td><code title=${v.fingerprint}>${v.fingerprint.slice(0, 16)}…</code></td></tr>`,
              )}
            </tbody>
          </table>`
        : null}
      ${more !== null && !loading ? html`<button type="button" onClick=${more}>Older versions</button>` : null}
    </section>
  `;
}

export const when = (iso: string) => new Date(iso).toLocaleString();
