/**
 * scenarios/wenzhou-2014.json and wenzhou-2015.json (format `huzhu-scenario/2`) checked against the
 * report 《打造职工帮扶的“百年老店”品牌——温州市总工会筑实医疗互助保障根基》 (undated; its figures run to November 2015). Every
 * calibration claim in their `source` and `notes` is recomputed here by closed forms written out
 * below, from the files read as plain JSON: the negative binomial's P(0), the lognormal's survival
 * function summed over the steps, Poisson thinning for the waiting period, shares as a mean. The
 * engine's exact expectation is then compared with these sums, not the other way round.
 *
 * Rate uncertainty (rateCv 0.1) is left out: it does not move a cost risk's mean, and it moves a
 * once-a-period lump sum's (and P(K > 0)) by a relative λ·cv²/2 < 2e-5 at these rates.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { payExact } from '../../src/benefits/exact.ts';
import { resolveScheme } from '../../src/domain/defaults.ts';
import { expectedPayout } from '../../src/engine/expected.ts';
import { readScenarioFile } from '../helpers/scenarios.ts';

// ---------------------------------------------------------------------------------------------
// The files, as plain JSON.

interface Risk {
  id: string;
  kind: 'cost' | 'event';
  who: 'all' | 'female';
  rate: number;
  cost?: { dist: string; mean: number; cv: number };
  days?: { dist: string; mean?: number; cv?: number; value?: number };
}
interface Benefit {
  id: string;
  risk: string;
  type: 'daily' | 'steps' | 'lump-sum';
  perDay?: number;
  maxDays?: number;
  from?: number;
  step?: number;
  perStep?: number;
  amount?: number;
  cap?: number;
  waitingDays?: number;
  waitingAmount?: number;
  perShare?: boolean;
}
interface WenzhouFile {
  format: string;
  source: string;
  notes: string;
  members: {
    groups: {
      count: number;
      femaleShare: number;
      newShare: number;
      holdings: { shares: number; fraction: number }[];
    }[];
  };
  contributions: { payer: string; amount: number; perShare?: boolean }[];
  risks: Risk[];
  benefits: Benefit[];
}
const read = (file: string) =>
  JSON.parse(readFileSync(join(import.meta.dirname, '../../scenarios', file), 'utf8')) as WenzhouFile;
const w14 = read('wenzhou-2014.json');
const w15 = read('wenzhou-2015.json');

// ---------------------------------------------------------------------------------------------
// The report's figures, as printed.

const ENROLMENTS_2015 = 332_874; // 参加互助保障职工332874人次 (Jan–Nov 2015)
const BENEFICIARIES_2015 = 2236; // 受益职工2236人
const PAID_2015 = 4_020_000; // 赔付金额达402万元
const GROWTH = { enrolments: 2.64, beneficiaries: 3.41, paid: 2.59 }; // 增加了264%; 增长了341%和259%
const YEAR = 12 / 11; // Jan–Nov to a year

// ---------------------------------------------------------------------------------------------
// Closed forms.

/** erf by its Maclaurin series; |x| ≤ 5 keeps 1e-12 here. */
function erf(x: number): number {
  if (Math.abs(x) > 5) return Math.sign(x);
  let term = x;
  let sum = x;
  for (let n = 1; n < 300; n++) {
    term *= (-x * x) / n;
    sum += term / (2 * n + 1);
  }
  return (2 / Math.sqrt(Math.PI)) * sum;
}
/** Lognormal with mean m and cv: P(X ≥ x) = 1 − Φ((ln x − μ)/σ), σ² = ln(1 + cv²), μ = ln m − σ²/2. */
function lognormalSurvival(m: number, cv: number, x: number): number {
  const s2 = Math.log(1 + cv * cv);
  const z = (Math.log(x) - (Math.log(m) - s2 / 2)) / Math.sqrt(s2);
  return 0.5 * (1 - erf(z / Math.SQRT2));
}
/** E[min(cap, perStep·⌊(X − from)/step⌋⁺)] = Σ_{j=1}^{cap/perStep} perStep·P(X ≥ from + j·step). */
function stepsExpected(cost: { mean: number; cv: number }, b: Benefit): number {
  let sum = 0;
  for (let j = 1; j <= b.cap! / b.perStep!; j++)
    sum += b.perStep! * lognormalSurvival(cost.mean, cost.cv, b.from! + j * b.step!);
  return sum;
}
/** Negative binomial with mean m and cv: P(0) = p^r, p = m/σ², r = m²/(σ² − m). */
function negBinZero(m: number, cv: number): number {
  const v = (m * cv) ** 2;
  return (m / v) ** ((m * m) / (v - m));
}
/**
 * A lump sum paid once a period (cap = amount) for K ~ Poisson(λ) events, each in a new member's
 * wait with probability q = newShare·waitingDays/365 where it pays w: by Poisson thinning the
 * events outside the wait (rate λ(1 − q)) and inside it (λq) are independent.
 */
