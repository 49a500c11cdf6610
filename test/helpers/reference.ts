/**
 * A slow, obvious simulator for tests: every claimant's cost and days drawn directly
 * (src/random samplers), every member of an event risk simulated one by one, every benefit
 * evaluated by its plain formula. Shares no code with the engine's tables, plan or blocks.
 */
import { payFast } from '../../src/benefits/fast.ts';
import { resolveScenario } from '../../src/domain/defaults.ts';
import type { Scenario } from '../../src/domain/scenario.ts';
import { randomGamma } from '../../src/random/gamma.ts';
import { randomPoisson } from '../../src/random/poisson.ts';
import { costSampler, daysSampler } from '../../src/random/samplers.ts';
import { createStream } from '../../src/random/source.ts';

export function referenceTotals(scenario: Scenario, iterations: number, seed: string): Float64Array {
  const s = resolveScenario(scenario);
  const next = createStream(seed, 0).next;
  const poisson = randomPoisson(next);
  const totals = new Float64Array(iterations);
  for (let i = 0; i < iterations; i++) {
    let total = 0;
    for (const risk of s.risks) {
      const theta = risk.rateCv > 0 ? randomGamma(next)(1 / risk.rateCv ** 2, risk.rateCv ** 2)() : 1;
      const members =
        risk.who === 'female' ? Math.round(s.members.count * s.members.femaleShare) : s.members.count;
      const benefits = s.benefits.filter((b) => b.risk === risk.id);
      if (risk.kind === 'cost') {
        const cost = costSampler(next, risk.cost);
        const days = risk.days ? daysSampler(next, risk.days) : () => 0;
        const n = poisson(risk.rate * members * theta)();
        for (let j = 0; j < n; j++) {
          const x = cost(),
            d = days();
          for (const b of benefits) total += payFast(b)(b.type === 'daily' ? d : x);
        }
      } else {
        for (const b of benefits) {
          if (b.type !== 'lump-sum') continue;
          const lambda = risk.rate * (1 - (s.members.newShare * (b.waitingDays ?? 0)) / 365) * theta;
          const k = poisson(lambda);
          const pay = payFast(b);
          for (let m = 0; m < members; m++) total += pay(k());
        }
      }
    }
    totals[i] = total;
  }
  return totals;
}
