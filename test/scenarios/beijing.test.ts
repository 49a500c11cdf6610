/**
 * scenarios/beijing-light-illness-2021.json checked against 《夯实“三位一体”职工互助保障体系
 * 全心打造工会服务关爱职工品牌项目》 (Beijing, 2021): the light-illness project in its launch year,
 * per share. The file is read as plain JSON and its expectation computed here by hand (Poisson
 * thinning by the wait, the cap of 4 diagnoses summed term by term); the engine is compared with it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveScheme } from '../../src/domain/defaults.ts';
import { expectedPayout } from '../../src/engine/expected.ts';
import { readScenarioFile } from '../helpers/scenarios.ts';

const FILE = 'beijing-light-illness-2021.json';
const file = JSON.parse(readFileSync(join(import.meta.dirname, '../../scenarios', FILE), 'utf8'));
const [risk] = file.risks;
const [benefit] = file.benefits;
const N = file.members.count;

/** The report's terms, as printed: 20元/每份; 60日(不含)后; 4000元/每份; 累计最高为16000元. */
const REPORT = { perShare: 20, waitDays: 60, perDiagnosis: 4000, most: 16000 };

/** E[min(K, n)]·amount for K ~ Poisson(λ), summed term by term. */
function cappedPoisson(lambda: number, amount: number, cap: number): number {
  let pk = Math.exp(-lambda);
  let sum = 0;
  for (let k = 0; k < 40; k++) {
    sum += Math.min(k * amount, cap) * pk;
    pk *= lambda / (k + 1);
  }
  return sum;
}

describe('Beijing light illness 2021, its launch year, per share', () => {
  it('says what the report says: 20 a share, 4,000 a share a diagnosis, at most 16,000, a 60-day wait', () => {
    expect(file.contributions).toEqual([{ payer: 'member', amount: REPORT.perShare }]);
    expect(benefit).toMatchObject({
      type: 'lump-sum',
      amount: REPORT.perDiagnosis,
      cap: REPORT.most,
      waitingDays: REPORT.waitDays,
    });
    expect(benefit.waitingAmount ?? 0).toBe(0); // nothing is paid in the wait
  });
  it('every share is new in the launch year, so the wait removes 60/365 = 16.4% of diagnoses, not 0.2 × 60/365 = 3.3%', () => {
    expect(file.members.newShare).toBe(1);
    const unpaid = file.members.newShare * (REPORT.waitDays / 365);
    expect(unpaid).toBeCloseTo(0.1644, 4);
    expect((0.2 * REPORT.waitDays) / 365).toBeCloseTo(0.0329, 4);
  });
  it('a share costs 4,000 × 0.005 × (1 − 60/365) = 16.71: a loss ratio of 83.6%, and 416.9 beneficiaries in 100,000 shares', () => {
    const paidRate = risk.rate * (1 - REPORT.waitDays / 365);
    const perShare = cappedPoisson(paidRate, REPORT.perDiagnosis, REPORT.most);
    expect(perShare).toBeCloseTo(16.71, 2);
    expect(perShare / REPORT.perShare).toBeCloseTo(0.836, 3);
    // the cap (4 diagnoses) removes a relative 3e-12: the mean is 4,000 λ
    expect(1 - perShare / (REPORT.perDiagnosis * paidRate)).toBeLessThan(1e-11);
    expect(N * (1 - Math.exp(-paidRate))).toBeCloseTo(416.9, 1);
  });
  it('the rate is the one at which a share pays for its diagnoses once the wait is over: 20 / 4,000', () => {
    expect(risk.rate).toBe(REPORT.perShare / REPORT.perDiagnosis);
  });
  it('the engine’s exact expectation agrees (payout, and beneficiaries with the rate’s uncertainty, within 1e-6)', () => {
    const e = expectedPayout(resolveScheme(readScenarioFile(FILE)));
    const paidRate = risk.rate * (1 - REPORT.waitDays / 365);
    expect(e.payout / (N * cappedPoisson(paidRate, REPORT.perDiagnosis, REPORT.most))).toBeCloseTo(1, 6);
    // beneficiaries under the rate's uncertainty Θ ~ gamma(mean 1, cv): P(K > 0) = 1 − (1 + λcv²)^(−1/cv²)
    const cv2 = risk.rateCv ** 2;
    expect(e.beneficiaryTimes / (N * (1 - (1 + paidRate * cv2) ** (-1 / cv2)))).toBeCloseTo(1, 6);
  });
});

