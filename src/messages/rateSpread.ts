/**
 * The words, in English and Chinese, for what a history says beyond its table: the part years
 * (rows covering fewer than 12 months), the projects its figures cover, what its counts count
 * (people or 人次) and the claim rate's year-to-year spread beyond chance
 * (analyseHistory's rateSpread, the rateCv a scenario would take). The CLI's history summary and
 * the workbench's Experience view print the same sentences.
 * @example rateSpreadText(analysis, 'en')
 * // 'Claim-rate spread beyond chance (rateCv): 0.22, 90% interval 0.14–1.06 (3 whole years 2020–2022; chance alone 0.02)'
 */
import type { HistoryAnalysis } from '../history/analyseHistory.ts';
import type { Lang } from './catalogue.ts';

/** The part years and their months, or null when every row covers the whole year. */
export function partYearsText(a: HistoryAnalysis, lang: Lang): string | null {
  const part = a.years.filter((r) => r.months !== 12);
  if (part.length === 0) return null;
  return lang === 'zh'
    ? `不足一年（赔付与受益人数只含所列月数）：${part.map((r) => `${r.year} 年 ${r.months} 个月`).join('，')}`
    : `Part years (payouts and claimants cover these months only): ${part.map((r) => `${r.year}, ${r.months} months`).join('; ')}`;
}

/**
 * The projects the figures cover, where the file says (its `projects` column), in parts a view
 * can render (the names are the file's own words): one list when every year says the same, else
 * year by year; null when no year says.
 */
export function projectsLine(
  a: HistoryAnalysis,
  lang: Lang,
): { head: string; groups: { year: string; names: string[] }[]; nameSep: string; groupSep: string } | null {
  const zh = lang === 'zh';
  const said = a.years.filter((y) => y.projects !== undefined);
  if (said.length === 0) return null;
  const nameSep = zh ? '、' : ', ';
  const key = (p: readonly string[]) => p.join('\n');
  const same =
    said.length === a.years.length && said.every((y) => key(y.projects!) === key(said[0].projects!));
  return {
    head: zh ? '项目：' : 'Projects: ',
    groups: same
      ? [{ year: '', names: said[0].projects! }]
      : said.map((y) => ({ year: zh ? `${y.year} 年 ` : `${y.year} `, names: y.projects! })),
    nameSep,
    groupSep: zh ? '；' : '; ',
  };
}

/** projectsLine as one line of text (the CLI's). */
export function projectsText(a: HistoryAnalysis, lang: Lang): string | null {
  const line = projectsLine(a, lang);
  if (line === null) return null;
  return `${line.head}${line.groups.map((g) => `${g.year}${g.names.join(line.nameSep)}`).join(line.groupSep)}`;
}

/**
 * What the counts count, where the file's header says (`members (人次)`, `claimants (people)`…):
 * members in 人次 are enrolments, claimants in 人次 claims (benefit-times); null when no header
 * says.
 */
export function countsText(a: HistoryAnalysis, lang: Lang): string | null {
  const zh = lang === 'zh';
  const words = {
    zh: {
      membersCounted: { times: '会员按人次计（参保人次：同一人每次参保各计一次）', people: '会员按人数计' },
      claimantsCounted: { times: '受益按人次计（每次给付各计一次）', people: '受益按人数计（每人只计一次）' },
    },
    en: {
      membersCounted: {
        times: 'members in person-times (enrolments: a member enrolled twice counts twice)',
        people: 'members in people',
      },
      claimantsCounted: {
        times: 'claimants in person-times (claims: each benefit paid counts once)',
        people: 'claimants in people (each once)',
      },
    },
  }[lang];
  // A header says it for every row of its file.
  const parts = (['membersCounted', 'claimantsCounted'] as const).flatMap((k) => {
    const kind = a.years.find((y) => y[k] !== undefined)?.[k];
    return kind === undefined ? [] : [words[k][kind]];
  });
  if (parts.length === 0) return null;
  return zh ? `计数口径：${parts.join('；')}` : `Counts: ${parts.join('; ')}`;
}

/**
 * The rate spread with its interval; without one, why (fewer than three whole years reporting
 * claimants); null when the history reports no claimants at all.
 */
export function rateSpreadText(a: HistoryAnalysis, lang: Lang): string | null {
  const zh = lang === 'zh';
  const s = a.rateSpread;
  const cv = (x: number) => x.toFixed(2);
  if (s === null) {
    if (!a.years.some((y) => y.claimants !== null)) return null;
    const claims = a.years.filter((y) => y.claimantsCounted === 'times').length;
    const whole = a.years.filter(
      (y) => y.claimants !== null && y.months === 12 && y.claimantsCounted !== 'times',
    ).length;
    const left =
      claims === 0
        ? ''
        : zh
          ? `（按人次计的 ${claims} 年不计入）`
          : ` (${claims} years counting claims, 人次, left out)`;
    return zh
      ? `理赔率年际波动（rateCv）：需要至少 3 个报告了受益人数的全年，本文件有 ${whole} 个${left}`
      : `Claim-rate spread (rateCv): needs at least 3 whole years reporting claimants; this file has ${whole}${left}`;
  }
  const span = `${s.years[0]}–${s.years[s.years.length - 1]}`;
  const level = Math.round(s.level * 100);
  return zh
    ? `理赔率年际波动（rateCv，已扣除随机波动）：${cv(s.cv)}，${level}% 区间 ${cv(s.low)}–${cv(s.high)}（${span} 年 ${s.years.length} 个全年；仅随机波动为 ${cv(s.chanceCv)}）`
    : `Claim-rate spread beyond chance (rateCv): ${cv(s.cv)}, ${level}% interval ${cv(s.low)}–${cv(s.high)} (${s.years.length} whole years ${span}; chance alone ${cv(s.chanceCv)})`;
}
