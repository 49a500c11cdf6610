/**
 * `serialiseScenario`: a scenario to its canonical text.
 *
 * Canonical: `JSON.stringify` with a 2-space indent and a final newline; keys in the order of
 * the spec's example and field table (format, $schema, name, period, source, notes, members,
 * contributions, fund, risks, benefits, trend, simulation, and the spec's order inside each
 * object: a distribution's `dist` first, a benefit's id, risk, type, then its own fields);
 * optional fields only when present; fields outside the format dropped. So
 * `serialiseScenario(validateScenario(parseJson(text)))` gives back a canonical `text`
 * unchanged, and validating the output of `serialiseScenario(s)` gives back `s` for any valid `s`.
 * Pure; never mutates its input.
 */
import type { Benefit, CostDist, DaysDist, Risk, Scenario } from '../domain/scenario.ts';

export function serialiseScenario(s: Scenario): string {
  return `${JSON.stringify(canonicalScenario(s), null, 2)}\n`;
}

/** The scenario as a new object whose key order is the canonical one (undefined fields vanish in JSON). */
export function canonicalScenario(s: Scenario): object {
  const { members: m, fund: f, trend: t, simulation: sim } = s;
  return {
    format: s.format,
    $schema: s.$schema,
    name: s.name,
    period: s.period,
    source: s.source,
    notes: s.notes,
    members: { count: m.count, femaleShare: m.femaleShare, newShare: m.newShare },
    contributions: s.contributions.map((c) => ({ payer: c.payer, amount: c.amount })),
    fund: f && { reserve: f.reserve, backstop: f.backstop, expenseRate: f.expenseRate },
    risks: s.risks.map(canonicalRisk),
    benefits: s.benefits.map(canonicalBenefit),
    trend: t && { members: t.members, contribution: t.contribution, rate: t.rate, cost: t.cost },
    simulation: sim && {
      iterations: sim.iterations,
      seed: sim.seed,
      years: sim.years,
      confidence: sim.confidence,
    },
  };
}

function canonicalRisk(r: Risk): object {
  const common = { id: r.id, kind: r.kind, who: r.who, rate: r.rate, rateCv: r.rateCv };
  if (r.kind === 'event') return common;
  return { ...common, cost: canonicalCost(r.cost), days: r.days && canonicalDays(r.days) };
}

function canonicalCost(d: CostDist): object {
  switch (d.dist) {
    case 'lognormal':
    case 'gamma':
      return { dist: d.dist, mean: d.mean, cv: d.cv };
    case 'pareto':
      return { dist: d.dist, scale: d.scale, shape: d.shape };
    case 'empirical':
      return { dist: d.dist, values: [...d.values] };
  }
}

function canonicalDays(d: DaysDist): object {
  switch (d.dist) {
    case 'poisson':
      return { dist: d.dist, mean: d.mean };
    case 'negative-binomial':
      return { dist: d.dist, mean: d.mean, cv: d.cv };
    case 'fixed':
      return { dist: d.dist, value: d.value };
    case 'empirical':
      return { dist: d.dist, values: [...d.values] };
  }
}

function canonicalBenefit(b: Benefit): object {
  const head = { id: b.id, risk: b.risk, type: b.type };
  switch (b.type) {
    case 'bands':
      return {
        ...head,
        deductible: b.deductible,
        bands: b.bands.map((x) => ({ upTo: x.upTo, rate: x.rate })),
        cap: b.cap,
      };
    case 'steps':
      return { ...head, from: b.from, step: b.step, perStep: b.perStep, cap: b.cap };
    case 'daily':
      return { ...head, perDay: b.perDay, maxDays: b.maxDays };
    case 'lump-sum':
      return { ...head, amount: b.amount, cap: b.cap, waitingDays: b.waitingDays };
  }
}
