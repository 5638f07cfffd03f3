import { html } from 'htm/preact';
import { useEffect, useState } from 'preact/hooks';
import { call, messageOf, useToken, type Scope, type Workspace } from './api';
import { endSession, type Session } from './auth/session';
import type { SignInProvider, SignInResult } from './auth/signIn';
import { AuditScreen } from './screens/AuditScreen';
import { DetailsScreen } from './screens/DetailsScreen';
import { scopeId, SecretsSection, type Advance } from './screens/SecretsSection';
import { VariablesField } from './screens/VariablesField';

type Screen = Readonly<{ kind: 'list' } | { kind: 'details'; scope: Scope; key: string } | { kind: 'audit' }>;

const WORKSPACE_KEY = 'secrets-ui.workspace';

/** Signed out, or Settings → Secrets for the signed-in user. */
export function App({ initial }: { initial: SignInResult }) {
  const [session, setSession] = useState<Session | null>(initial.session);
  const [ended, setEnded] = useState<string | null>(initial.refused);
  useToken(session?.token ?? null, () => {
    endSession();
    setSession(null);
    setEnded('Your session has ended: sign in again.');
  });
  const signOut = () => {
    endSession();
    setSession(null);
    setEnded('You are signed out.');
  };
  return session ? html`<${SignedIn} session=${session} onSignOut=${signOut} />` : html`<${SignedOut} message=${ended} providers=${initial.providers} />`;
}

function SignedOut({ message, providers }: { message: string | null; providers: readonly SignInProvider[] }) {
  const [failed, setFailed] = useState<string | null>(null);
  const start = (provider: SignInProvider) => provider.start!().catch((error: unknown) => setFailed(error instanceof Error ? error.message : String(error)));
  useEffect(() => {
    document.title = 'Sign in · Secrets';
  }, []);
  return html`
    <section class="signin" aria-labelledby="signin-heading">
      <h1 id="signin-heading">Sign in</h1>
      ${message ? html`<p class="status" role="status">${message}</p>` : null}
      ${failed ? html`<p class="status error" role="alert">${failed}</p>` : null}
      ${providers.filter((p) => p.start).map((p) => html`<button type="button" class="primary" onClick=${() => void start(p)}>Sign in with ${p.name}</button>`)}
      <p class="muted">In development, run <code>npm run token -- --ui</code> where the service runs and open the link it prints.</p>
    </section>
  `;
}

/** Every workspace of mine, for the picker: the service answers them a page at a time. */
async function allWorkspaces(): Promise<Workspace[]> {
  const mine: Workspace[] = [];
  for (let cursor: string | undefined; ; ) {
    const { body } = await call<{ workspaces: Workspace[]; nextCursor: string | null }>('GET', '/v1/workspaces', { query: { cursor } });
    mine.push(...body.workspaces);
    // No cursor (or the same again: never from this service) ends the list rather than asking for ever.
    if (typeof body.nextCursor !== 'string' || body.nextCursor === cursor) return mine;
    cursor = body.nextCursor;
  }
}