function lumpExpected(lambda: number, b: Benefit, newShare: number): number {
  const q = b.waitingDays ? (newShare * b.waitingDays) / 365 : 0;
  const w = b.waitingAmount ?? 0;
  const amount = b.amount!;
  const none = Math.exp(-lambda * (1 - q));
  let inWait = 0;
  let pk = Math.exp(-lambda * q);
  for (let k = 0; k < 50; k++) {
    inWait += pk * Math.min(w * k, amount);
    pk *= (lambda * q) / (k + 1);
  }
  return (1 - none) * amount + none * inWait;
}

/** Expected beneficiaries and payout of each risk, by hand: one line of arithmetic a benefit type. */
function byRisk(f: WenzhouFile) {
  const g = f.members.groups[0];
  const shares = g.holdings.reduce((s, h) => s + h.shares * h.fraction, 0);
  const out: Record<string, { beneficiaries: number; payout: number }> = {};
  for (const r of f.risks) {
    const exposed = g.count * (r.who === 'female' ? g.femaleShare : 1);
    const benefits = f.benefits.filter((b) => b.risk === r.id);
    if (r.kind === 'event') {
      const [b] = benefits;
      // waitingAmount > 0 or no wait: every event pays, so a member is paid iff K > 0
      out[r.id] = {
        beneficiaries: exposed * (1 - Math.exp(-r.rate)),
        payout: exposed * lumpExpected(r.rate, b, g.newShare) * shares,
      };
      continue;
    }
    const claimants = exposed * r.rate;
    const days = r.days!;
    const daily = benefits.find((b) => b.type === 'daily')!;
    const steps = benefits.find((b) => b.type === 'steps');
    const meanDays = days.dist === 'fixed' ? days.value! : days.mean!;
    const zeroDays = days.dist === 'fixed' ? (days.value === 0 ? 1 : 0) : negBinZero(days.mean!, days.cv!);
    // paid nothing: no day in hospital and (with steps) a cost below the first full step
    const unpaid =
      zeroDays * (steps ? 1 - lognormalSurvival(r.cost!.mean, r.cost!.cv, steps.from! + steps.step!) : 1);
    out[r.id] = {
      beneficiaries: claimants * (1 - unpaid),
      payout: claimants * (daily.perDay! * meanDays + (steps ? stepsExpected(r.cost!, steps) : 0)) * shares,
    };
  }
  return { out, shares, income: g.count * f.contributions[0].amount * shares };
}
const total = (o: Record<string, { beneficiaries: number; payout: number }>) =>
  Object.values(o).reduce(
    (s, x) => ({ beneficiaries: s.beneficiaries + x.beneficiaries, payout: s.payout + x.payout }),
    {
      beneficiaries: 0,
      payout: 0,
    },
  );

const m15 = byRisk(w15);
const m14 = byRisk(w14);
const t15 = total(m15.out);
const t14 = total(m14.out);

// ---------------------------------------------------------------------------------------------