/**
 * scenarios/beijing-transport-2016-2020.json against 《畅通政策对接与数据对接渠道 共建多层次医疗保障体系》:
 * every derived figure of its `source` and `notes` worked again from the report's five-year totals,
 * and the calibration (claimants × mean benefit = the reported payout) by the closed form of one
 * uncapped 50% band, E[0.5·X] = 0.5·mean.
 */
describe('Beijing transport union, a 2016–2020 average year', () => {
  const FILE_T = 'beijing-transport-2016-2020.json';
  const t = JSON.parse(readFileSync(join(import.meta.dirname, '../../scenarios', FILE_T), 'utf8'));
  /** The report's five-year figures, as printed: 307.1万人次, 1.60亿元, 17.7万人, 平均每年4545.2万元. */
  const REPORTED = {
    enrolments: 3_071_000,
    contributions: 160e6,
    beneficiaries: 177_000,
    paidYear: 45.452e6,
  };
  const within1 = (x: number, y: number) => expect(Math.abs(x / y - 1)).toBeLessThan(0.01);
  const members = REPORTED.enrolments / 5;
  const rate = REPORTED.beneficiaries / REPORTED.enrolments;
  const perClaimant = REPORTED.paidYear / (members * t.risks[0].rate);

  it('one year at the five-year averages: 614,200 enrolments, 52.10 a member (32.0 M), 45.452 M paid, 74.00 a member', () => {
    expect(t.members.count).toBe(members);
    within1(t.contributions[0].amount, REPORTED.contributions / REPORTED.enrolments);
    expect(REPORTED.contributions / REPORTED.enrolments).toBeCloseTo(52.1003, 4);
    within1(t.members.count * t.contributions[0].amount, 32.0e6);
    within1(REPORTED.paidYear / members, 74.0);
    within1(5 * REPORTED.paidYear, 227.26e6);
    // 227 M paid against 160 M: 67 M more, 142%
    expect(227e6 - REPORTED.contributions).toBe(67e6);
    within1((5 * REPORTED.paidYear) / REPORTED.contributions, 1.42);
  });

  it('claimants 177,000 / 3,071,000 = 5.764 per 100, each paid 1,283.86; the mean cost 2,567.73 = 2 × 1,283.86', () => {
    within1(t.risks[0].rate, rate);
    expect(t.risks[0].rate).toBeCloseTo(0.05764, 5);
    within1(perClaimant, 1283.86);
    expect(t.risks[0].cost).toEqual({ dist: 'lognormal', mean: 2567.73, cv: 3 });
    expect(t.benefits[0].bands).toEqual([{ upTo: null, rate: 0.5 }]);
    expect(t.benefits[0].cap).toBeUndefined();
    within1(t.risks[0].cost.mean, 2 * perClaimant);
  });

  it('so its expected payout is the reported 45.452 M (closed form and the engine’s exact expectation)', () => {
    const byHand = t.members.count * t.risks[0].rate * 0.5 * t.risks[0].cost.mean;
    within1(byHand, REPORTED.paidYear);
    const e = expectedPayout(resolveScheme(readScenarioFile(FILE_T)));
    expect(e.payout / byHand).toBeCloseTo(1, 6);
  });

  it('needs about 74 yuan to break even (its notes: solve), 42% more than the 52.10 it charges', () => {
    const breakEven = (t.members.count * t.risks[0].rate * 0.5 * t.risks[0].cost.mean) / t.members.count;
    within1(breakEven, 74);
    within1(breakEven / t.contributions[0].amount, 1.42);
    expect(t.notes).toContain('solve: about 74 yuan, 42% more');
  });
});
