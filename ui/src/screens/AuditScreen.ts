import { html } from 'htm/preact';
import { useEffect, useState } from 'preact/hooks';
import { at, call, messageOf, type AuditEntry } from '../api';
import { when } from './DetailsScreen';

const PAGE = 50;

/** The workspace's audit, oldest first, a page at a time (workspace admins only). */
export function AuditScreen({ ws, onBack }: { ws: string; onBack: () => void }) {
  const [entries, setEntries] = useState<readonly AuditEntry[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);

  async function more(after: string | null) {
    setLoading(true);
    try {
      const { body } = await call<{ entries: AuditEntry[]; nextCursor: string | null }>('GET', at`/v1/workspaces/${ws}/audit`, {
        query: { limit: String(PAGE), cursor: after ?? undefined },
      });
      setEntries((current) => (after === null ? body.entries : [...current, ...body.entries]));
      setCursor(body.nextCursor);
      setDone(body.nextCursor === null);
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setLoading(false);
    }
  }

  useEffect(() => {
    void more(null);
  }, [ws]);

  return html`
    <section class="details" aria-labelledby="audit-heading">
      <div class="bar"><button type="button" onClick=${onBack}>Back</button></div>
      <h1 id="audit-heading">Audit</h1>
      <p class="muted">Every change to the workspace, its members and its secrets, and every reveal, in the order they happened.</p>
      ${error !== null ? html`<p class="status error" role="alert">${error}</p>` : null}
      <table class="list">
        <thead><tr><th scope="col">When</th><th scope="col">Who</th><th scope="col">What</th><th scope="col">Key</th><th scope="col">Version</th></tr></thead>
        <tbody>
          ${entries.map(
            (e) => html`<tr key=${e.position}><td>${when(e.at)}</td><td>${e.actor}</td><td>${e.type}</td><td>${e.key ?? ''}</td><td>${e.version ?? ''}</td></tr>`,
          )}
        </tbody>
      </table>
      ${loading ? html`<p class="muted" role="status">Loading…</p>` : null}
      ${!done && !loading && cursor !== null ? html`<button type="button" onClick=${() => void more(cursor)}>Load more</button>` : null}
    </section>
  `;
}
