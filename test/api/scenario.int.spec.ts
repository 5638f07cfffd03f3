import { describe, expect, it } from 'vitest';
import { injectTransport } from '../support/clientTransport';
import { leaksIn } from '../support/leaks';
import { runScenario } from '../support/scenario';
import { useTestApp } from '../support/testService';

describe('The service end to end (in process)', () => {
  const t = useTestApp();

  it('runs the whole scenario, and no response other than resolve holds a value', async () => {
    const { values, nonResolveBodies } = await runScenario(injectTransport(t.app));
    expect(leaksIn(nonResolveBodies.join('\n'), values)).toEqual([]);
  });
});
