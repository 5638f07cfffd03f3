import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSecretsClient, unwrap } from '../../clients/typescript';
import { WORKSPACES_PAGE } from '../../src/projections/queries';
import { startServer, type ServerProcess } from '../support/serverProcess';
import { token } from '../support/testService';

type Ran = { code: number | null; stdout: string; stderr: string };

describe('The secrets CLI against a server on 127.0.0.1 (DESIGN §10)', () => {
  let server: ServerProcess;
  let home: string;
  let ws: string;
  const alice = token('alice');
  const runner = token('runner', { scope: 'secrets:resolve', email: null });
  const outputs: string[] = [];

  /** `npm run secrets -- …args` as a user's shell runs it: its own process, this config dir, stdin as given. */
  function secrets(args: string[], options: { stdin?: string; env?: Record<string, string> } = {}): Promise<Ran> {
    return new Promise((done) => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/secrets.ts', ...args], {
        env: { PATH: process.env.PATH, HOME: home, XDG_CONFIG_HOME: join(home, 'config'), SECRETS_URL: server.baseUrl, ...options.env },
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.stdin.end(options.stdin ?? '');
      child.on('exit', (code) => {
        outputs.push(stdout, stderr);
        done({ code, stdout, stderr });
      });
    });
  }

  beforeAll(async () => {
    server = await startServer();
    home = mkdtempSync(join(tmpdir(), 'secrets-cli-'));
    const client = createSecretsClient({ baseUrl: server.baseUrl, token: alice });
    ws = unwrap(await client.POST('/v1/workspaces', { body: { name: 'CLI' } })).id;
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
    rmSync(home, { recursive: true, force: true });
    rmSync(server.dataDir, { recursive: true, force: true });
  });

  it('logs in with the token on standard input, into a file only its owner can read, and says where, not what', async () => {
    const ran = await secrets(['login'], { stdin: `${alice}\n` });
    expect(ran.code).toBe(0);
    const file = join(home, 'config', 'secrets-service', 'token');
    expect(ran.stderr).toContain(file);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(join(home, 'config', 'secrets-service')).mode & 0o777).toBe(0o700);
  });

  it('creates a workspace and lists yours', async () => {
    const created = await secrets(['workspaces', 'create', 'Made', 'here']);
    expect(created.code).toBe(0);
    const id = created.stdout.trim();
    expect((await secrets(['workspaces'])).stdout).toContain(`${id}\tMade here\tadmin\n`);
  });

  it('lists every one of yours, however many pages the service answers them in', async () => {
    const client = createSecretsClient({ baseUrl: server.baseUrl, token: alice });
    const made: string[] = [];
    for (let i = 0; i < WORKSPACES_PAGE; i += 1) made.push(unwrap(await client.POST('/v1/workspaces', { body: { name: `many ${i}` } })).id);
    const listed = (await secrets(['workspaces'])).stdout.trim().split('\n');
    expect(listed.length).toBeGreaterThan(WORKSPACES_PAGE);
    for (const id of made) expect(listed.some((line) => line.startsWith(`${id}\t`))).toBe(true);
  }, 60_000);

  it('sets a value from standard input, or KEY=VALUE pairs in one batch with a warning about the command line', async () => {
    expect((await secrets(['set', 'API_KEY', '-w', ws], { stdin: 'sk_live_cli_123\n' })).code).toBe(0);
    const pairs = await secrets(['set', 'PAIR_A=one', 'PAIR_B=two=2', '-w', ws]);
    expect(pairs.code, pairs.stderr).toBe(0);
    expect(pairs.stderr).toContain('shell history');
    expect((await secrets(['reveal', 'PAIR_B', '-w', ws])).stdout).toBe('two=2\n');
    expect((await secrets(['rm', 'PAIR_A', 'PAIR_B', '-w', ws])).code).toBe(0);
    expect((await secrets(['set', '=nokey', '-w', ws])).code).toBe(2);
  });

  it('imports a .env file, lists the keys, reveals a value and shows its history', async () => {
    const file = join(home, 'app.env');
    writeFileSync(file, 'DB_URL=postgres://db-cli-456\nexport REGION="eu-west-1"\n');
    const imported = await secrets(['import', file], { env: { SECRETS_WORKSPACE: ws } });
    expect(imported.code).toBe(0);
    expect(imported.stderr).toContain('Imported 2 keys');
    expect((await secrets(['ls', '-w', ws])).stdout).toBe('API_KEY\nDB_URL\nREGION\n');
    expect((await secrets(['reveal', 'DB_URL', '-w', ws])).stdout).toBe('postgres://db-cli-456\n');
    const history = await secrets(['history', 'API_KEY', '-w', ws]);
    expect(history.stdout.trim().split('\n')).toHaveLength(1);
    expect(history.stdout).toMatch(/^1\t\S+\talice\t\S+\n$/);
  });

  it('runs a command with the chosen secrets in its environment (and not the token), passing its exit code on', async () => {
    const print = 'console.log(JSON.stringify({API_KEY: process.env.API_KEY, DB_URL: process.env.DB_URL, REGION: process.env.REGION ?? null, TOKEN: process.env.SECRETS_TOKEN ?? null})); process.exit(7)';
    const ran = await secrets(['run', '-w', ws, '--key', 'API_KEY', '--key', 'DB_URL', '--', process.execPath, '-e', print], { env: { SECRETS_TOKEN: alice } });
    expect(ran.code).toBe(7);
    expect(JSON.parse(ran.stdout)).toEqual({ API_KEY: 'sk_live_cli_123', DB_URL: 'postgres://db-cli-456', REGION: null, TOKEN: null });
  });

  it('puts each secret run fetched on the record, as revealed by the signed-in user', async () => {
    const ran = await secrets(['audit', '-w', ws, '--since', '1h', '--type', 'SecretRevealed', '--json']);
    expect(ran.code).toBe(0);
    const reveals = ran.stdout.trim().split('\n').map((line) => JSON.parse(line) as { actor: string; key: string });
    expect(reveals.map((r) => [r.actor, r.key])).toEqual(expect.arrayContaining([['alice', 'API_KEY'], ['alice', 'DB_URL']]));
  });

  it('does not start the command when a key cannot be revealed', async () => {
    const ran = await secrets(['run', '-w', ws, '--keys', 'API_KEY,NOPE', '--', process.execPath, '-e', 'console.log("started")']);
    expect(ran.code).toBe(1);
    expect(ran.stdout).toBe('');
    expect(ran.stderr).toContain('404 secret_not_found');
  });

  it('deletes a key; a script reads the refusal that follows from the exit code and the code', async () => {
    expect((await secrets(['rm', 'REGION', '-w', ws])).code).toBe(0);
    const gone = await secrets(['reveal', 'REGION', '-w', ws]);
    expect(gone.code).toBe(1);
    expect(gone.stderr).toMatch(/^secrets: 404 secret_not_found: /);
  });

  it('resolves a request from standard input with an executor token (SECRETS_TOKEN over the login file)', async () => {
    const request = { trigger: 'manual', triggeredBy: 'alice', input: { auth: 'Bearer {{API_KEY}}' } };
    const ran = await secrets(['resolve', '-w', ws], { stdin: JSON.stringify(request), env: { SECRETS_TOKEN: runner } });
    expect(ran.code).toBe(0);
    expect(JSON.parse(ran.stdout)).toMatchObject({ output: { auth: 'Bearer sk_live_cli_123' } });
    expect((await secrets(['resolve', '-w', ws], { stdin: JSON.stringify(request) })).stderr).toContain('403 forbidden');
  });

  it('keeps personal secrets with --personal', async () => {
    expect((await secrets(['set', 'MINE', '--personal'], { stdin: 'personal-cli-789' })).code).toBe(0);
    expect((await secrets(['ls', '--personal'])).stdout).toBe('MINE\n');
  });

  it('never sends the token over plain http off this machine, and says why', async () => {
    const ran = await secrets(['ls', '-w', ws, '--url', 'http://secrets.example.com']);
    expect(ran.code).toBe(2);
    expect(ran.stderr).toContain('Refusing to send the token over plain http:// to secrets.example.com');
  });

  it('says when the service cannot be reached, and when the usage is wrong', async () => {
    const unreachable = await secrets(['ls', '-w', ws, '--url', 'http://127.0.0.1:9']);
    expect(unreachable.code).toBe(3);
    expect(unreachable.stderr).toContain('could not reach the service at http://127.0.0.1:9');
    expect((await secrets(['ls'])).code).toBe(2);
    expect((await secrets(['frobnicate'])).code).toBe(2);
  });

  it('never prints a token', () => {
    const all = outputs.join('\n');
    for (const secret of [alice, runner]) expect(all).not.toContain(secret);
  });
});