describe('Wenzhou 2015: the published terms are in the file', () => {
  const b = (id: string) => w15.benefits.find((x) => x.id === id)!;
  it('30 yuan a share (38 → 30, −21.05%); 50 a day with no maximum; 1,000 per full 10,000 above 20,000, at most 50,000', () => {
    expect(w15.format).toBe('huzhu-scenario/2');
    expect(w15.contributions).toEqual([{ payer: 'member', amount: 30, perShare: true }]);
    expect(Math.round((30 / 38 - 1) * 10000) / 100).toBe(-21.05);
    expect(b('allowance')).toMatchObject({ type: 'daily', perDay: 50, risk: 'inpatient' });
    expect(b('allowance').maxDays).toBeUndefined();
    expect(b('big-bill')).toMatchObject({
      type: 'steps',
      from: 20000,
      step: 10000,
      perStep: 1000,
      cap: 50000,
    });
  });
  it('the lump sums as printed: critical 4,000 at once, carcinoma in situ 2,000, accident 20,000, women’s 2,000, hysterectomy 1,000, 1,000 in the wait; maternity 50 a day', () => {
    expect(
      [4000, 2000, 20000, 2000, 1000].map(
        (x, i) =>
          x === b(['critical', 'carcinoma-in-situ', 'accident', 'women-critical', 'hysterectomy'][i]).amount,
      ),
    ).toEqual(Array(5).fill(true));
    for (const id of ['critical', 'carcinoma-in-situ', 'women-critical'])
      expect(b(id).waitingAmount).toBe(1000);
    expect(b('maternity')).toMatchObject({ type: 'daily', perDay: 50 });
    // every benefit paid once a period (cap = amount) and per share
    for (const x of w15.benefits) expect(x.perShare).toBe(true);
  });
  it('two shares of the comprehensive project paid 55,200: 27,600 a share = 4,000 + 292 days × 50 + 9 steps × 1,000', () => {
    const s = readScenarioFile('wenzhou-2015.json');
    const pay = (id: string, at: number) =>
      payExact(
        s.benefits.find((x) => x.id === id)!,
        at,
      ).toNumber();
    const byHand = 4000 + 292 * 50 + 1000 * Math.floor((115_000 - 20_000) / 10_000);
    expect(byHand).toBe(27_600);
    expect(2 * (pay('critical', 1) + pay('allowance', 292) + pay('big-bill', 115_000))).toBe(55_200);
  });
  it('new members 1 − 91,449 / 332,874 = 72.53%; 5% hold two shares (mean 1.05)', () => {
    expect(w15.members.groups[0].newShare).toBeCloseTo(1 - 91_449 / ENROLMENTS_2015, 4);
    expect(m15.shares).toBeCloseTo(1.05, 12);
  });
});

