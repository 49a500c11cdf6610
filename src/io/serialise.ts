/**
 * `serialiseScenario`: a scenario to its canonical text; `asFormat2`: the same scheme labelled
 * `huzhu-scenario/2`, which is what the workbench saves.
 *
 * Canonical: `JSON.stringify` with a 2-space indent and a final newline; keys in the order of
 * the spec's example and field tables (format, $schema, name, period, source, notes, members,
 * contributions, fund, risks, benefits, limits, trend, simulation, and the spec's order inside each
 * object: a distribution's `dist` first, a benefit's id, risk, type, then its own fields);
 * optional fields only when present; fields outside the format dropped. The fields `/2` adds sit
 * where the spec puts them: a group's `id, count, femaleShare, newShare, holdings`; a holding's
 * `shares, fraction`; a contribution's `payer, amount, perShare, groups`; a risk's `id, kind, who,
 * groups, rate, rateCv, …`, with a rate by group in the order of `members.groups`; a benefit's
 * `waitingAmount` after `waitingDays` and its `perShare` last; a limit's `id, benefits, cap,
 * perShare`. So `serialiseScenario(validateScenario(parseJson(text)))` gives back a canonical
 * `text` unchanged, and validating the output of `serialiseScenario(s)` gives back `s` for any
 * valid `s`, of either format. Pure; never mutates its input.
 */
import {
  SCENARIO_FORMAT_2,
  type Benefit,
  type CostDist,
  type DaysDist,
  type Members,
  type Rate,
  type Risk,
  type Scenario,
} from '../domain/scenario.ts';

export function serialiseScenario(s: Scenario): string {
  return `${JSON.stringify(canonicalScenario(s), null, 2)}\n`;
}

/**
 * The scenario as the workbench saves it: format `huzhu-scenario/2`, every other field as it is.
 * A `/1` file means the same read as `/2` (the format is a superset), so it is the same scheme
 * with the same figures.
 */
export function asFormat2(s: Scenario): Scenario {
  return { ...s, format: SCENARIO_FORMAT_2 };
}

/** The scenario as a new object whose key order is the canonical one (undefined fields vanish in JSON). */
export function canonicalScenario(s: Scenario): object {
  const { members: m, fund: f, trend: t, simulation: sim } = s;
  const groupOrder = m.groups?.map((g) => g.id) ?? [];
  return {
    format: s.format,
    $schema: s.$schema,
    name: s.name,
    period: s.period,
    source: s.source,
    notes: s.notes,
    members: canonicalMembers(m),
    contributions: s.contributions.map((c) => ({
      payer: c.payer,
      amount: c.amount,
      perShare: c.perShare,
      groups: c.groups && [...c.groups],
    })),
    fund: f && { reserve: f.reserve, backstop: f.backstop, expenseRate: f.expenseRate },
    risks: s.risks.map((r) => canonicalRisk(r, groupOrder)),
    benefits: s.benefits.map(canonicalBenefit),
    limits: s.limits?.map((l) => ({ id: l.id, benefits: [...l.benefits], cap: l.cap, perShare: l.perShare })),
    trend: t && { members: t.members, contribution: t.contribution, rate: t.rate, cost: t.cost },
    simulation: sim && {
      iterations: sim.iterations,
      seed: sim.seed,
      years: sim.years,
      confidence: sim.confidence,
    },
  };
}

function canonicalMembers(m: Members): object {
  if (m.groups === undefined) return { count: m.count, femaleShare: m.femaleShare, newShare: m.newShare };
  return {
    groups: m.groups.map((g) => ({
      id: g.id,
      count: g.count,
      femaleShare: g.femaleShare,
      newShare: g.newShare,
      holdings: g.holdings?.map((h) => ({ shares: h.shares, fraction: h.fraction })),
    })),
  };
}

/** A rate by group in the order of `members.groups` (any other key after them, as given). */
function canonicalRate(rate: Rate, groupOrder: readonly string[]): Rate {
  if (typeof rate === 'number') return rate;
  const keys = Object.keys(rate);
  const ordered = [
    ...groupOrder.filter((g) => keys.includes(g)),
    ...keys.filter((k) => !groupOrder.includes(k)),
  ];
  return Object.fromEntries(ordered.map((k) => [k, rate[k]]));
}

function canonicalRisk(r: Risk, groupOrder: readonly string[]): object {
  const common = {
    id: r.id,
    kind: r.kind,
    who: r.who,
    groups: r.groups && [...r.groups],
    rate: canonicalRate(r.rate, groupOrder),
    rateCv: r.rateCv,
  };
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
        perShare: b.perShare,
      };
    case 'steps':
      return { ...head, from: b.from, step: b.step, perStep: b.perStep, cap: b.cap, perShare: b.perShare };
    case 'daily':
      return { ...head, perDay: b.perDay, maxDays: b.maxDays, perShare: b.perShare };
    case 'lump-sum':
      return {
        ...head,
        amount: b.amount,
        cap: b.cap,
        waitingDays: b.waitingDays,
        waitingAmount: b.waitingAmount,
        perShare: b.perShare,
      };
  }
}
