import { describe, expect, it } from 'vitest';
import { leaksIn } from '../support/leaks';
import { runScenario } from '../support/scenario';
import { useTestApp } from '../support/testService';

describe('The service end to end (in process)', () => {
  const { call } = useTestApp();

  it('runs the whole scenario, and no response other than resolve holds a value', async () => {
    const { values, nonResolveBodies } = await runScenario(call);
    expect(leaksIn(nonResolveBodies.join('\n'), values)).toEqual([]);
  });
});