describe('Wenzhou 2015 reproduces the report’s Jan–Nov figures, a year’s at × 12/11', () => {
  it('332,874 enrolments as members; 2,236 × 12/11 = 2,439.3 beneficiaries; 4.02 M × 12/11 = 4,385,455 paid (within 1%)', () => {
    expect(w15.members.groups[0].count).toBe(ENROLMENTS_2015);
    expect(t15.beneficiaries / (BENEFICIARIES_2015 * YEAR)).toBeCloseTo(1, 2);
    expect(t15.payout / (PAID_2015 * YEAR)).toBeCloseTo(1, 2);
    expect(Math.abs(t15.beneficiaries / (BENEFICIARIES_2015 * YEAR) - 1)).toBeLessThan(0.01);
    expect(Math.abs(t15.payout / (PAID_2015 * YEAR) - 1)).toBeLessThan(0.01);
    expect(t15.payout / t15.beneficiaries).toBeGreaterThan(1798 * 0.99);
    expect(t15.payout / t15.beneficiaries).toBeLessThan(1798 * 1.01);
  });
  it('the split its source states: beneficiaries 940.5 hospital, 688.5 critical, 344.2 women’s, 332.9 births, 83.2, 33.3, 16.6', () => {
    const ben = Object.fromEntries(Object.entries(m15.out).map(([k, v]) => [k, v.beneficiaries]));
    const claimed = {
      inpatient: 940.5,
      critical: 688.5,
      'women-critical': 344.2,
      maternity: 332.9,
      hysterectomy: 83.2,
      'carcinoma-in-situ': 33.3,
      accident: 16.6,
    };
    for (const [k, v] of Object.entries(claimed)) expect(Math.abs(ben[k] / v - 1), k).toBeLessThan(0.01);
  });
  it('and payouts 2.63 M critical, 0.68 M women’s critical, 0.48 M hospital, 0.35 M accident (lump sums 87%)', () => {
    const pay = (k: string) => m15.out[k].payout;
    for (const [k, v] of [
      ['critical', 2.63e6],
      ['women-critical', 0.68e6],
      ['inpatient', 0.48e6],
      ['accident', 0.35e6],
    ] as const)
      expect(Math.abs(pay(k) / v - 1), k).toBeLessThan(0.01);
    expect(Math.round((1 - (pay('inpatient') + pay('maternity')) / t15.payout) * 100)).toBe(87);
    // the small ones, printed to the 10,000 (87,358, 87,379, 65,733: 1% is tighter than the print)
    expect(pay('hysterectomy') / 1e6).toBeCloseTo(0.09, 2);
    expect(pay('maternity') / 1e6).toBeCloseTo(0.09, 2);
    expect(pay('carcinoma-in-situ') / 1e6).toBeCloseTo(0.07, 2);
    expect(w15.source).toContain('0.09 M each hysterectomy and births, 0.07 M carcinoma in situ');
    // a hospital rate a thirteenth of Jiaxing's 4 per 100
    expect(Math.round(0.04 / w15.risks.find((r) => r.id === 'inpatient')!.rate)).toBe(13);
  });
  it('a hospital claimant is paid 450 + 9.97 a share: Jiaxing’s 9 days and Hangzhou’s cost; the other reading of the steps pays 13.12', () => {
    const r = w15.risks.find((x) => x.id === 'inpatient')!;
    expect(r.days).toEqual({ dist: 'negative-binomial', mean: 9, cv: 0.9 });
    expect(r.cost).toEqual({ dist: 'lognormal', mean: 1564, cv: 3 });
    const steps = stepsExpected(
      r.cost!,
      w15.benefits.find((b) => b.id === 'big-bill')!,
    );
    expect(steps).toBeCloseTo(9.97, 2);
    // 10% of the excess over 20,000, at most 50,000 (reached at 520,000): 0.1·∫_{20,000}^{520,000} P(X > x) dx,
    // by the trapezoid rule on a grid of 10 yuan
    let excess = 0;
    for (let x = 20_000; x < 520_000; x += 10)
      excess += 5 * (lognormalSurvival(1564, 3, x) + lognormalSurvival(1564, 3, x + 10)) * 0.1;
    expect(excess).toBeCloseTo(13.12, 1);
    // about 3,300 a year more: 0.08% of the payout
    expect(((excess - steps) * ENROLMENTS_2015 * r.rate * 1.05) / t15.payout).toBeCloseTo(0.0008, 4);
    expect(Math.abs(((excess - steps) * ENROLMENTS_2015 * r.rate * 1.05) / 3300 - 1)).toBeLessThan(0.01);
  });
  it('the verdict at 30 yuan: a loss ratio of 41.8% (10,485,531 in)', () => {
    expect(m15.income).toBeCloseTo(10_485_531, 0);
    expect(t15.payout / m15.income).toBeCloseTo(0.418, 3);
  });
});

