import { rmSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filesUnder, leaksIn, leaksInFiles } from '../support/leaks';
import { runScenario, type ScenarioResult } from '../support/scenario';
import { httpTransport } from '../support/clientTransport';
import { runSettingsScenario } from '../support/settingsScenario';
import { startServer, type ServerProcess } from '../support/serverProcess';

describe('npm start, over real HTTP on 127.0.0.1', () => {
  let server: ServerProcess;
  let result: ScenarioResult;
  let exitCode: number | null;
  let filesWhileRunning: ReturnType<typeof leaksInFiles>;
  let modesWhileRunning: Array<[string, string]>;

  beforeAll(async () => {
    server = await startServer();
    const settings = await runSettingsScenario(httpTransport(server.baseUrl));
    const scenario = await runScenario(httpTransport(server.baseUrl));
    result = {
      values: [...scenario.values, ...settings.values],
      nonResolveBodies: [...scenario.nonResolveBodies, ...settings.bodiesWithoutValues],
    };
    // While running, recent writes sit in the SQLite WAL files: scan those too.
    expect(filesUnder(server.dataDir).some((f) => f.endsWith('-wal'))).toBe(true);
    filesWhileRunning = leaksInFiles(server.dataDir, result.values);
    modesWhileRunning = filesUnder(server.dataDir).map((file) => [basename(file), (statSync(file).mode & 0o777).toString(8)]);
    exitCode = await server.stop();
  }, 120_000);
  afterAll(() => rmSync(server.dataDir, { recursive: true, force: true }));

  it('serves the whole scenario', () => {
    expect(result.values.length).toBeGreaterThan(0);
  });

  it('shuts down cleanly on SIGTERM', () => {
    expect(exitCode).toBe(0);
    expect(server.output()).toContain('stopped cleanly');
  });

  it('warns that the generated master key is for development', () => {
    expect(server.output()).toContain('DEVELOPMENT MASTER KEY');
  });

  it('leaves no plaintext value, nor its base64 or hex form, in any data file', () => {
    expect(filesWhileRunning).toEqual([]);
    expect(leaksInFiles(server.dataDir, result.values)).toEqual([]);
  });

  it('leaves no plaintext email, display name or description in any data file (DESIGN §8)', () => {
    // The scenarios' emails (tokens and invitations) and the details they set.
    const personal = ['alice@example.com', 'bob@example.com', 'carol@example.com', 'dave@example.com', 'Database', 'Primary'];
    expect(leaksInFiles(server.dataDir, personal)).toEqual([]);
  });

  it('keeps every data file, WAL and development keys included, readable by its own user only', () => {
    expect(modesWhileRunning.map(([name]) => name)).toEqual(expect.arrayContaining(['events.sqlite-wal', 'keys.sqlite', 'master.key']));
    expect(modesWhileRunning.filter(([, mode]) => mode !== '600')).toEqual([]);
  });

  it('logs no value and no bearer token', () => {
    expect(leaksIn(server.output(), result.values)).toEqual([]);
    expect(server.output()).not.toMatch(/Bearer ey/);
  });

  it('answers no value outside resolutions and reveals', () => {
    expect(leaksIn(result.nonResolveBodies.join('\n'), result.values)).toEqual([]);
  });
});
