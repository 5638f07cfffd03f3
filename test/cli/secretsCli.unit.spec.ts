import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sinceInstant } from '../../src/cli/secrets/auditCommand';
import { followCursor } from '../../src/cli/secrets/cursorPages';
import { main } from '../../src/cli/secrets/main';
import { scopeOf, serviceUrl, tokenOf } from '../../src/cli/secrets/settings';
import { withoutFinalNewline } from '../../src/cli/secrets/stdin';
import { saveToken, tokenFilePath } from '../../src/cli/secrets/tokenFile';

describe('secrets CLI settings', () => {
  it('takes the URL from --url, else SECRETS_URL, else the local default', () => {
    expect(serviceUrl({ url: 'https://a.test' }, { SECRETS_URL: 'https://b.test' })).toBe('https://a.test');
    expect(serviceUrl({}, { SECRETS_URL: 'https://b.test' })).toBe('https://b.test');
    expect(serviceUrl({}, {})).toBe('http://127.0.0.1:3000');
  });

  it('acts on one workspace (--workspace or SECRETS_WORKSPACE) or on personal secrets, and asks when neither is given', () => {
    expect(scopeOf({ workspace: 'w1' }, { SECRETS_WORKSPACE: 'w2' })).toEqual({ kind: 'workspace', ws: 'w1' });
    expect(scopeOf({}, { SECRETS_WORKSPACE: 'w2' })).toEqual({ kind: 'workspace', ws: 'w2' });
    expect(scopeOf({ personal: true }, { SECRETS_WORKSPACE: 'w2' })).toEqual({ kind: 'personal' });
    expect(() => scopeOf({}, {})).toThrow(/--workspace/);
    expect(() => scopeOf({ personal: true, workspace: 'w1' }, {})).toThrow(/not both/);
  });

  it('reads the token from SECRETS_TOKEN, else from the 0600 file login wrote', () => {
    const config = mkdtempSync(join(tmpdir(), 'secrets-config-'));
    const env = { XDG_CONFIG_HOME: config };
    expect(() => tokenOf(env)).toThrow(/secrets login/);
    const file = tokenFilePath(env);
    expect(file).toBe(join(config, 'secrets-service', 'token'));
    saveToken(file, 'from-file');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8')).toBe('from-file\n');
    expect(tokenOf(env)).toBe('from-file');
    expect(tokenOf({ ...env, SECRETS_TOKEN: 'from-env' })).toBe('from-env');
    rmSync(config, { recursive: true, force: true });
  });

  it('reads the audit page after page until it has --limit entries or none are left, short and empty pages included', async () => {
    // The service's pages: a filtered page may be short, even empty, with a cursor to go on from.
    const pages: Record<string, { entries: number[]; nextCursor: string | null }> = {
      start: { entries: [1], nextCursor: 'a' },
      a: { entries: [], nextCursor: 'b' },
      b: { entries: [2, 3], nextCursor: 'c' },
      c: { entries: [4], nextCursor: null },
    };
    const asked: Array<[string, number]> = [];
    const pageOf = async (cursor: string | undefined, limit: number) => {
      asked.push([cursor ?? 'start', limit]);
      const page = pages[cursor ?? 'start']!;
      return { entries: page.entries.slice(0, limit), nextCursor: page.nextCursor };
    };
    expect(await followCursor(10, pageOf)).toEqual({ entries: [1, 2, 3, 4], more: false });
    expect(asked).toEqual([['start', 10], ['a', 9], ['b', 9], ['c', 7]]);
    expect(await followCursor(3, pageOf)).toEqual({ entries: [1, 2, 3], more: true });
  });

  it("reads a secret's history page after page until the service says none are left", async () => {
    const pages: Record<string, { entries: number[]; nextCursor: string | null }> = {
      start: { entries: [1, 2], nextCursor: '2' },
      '2': { entries: [3, 4], nextCursor: '4' },
      '4': { entries: [5], nextCursor: null },
    };
    const asked: string[] = [];
    const { entries: versions } = await followCursor(Infinity, async (cursor) => {
      asked.push(cursor ?? 'start');
      return pages[cursor ?? 'start']!;
    });
    expect(versions).toEqual([1, 2, 3, 4, 5]);
    expect(asked).toEqual(['start', '2', '4']);
    // A service from before the paging answers every version and no cursor: one request, not a loop.
    const unpaged = { entries: [1, 2] } as unknown as { entries: number[]; nextCursor: string | null };
    let requests = 0;
    expect((await followCursor(Infinity, async () => ((requests += 1), unpaged))).entries).toEqual([1, 2]);
    expect(requests).toBe(1);
  });

  it('reads --since as an instant or a span back from now', () => {
    const now = Date.parse('2026-01-10T00:00:00Z');
    expect(sinceInstant('2h', now)).toBe('2026-01-09T22:00:00.000Z');
    expect(sinceInstant('7d', now)).toBe('2026-01-03T00:00:00.000Z');
    expect(sinceInstant('2026-01-01T09:00:00+02:00', now)).toBe('2026-01-01T09:00:00+02:00');
    expect(() => sinceInstant('yesterday', now)).toThrow(/--since/);
  });

  it('drops only the line ending echo adds to a piped value', () => {
    expect(withoutFinalNewline('value\n')).toBe('value');
    expect(withoutFinalNewline('value\r\n')).toBe('value');
    expect(withoutFinalNewline('two\nlines\n\n')).toBe('two\nlines\n');
  });

  it('answers 2 to a wrong usage, with a line on standard error', async () => {
    const err: string[] = [];
    const io = { out: () => {}, err: (text: string) => void err.push(text), readStdin: async () => '' };
    expect(await main(['frobnicate'], {}, io)).toBe(2);
    expect(await main(['ls', '--no-such-option'], {}, io)).toBe(2);
    expect(await main([], {}, io)).toBe(2);
    expect(err.join('')).toContain('No command "frobnicate"');
    expect(await main(['eyJhbGciOiJIUzI1NiJ9.e30.sig'], {}, io)).toBe(2);
    expect(err.join('')).not.toContain('eyJhbGciOiJIUzI1NiJ9');
  });
});