describe('Wenzhou 2014 reproduces the year before, from the report’s growth rates', () => {
  const target = {
    members: Math.round(ENROLMENTS_2015 / (1 + GROWTH.enrolments)),
    beneficiaries: (BENEFICIARIES_2015 / (1 + GROWTH.beneficiaries)) * YEAR,
    paid: (PAID_2015 / (1 + GROWTH.paid)) * YEAR,
  };
  it('91,449 enrolments; 507 × 12/11 = 553.1 beneficiaries; 1,119,777 × 12/11 = 1,221,575 paid (within 1%)', () => {
    expect(target.members).toBe(91_449);
    expect(w14.members.groups[0].count).toBe(target.members);
    expect(Math.abs(t14.beneficiaries / target.beneficiaries - 1)).toBeLessThan(0.01);
    expect(Math.abs(t14.payout / target.paid - 1)).toBeLessThan(0.01);
    expect(t14.beneficiaries).toBeCloseTo(553.1, 0);
    expect(t14.payout / t14.beneficiaries).toBeCloseTo(2209, -1);
  });
  it('the split its source states: 250.5 hospital, 288.9 critical, 9.1 carcinoma in situ, 4.6 accidents', () => {
    for (const [k, v] of [
      ['inpatient', 250.5],
      ['critical', 288.9],
      ['carcinoma-in-situ', 9.1],
      ['accident', 4.6],
    ] as const)
      expect(Math.abs(m14.out[k].beneficiaries / v - 1), k).toBeLessThan(0.01);
  });
  it('the old terms: 38 yuan, 50 a day without steps, critical 4,000 with 500 in the wait, carcinoma in situ 1,000, accident 10,000', () => {
    expect(w14.contributions[0]).toEqual({ payer: 'member', amount: 38, perShare: true });
    expect(w14.benefits.map((b) => [b.id, b.perDay ?? b.amount, b.waitingAmount ?? null])).toEqual([
      ['allowance', 50, null],
      ['critical', 4000, 500],
      ['carcinoma-in-situ', 1000, 500],
      ['accident', 10000, null],
    ]);
  });
  it('paying the critical illness’s first half only (2,000) cannot reach 2,209 a beneficiary at any hospital rate ≥ 0', () => {
    // with hospital claimants h ≥ 0 (450 × 1.05 each) and critical events c (≤ 2,000 × 1.05 each), the
    // average is at most what the dearest of them pays, short of the target
    const accident = m14.out.accident;
    const cis = m14.out['carcinoma-in-situ'];
    const fixed = accident.payout + cis.payout;
    const fixedBen = accident.beneficiaries + cis.beneficiaries;
    // all the remaining beneficiaries critical, at 2,000 × 1.05: the most this reading can pay
    const most = fixed + (target.beneficiaries - fixedBen) * 2000 * 1.05;
    expect(most).toBeLessThan(target.paid);
  });
  it('the verdict at 38 yuan: a loss ratio of 33.5% (3,648,815 in)', () => {
    expect(m14.income).toBeCloseTo(3_648_815, 0);
    expect(t14.payout / m14.income).toBeCloseTo(0.335, 3);
  });
});

describe('2014 → 2015: the growth the report flags, and what the model says instead', () => {
  it('payouts +259% (the Jan–Nov figure) against income +187% (332,874 × 30 over 91,449 × 38)', () => {
    expect(Math.abs(t15.payout / t14.payout - 1 - GROWTH.paid)).toBeLessThan(0.01 * (1 + GROWTH.paid));
    expect(m15.income / m14.income - 1).toBeCloseTo((332_874 * 30) / (91_449 * 38) - 1, 12);
    expect(Math.round((m15.income / m14.income - 1) * 100)).toBe(187);
    expect(Math.abs(t15.beneficiaries / t14.beneficiaries - 1 - GROWTH.beneficiaries)).toBeLessThan(
      0.01 * 4.41,
    );
  });
  it('the report’s income +31% would need income per enrolment to fall 64% while the price fell 21%', () => {
    expect(Math.round((1.31 / 3.64 - 1) * 100)).toBe(-64);
    expect(Math.round((30 / 38 - 1) * 100)).toBe(-21);
  });
  it('at the report’s rates (payouts × 2.68, income × 1.31 a year) the loss ratio 41.8% becomes 85.5% in 2016 and 175% in 2017', () => {
    const lr = t15.payout / m15.income;
    expect(lr * (2.68 / 1.31)).toBeCloseTo(0.855, 2);
    expect(lr * (2.68 / 1.31) ** 2).toBeCloseTo(1.75, 2);
    expect(w15.notes).toContain('85.5%');
    expect(w15.notes).toContain('175%');
  });
});

describe('the engine’s exact expectation agrees with the sums above', () => {
  it.each([
    ['wenzhou-2015.json', t15],
    ['wenzhou-2014.json', t14],
  ])('%s: payout and beneficiary-times within 0.1%', (file, byHand) => {
    const e = expectedPayout(resolveScheme(readScenarioFile(file)));
    expect(Math.abs(e.payout / byHand.payout - 1)).toBeLessThan(0.001);
    expect(Math.abs(e.beneficiaryTimes / byHand.beneficiaries - 1)).toBeLessThan(0.001);
  });
});
