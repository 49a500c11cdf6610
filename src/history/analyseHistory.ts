/**
 * Experience by year: loss ratios, growth rates, the three flags of the scenario format and the
 * data checks. The result is exactly the `history --json` shape of docs/cli.md ("history --json"),
 * `{ years: [{ year, members, contributions, payouts, lossRatio, contributionGrowth,
 * payoutGrowth }], flags: [{ code, year, message }] }`, plus extra fields: per year
 * `claimants`, `claimRate`, `averageBenefit`, `memberGrowth`; and `warnings` (the data checks,
 * dataChecks.ts) as `{ code, year, field, value, note }`.
 *
 * Definitions, for year t with the previous row t − 1:
 * - loss ratio = payouts / contributions (null when contributions are not reported or 0);
 * - growth g_t = x_t / x_{t−1} − 1 for contributions, payouts and members; null for the first
 *   row, when the previous row is not the year before (a gap), or x_{t−1} is missing or 0;
 * - claim rate = claimants / members; average benefit = payouts / claimants (null without
 *   claimants, or with 0 claimants).
 * A row covering fewer than 12 months (its `months`) is read per year: its claim rate is
 * claimants / (members × months / 12), and payout growth compares payouts × 12 / months (the
 * same as the plain ratio when both rows cover the same months). Loss ratios stay the reported
 * payouts over the reported contributions.
 *
 * `rateSpread`: the year-to-year spread of the claim rate over and above Poisson chance, the
 * `rateCv` a scenario's risk would take (rateSpread.ts), from the whole years reporting
 * claimants; null with fewer than three.
 *
 * Counts in 人次 (a header's unit, `row.counted`; the year then says `membersCounted` and/or
 * `claimantsCounted`, each `people` or `times`): members counted in 人次 are enrolments
 * (member-years), the exposure a yearly rate wants, so nothing changes but the word. Claimants
 * counted in 人次 are claims (benefit-times): the year's `claimRate` is then claims per member and
 * its `averageBenefit` per claim; the data checks compare them as claims (never against the
 * members, and "a claim" in the words); and the year is left out of `rateSpread`, because one
 * claimant's several claims are not Poisson chance: read as claimants they would overstate
 * rateCv (Hulunbuir: 1.64 claims a claimant). A count whose header says nothing is read as people.
 *
 * Flags (each `{ code, year, note }`, the note a `{ code, params }` naming the figures; the CLI's
 * JSON words it as `message`):
 * - `loss-ratio-above-one`: payouts > contributions;
 * - `payout-growth-outpaces-contributions`: g_payouts − g_contributions > 0.20 (strictly more
 *   than 20 percentage points), e.g. "payouts +168% against contributions +31%";
 * - `enrollment-surge`: members_t > 2·members_{t−1} (more than doubled in a year).
 * Flags are ordered by year, then in the order above.
 */
import { CONTRIBUTION_JUMP, checkEntities, type DataCheck } from './dataChecks.ts';
import type { CountKind } from './headerAliases.ts';
import { claimsCounted, monthsOf, type HistoryRow } from './historyRow.ts';
import { rateSpread, type RateSpread } from './rateSpread.ts';
import { historyMessage as msg, type HistoryMessage } from './messages.ts';

export const GROWTH_GAP = 0.2;
export const SURGE_FACTOR = 2;

export type HistoryFlagCode =
  'loss-ratio-above-one' | 'payout-growth-outpaces-contributions' | 'enrollment-surge';

export interface HistoryYear {
  year: number;
  members: number;
  contributions: number | null;
  payouts: number;
  lossRatio: number | null;
  contributionGrowth: number | null;
  payoutGrowth: number | null;
  memberGrowth: number | null;
  claimants: number | null;
  /** The months the payouts and claimants cover (12: the whole year). */
  months: number;
  claimRate: number | null;
  averageBenefit: number | null;
  /** What members count, where the file says: people, or times (人次: enrolments). */
  membersCounted?: CountKind;
  /** What claimants count, where the file says: people, or times (人次: claims; claimRate and averageBenefit are then per claim). */
  claimantsCounted?: CountKind;
  /** The projects the year's figures cover, where the file says. */
  projects?: string[];
}

export interface HistoryFlag {
  code: HistoryFlagCode;
  year: number;
  /** What the shells say of it: the figures it names, as a code and its parameters. */
  note: HistoryMessage;
}

export interface HistoryWarning extends DataCheck {
  year: number;
}

export interface HistoryAnalysis {
  years: HistoryYear[];
  flags: HistoryFlag[];
  warnings: HistoryWarning[];
  /** The claim rate's spread from year to year beyond chance (the rateCv); null under three whole years. */
  rateSpread: RateSpread | null;
}

const growth = (now: number | null, before: number | null | undefined): number | null =>
  now === null || before === null || before === undefined || before === 0 ? null : now / before - 1;