function SignedIn({ session, onSignOut }: { session: Session; onSignOut: () => void }) {
  const [workspaces, setWorkspaces] = useState<readonly Workspace[] | null>(null);
  const [wsId, setWsId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [screen, setScreen] = useState<Screen>({ kind: 'list' });
  const [shownAt, setShownAt] = useState(0);
  const [advanced, setAdvanced] = useState<Advance | null>(null);

  async function loadWorkspaces(select?: string) {
    try {
      const mine = await allWorkspaces();
      setWorkspaces(mine);
      const wanted = select ?? sessionStorage.getItem(WORKSPACE_KEY);
      const chosen = mine.find((w) => w.id === wanted) ?? mine[0];
      setWsId(chosen?.id ?? null);
    } catch (e) {
      setError(messageOf(e));
    }
  }

  useEffect(() => {
    document.title = 'Secrets · Settings';
    void loadWorkspaces();
  }, []);

  const workspace = workspaces?.find((w) => w.id === wsId) ?? null;
  const choose = (id: string) => {
    sessionStorage.setItem(WORKSPACE_KEY, id);
    setWsId(id);
    setScreen({ kind: 'list' });
  };
  const back = () => {
    setScreen({ kind: 'list' });
    setShownAt((n) => n + 1);
  };
  const details = (scope: Scope) => (key: string) => setScreen({ kind: 'details', scope, key });
  const workspaceScope: Scope | null = workspace ? { kind: 'workspace', ws: workspace.id } : null;

  return html`
    <header class="top">
      <nav aria-label="Breadcrumb" class="crumbs">Settings <span aria-hidden="true">›</span> <strong>Secrets</strong></nav>
      ${workspaces && workspaces.length > 0
        ? html`<label class="picker">Current workspace
            <select value=${wsId ?? ''} onChange=${(e: Event) => choose((e.currentTarget as HTMLSelectElement).value)}>
              ${workspaces.map((w) => html`<option value=${w.id}>${w.name}</option>`)}
            </select>
          </label>`
        : null}
      <span class="who">${session.email ?? session.subject}</span>
      <button type="button" onClick=${onSignOut}>Sign out</button>
    </header>
    ${error !== null ? html`<p class="status error" role="alert">${error}</p>` : null}
    <div class="screen" hidden=${screen.kind !== 'list'}>
      <h1>Secrets</h1>
      <p class="muted">API keys, tokens and passwords as key/value pairs. Workflows reference them as <code>{{KEY}}</code>; they are resolved only when a workflow runs.</p>
      ${workspaceScope && workspace
        ? html`<${SecretsSection}
            key=${scopeId(workspaceScope)}
            scope=${workspaceScope}
            title="Workspace"
            intro=${`Shared with every member of ${workspace.name}, external members included. ${permissionNote[workspace.permission]}`}
            shownAt=${shownAt}
            advanced=${advanced}
            onDetails=${details(workspaceScope)}
            actions=${workspace.permission === 'admin' ? html`<button type="button" onClick=${() => setScreen({ kind: 'audit' })}>Audit</button>` : null}
          />`
        : workspaces !== null
          ? html`<${CreateWorkspace} onCreated=${(id: string) => void loadWorkspaces(id)} />`
          : null}
      <${SecretsSection}
        scope=${personal}
        title="Personal"
        intro="Only you see and use these; a workspace key of the same name wins when a workflow runs."
        shownAt=${shownAt}
        advanced=${advanced}
        onDetails=${details(personal)}
      />
      ${workspace ? html`<${VariablesField} key=${workspace.id} ws=${workspace.id} />` : null}
    </div>
    ${screen.kind === 'details'
      ? html`<${DetailsScreen}
          key=${`${scopeId(screen.scope)}/${screen.key}`}
          scope=${screen.scope}
          secretKey=${screen.key}
          onBack=${back}
          onAdvanced=${(from: string, to: string) => setAdvanced({ scopeId: scopeId(screen.scope), from, to })}
        />`
      : null}
    ${screen.kind === 'audit' && workspace ? html`<${AuditScreen} ws=${workspace.id} onBack=${back} />` : null}
  `;
}

const personal: Scope = { kind: 'personal' };

const permissionNote: Record<Workspace['permission'], string> = {
  admin: 'You are a workspace admin: you can change every secret here.',
  write: 'You can add secrets, and change those you are an Admin of.',
  read: 'You can use the secrets shared with you; adding or changing secrets needs write permission.',
};

function CreateWorkspace({ onCreated }: { onCreated: (id: string) => void }) {
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  async function create(event: Event) {
    event.preventDefault();
    try {
      const { body } = await call<{ id: string }>('POST', '/v1/workspaces', { body: { name } });
      onCreated(body.id);
    } catch (e) {
      setError(messageOf(e));
    }
  }
  return html`
    <section class="scope" aria-labelledby="create-heading">
      <h2 id="create-heading">No workspace yet</h2>
      <p class="muted">You are not a member of any workspace. Create one, or ask an admin to invite you.</p>
      ${error !== null ? html`<p class="status error" role="alert">${error}</p>` : null}
      <form class="form inline" onSubmit=${create}>
        <label for="workspace-name">Workspace name</label>
        <input id="workspace-name" required maxLength=${128} value=${name} onInput=${(e: Event) => setName((e.currentTarget as HTMLInputElement).value)} />
        <button type="submit">Create workspace</button>
      </form>
    </section>
  `;
}
