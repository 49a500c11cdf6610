/**
 * A scheme's assumptions in plain words, for the one-page report: who pays what (the member's
 * own share apart), each risk with its rate and cost, and each benefit's rule as a leader reads
 * it ("1,000–10,000 付 50%"). Amounts are in yuan as `formatYuan` writes them in the language.
 */
import { formatPercent, formatPerMember, formatYuan, type Lang } from '../domain/format.ts';
import type { Benefit, CostDist, DaysDist, Rate, Risk, Scenario } from '../domain/scenario.ts';
import { LABELS } from './i18n.ts';

const num = (x: number) => x.toLocaleString('en-US', { maximumFractionDigits: 4 });

export function payerName(payer: string, lang: Lang): string {
  return LABELS[lang].payerNames[payer] ?? payer;
}

/** "职工个人 ¥36.00", one per payer. */
export function contributionLines(s: Scenario, lang: Lang): string[] {
  const L = LABELS[lang];
  return s.contributions.map(
    (c) =>
      `${payerName(c.payer, lang)} ${formatPerMember(c.amount)}${c.perShare ? L.perShareNote : ''}${c.groups ? L.forGroups(c.groups.join(L.listSep)) : ''}`,
  );
}

/** "limit-1：self-pay、allowance 合计每人每期最多 ¥5万（按份）", one per limit. */
export function limitLines(s: Scenario, lang: Lang): string[] {
  const L = LABELS[lang];
  return (s.limits ?? []).map(
    (l) =>
      `${L.limitLine(l.id, l.benefits.join(L.listSep), formatYuan(l.cap, lang))}${l.perShare ? L.perShareNote : ''}`,
  );
}

function costText(c: CostDist, lang: Lang): string {
  const L = LABELS[lang];
  const f = L.fieldNames;
  const name = L.distNames[c.dist] ?? c.dist;
  switch (c.dist) {
    case 'lognormal':
    case 'gamma':
      return `${name} ${f.mean} ${formatYuan(c.mean, lang)} · ${f.cv} ${num(c.cv)}`;
    case 'pareto':
      return `${name} ${f.scale} ${formatYuan(c.scale, lang)} · ${f.shape} ${num(c.shape)}`;
    case 'empirical':
      return `${name} ${c.values
        .slice(0, 4)
        .map((v) => formatYuan(v, lang))
        .join(', ')}${c.values.length > 4 ? '…' : ''}`;
  }
}

function daysText(d: DaysDist, lang: Lang): string {
  const L = LABELS[lang];
  const f = L.fieldNames;
  const name = L.daysNames[d.dist] ?? d.dist;
  switch (d.dist) {
    case 'poisson':
      return `${name} ${f.mean} ${num(d.mean)}`;
    case 'negative-binomial':
      return `${name} ${f.mean} ${num(d.mean)} · ${f.cv} ${num(d.cv)}`;
    case 'fixed':
      return `${name} ${num(d.value)}`;
    case 'empirical':
      return `${name} ${d.values.slice(0, 6).map(num).join(', ')}${d.values.length > 6 ? '…' : ''}`;
  }
}

/** A risk's rate: "4.00%", or one per group: "in-service 3.00% · retired 9.00%". */
export function rateText(rate: Rate): string {
  if (typeof rate === 'number') return formatPercent(rate, 2);
  return Object.entries(rate)
    .map(([g, r]) => `${g} ${formatPercent(r, 2)}`)
    .join(' · ');
}

/** "inpatient（全体会员）：年发生率 4.00% · 自负医疗费分布 对数正态 均值 ¥1,564 · 变异系数 3". */
export function riskText(r: Risk, lang: Lang): string {
  const L = LABELS[lang];
  const who = r.who === 'female' ? L.whoFemale : L.whoAll;
  const whom = r.groups ? `${r.groups.join(L.listSep)} · ${who}` : who;
  const head = L.riskLine(r.id, whom, rateText(r.rate));
  if (r.kind === 'event') return head;
  return [
    head,
    `${L.fieldNames.cost} ${costText(r.cost, lang)}`,
    r.days && `${L.fieldNames.days} ${daysText(r.days, lang)}`,
  ]
    .filter(Boolean)
    .join(' · ');
}

/** A benefit's rule in words; its maximum is given apart (`benefitCap`). */
export function benefitRule(b: Benefit, lang: Lang): string {
  const L = LABELS[lang];
  const y = (x: number) => formatYuan(x, lang);
  switch (b.type) {
    case 'bands': {
      let from = 0;
      const parts = b.bands.map((band) => {
        const text =
          band.upTo === null
            ? L.bandRuleOpen(y(from), formatPercent(band.rate, 0))
            : L.bandRule(y(from), y(band.upTo), formatPercent(band.rate, 0));
        from = band.upTo ?? from;
        return text;
      });
      return (b.deductible ? L.deductibleRule(y(b.deductible)) : '') + parts.join(L.ruleSep);
    }
    case 'steps':
      return L.stepsRule(y(b.from), y(b.step), y(b.perStep));
    case 'daily':
      return L.dailyRule(y(b.perDay), b.maxDays === undefined ? '' : L.dailyMax(num(b.maxDays)));
    case 'lump-sum':
      return L.lumpRule(
        y(b.amount),
        !b.waitingDays
          ? ''
          : b.waitingAmount
            ? L.lumpWaitPays(num(b.waitingDays), y(b.waitingAmount))
            : L.lumpWait(num(b.waitingDays)),
      );
  }
}

export function benefitCap(b: Benefit, lang: Lang): string {
  return 'cap' in b && b.cap !== undefined ? formatYuan(b.cap, lang) : LABELS[lang].noCap;
}

export function benefitTypeName(b: Benefit, lang: Lang): string {
  const L = LABELS[lang];
  return { bands: L.typeBands, steps: L.typeSteps, daily: L.typeDaily, 'lump-sum': L.typeLump }[b.type];
}
