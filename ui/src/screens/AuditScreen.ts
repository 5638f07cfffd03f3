import { html } from 'htm/preact';
import { at, call, type AuditEntry } from '../api';
import { useCursorPages } from '../cursorPages';
import { when } from './DetailsScreen';

const PAGE = 50;

/** The workspace's audit, oldest first, a page at a time (workspace admins only). */
export function AuditScreen({ ws, onBack }: { ws: string; onBack: () => void }) {
  const { items: entries, loading, error, more } = useCursorPages(async (after) => {
    const { body } = await call<{ entries: AuditEntry[]; nextCursor: string | null }>('GET', at`/v1/workspaces/${ws}/audit`, {
      query: { limit: String(PAGE), cursor: after ?? undefined },
    });
    return { items: body.entries, nextCursor: body.nextCursor };
  }, ws);

  return html`
    <section class="details" aria-labelledby="audit-heading">
      <div class="bar"><button type="button" onClick=${onBack}>Back</button></div>
      <h1 id="audit-heading">Audit</h1>
      <p class="muted">Every change to the workspace, its members and its secrets, and every reveal, in the order they happened.</p>
      ${error !== null ? html`<p class="status error" role="alert">${error}</p>` : null}
      <table class="list">
        <thead><tr><th scope="col">When</th><th scope="col">Who</th><th scope="col">What</th><th scope="col">Key</th><th scope="col">Version</th></tr></thead>
        <tbody>
          ${(entries ?? []).map(
            (e) => html`<tr key=${e.position}><td>${when(e.at)}</td><td>${e.actor}</td><td>${e.type}</td><td>${e.key ?? ''}</td><td>${e.version ?? ''}</td></tr>`,
          )}
        </tbody>
      </table>
      ${loading ? html`<p class="muted" role="status">Loading…</p>` : null}
      ${more !== null && !loading ? html`<button type="button" onClick=${more}>Load more</button>` : null}
    </section>
  `;
}