/** Analyses rows already checked (parseHistory, validateHistoryRows): years strictly increasing. */
export function analyseHistory(rows: readonly HistoryRow[]): HistoryAnalysis {
  const years: HistoryYear[] = [];
  const flags: HistoryFlag[] = [];
  rows.forEach((r, i) => {
    const prev = i > 0 && rows[i - 1].year === r.year - 1 ? rows[i - 1] : undefined;
    const claimants = r.claimants ?? null;
    const months = monthsOf(r);
    const y: HistoryYear = {
      year: r.year,
      members: r.members,
      contributions: r.contributions,
      payouts: r.payouts,
      lossRatio: r.contributions ? r.payouts / r.contributions : null,
      contributionGrowth: growth(r.contributions, prev?.contributions),
      payoutGrowth: payoutGrowth(r, prev),
      memberGrowth: growth(r.members, prev?.members),
      claimants,
      months,
      claimRate: claimants === null ? null : claimants / ((r.members * months) / 12),
      averageBenefit: claimants ? r.payouts / claimants : null,
    };
    if (r.counted?.members) y.membersCounted = r.counted.members;
    if (r.counted?.claimants) y.claimantsCounted = r.counted.claimants;
    if (r.projects) y.projects = r.projects;
    years.push(y);
    flags.push(...flagsOf(y, prev));
  });
  const whole = rows.filter((r) => r.claimants !== undefined && monthsOf(r) === 12 && !claimsCounted(r));
  return {
    years,
    flags,
    warnings: warningsOf(rows),
    rateSpread: rateSpread(whole.map((r) => ({ year: r.year, members: r.members, claimants: r.claimants! }))),
  };
}

/** Payout growth per month covered; the plain ratio (to the last bit) when both rows cover the same months. */
function payoutGrowth(r: HistoryRow, prev: HistoryRow | undefined): number | null {
  if (!prev || monthsOf(r) === monthsOf(prev)) return growth(r.payouts, prev?.payouts);
  return growth(r.payouts / monthsOf(r), prev.payouts / monthsOf(prev));
}

function flagsOf(y: HistoryYear, prev: HistoryRow | undefined): HistoryFlag[] {
  const out: HistoryFlag[] = [];
  const c = y.contributions;
  if (c !== null && y.payouts > c) {
    out.push({
      code: 'loss-ratio-above-one',
      year: y.year,
      note:
        c > 0
          ? msg('flagLossRatio', { payouts: y.payouts, contributions: c })
          : msg('flagLossRatioNoIncome', { payouts: y.payouts }),
    });
  }
  if (
    y.payoutGrowth !== null &&
    y.contributionGrowth !== null &&
    y.payoutGrowth - y.contributionGrowth > GROWTH_GAP
  ) {
    out.push({
      code: 'payout-growth-outpaces-contributions',
      year: y.year,
      note: msg('flagPayoutGrowth', {
        payoutGrowth: y.payoutGrowth,
        contributionGrowth: y.contributionGrowth,
      }),
    });
  }
  if (prev && y.members > SURGE_FACTOR * prev.members) {
    out.push({
      code: 'enrollment-surge',
      year: y.year,
      note: msg('flagEnrollmentSurge', { from: prev.members, to: y.members }),
    });
  }
  return out;
}

/**
 * The data checks of dataChecks.ts on the years, plus two from one year to the next: the
 * contribution per member, and the projects covered (when both years say).
 */
function warningsOf(rows: readonly HistoryRow[]): HistoryWarning[] {
  const entities = rows.map((r) =>
    claimsCounted(r)
      ? { members: r.members, claims: r.claimants, paid: r.payouts }
      : { members: r.members, claimants: r.claimants, paid: r.payouts },
  );
  const byYear = checkEntities(entities, 'years', 'payouts');
  rows.forEach((r, i) => {
    const prev = i > 0 && rows[i - 1].year === r.year - 1 ? rows[i - 1] : undefined;
    if (prev?.projects && r.projects) {
      const added = r.projects.filter((p) => !prev.projects!.includes(p));
      const dropped = prev.projects.filter((p) => !r.projects!.includes(p));
      if (added.length > 0 || dropped.length > 0)
        byYear[i].push({
          code: 'projects-changed',
          field: 'projects',
          value: r.projects.length,
          note: msg('checkProjectsChanged', { added, dropped }),
        });
    }
    if (!prev || !prev.contributions || !r.contributions) return;
    const from = prev.contributions / prev.members;
    const to = r.contributions / r.members;
    if (to > CONTRIBUTION_JUMP * from || to < from / CONTRIBUTION_JUMP) {
      byYear[i].push({
        code: 'contribution-per-member-jump',
        field: 'contributions',
        value: r.contributions,
        note: msg('checkContributionJump', { from, to, memberGrowth: r.members / prev.members - 1 }),
      });
    }
  });
  return byYear.flatMap((checks, i) => checks.map((c) => ({ year: rows[i].year, ...c })));
}
