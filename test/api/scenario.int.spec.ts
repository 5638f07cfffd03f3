import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { injectClient } from '../support/client';
import { leaksIn } from '../support/leaks';
import { runScenario } from '../support/scenario';
import { startTestApp, type TestApp } from '../support/testService';

describe('The service end to end (in process)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('runs the whole scenario, and no response other than resolve holds a value', async () => {
    const { values, nonResolveBodies } = await runScenario(injectClient(t.app));
    expect(leaksIn(nonResolveBodies.join('\n'), values)).toEqual([]);
  });
});
