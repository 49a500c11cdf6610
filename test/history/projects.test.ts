/**
 * Which projects a history's figures cover: the optional `projects` column (names separated by
 * `;`, `；` or `、`), read into each row, reported by year, and checked from one year to the next —
 * a year whose projects differ from the year before's is a different scheme, not the same one
 * grown (Hangzhou merged three projects into one scheme in 2016). Expected values written by hand.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyseHistory } from '../../src/history/analyseHistory.ts';
import { parseHistory as parse } from '../../src/history/parseHistory.ts';
import { validateHistoryRows as validate } from '../../src/history/validateHistoryRows.ts';
import { historyMessageText } from '../../src/messages/history.ts';
import { projectsText } from '../../src/messages/rateSpread.ts';
import { parseHistory, validateHistoryRows } from './worded.ts';

const HEAD = 'year,members,contributions,payouts,projects\n';
const rows = (text: string) => {
  const r = parse(text);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.rows;
};
const data = (name: string) => readFileSync(new URL(`../../data/${name}`, import.meta.url), 'utf8');

describe('the projects column', () => {
  it('splits at ; ； and 、, trims each name and drops empty ones; a blank cell says nothing', () => {
    expect(rows(`${HEAD}2015,100,3600,2000, 住院 ; 重大疾病、女职工；;\n2016,100,3600,2000,\n`)).toEqual([
      {
        year: 2015,
        members: 100,
        contributions: 3600,
        payouts: 2000,
        projects: ['住院', '重大疾病', '女职工'],
      },
      { year: 2016, members: 100, contributions: 3600, payouts: 2000 },
    ]);
  });

  it('is read under its Chinese names (项目, 互助项目, 保障项目)', () => {
    for (const name of ['项目', '互助项目', '保障项目'])
      expect(
        rows(`year,members,contributions,payouts,${name}\n2015,100,3600,2000,住院\n`)[0].projects,
      ).toEqual(['住院']);
  });

  it('refuses 21 names or a name of 61 characters, at its line and column; 20 names of 60 pass', () => {
    const names = (n: number, len: number) => Array.from({ length: n }, (_, i) => `${i}`.padEnd(len, 'x'));
    expect(rows(`${HEAD}2015,100,3600,2000,${names(20, 60).join(';')}\n`)[0].projects).toHaveLength(20);
    const r = parseHistory(
      `${HEAD}2015,100,3600,2000,${names(21, 5).join(';')}\n2016,100,3600,2000,${names(1, 61)[0]}\n`,
    );
    const message = 'must be at most 20 project names, separated by semicolons, each at most 60 characters';
    expect(r).toEqual({
      ok: false,
      problems: [
        { path: 'line 2, projects', message },
        { path: 'line 3, projects', message },
      ],
    });
  });

  it('rows built in memory take a list of names, by the same rules', () => {
    const base = { year: 2015, members: 100, contributions: 3600, payouts: 2000 };
    expect(validate([{ ...base, projects: ['住院', '重大疾病'] }])).toEqual({
      ok: true,
      rows: [{ ...base, projects: ['住院', '重大疾病'] }],
    });
    expect(validate([{ ...base, projects: null }])).toEqual({ ok: true, rows: [base] });
    for (const bad of ['住院', [''], ['a;b'], [1], Array(21).fill('a'), ['x'.repeat(61)]])
      expect(validateHistoryRows([{ ...base, projects: bad }])).toEqual({
        ok: false,
        problems: [
          {
            path: 'row 1 (year 2015).projects',
            message: 'must be at most 20 project names, separated by semicolons, each at most 60 characters',
          },
        ],
      });
  });
});

describe('projects from one year to the next', () => {
  const checks = (text: string) =>
    analyseHistory(rows(text)).warnings.filter((w) => w.code === 'projects-changed');

  it('a project added and one dropped is a check on the later year, naming both', () => {
    const w = checks(`${HEAD}2015,100,3600,2000,住院;女职工\n2016,100,4800,3000,住院;重大疾病\n`);
    expect(w).toEqual([
      {
        year: 2016,
        code: 'projects-changed',
        field: 'projects',
        value: 2,
        note: { code: 'checkProjectsChanged', params: { added: ['重大疾病'], dropped: ['女职工'] } },
      },
    ]);
    expect(historyMessageText('en', w[0].note)).toBe(
      'the projects changed from the year before (added 重大疾病; dropped 女职工): its growth compares different schemes, not the same scheme grown',
    );
    expect(historyMessageText('zh', w[0].note)).toBe(
      '项目与上年不同（新增 重大疾病；不再包括 女职工）：增长率比较的是不同的方案，而非同一方案的增长',
    );
  });

  it('the same projects in another order, a year that does not say, or a gap between years is no check', () => {
    expect(checks(`${HEAD}2015,100,3600,2000,住院;女职工\n2016,100,3600,2000,女职工、住院\n`)).toEqual([]);
    expect(
      checks(`${HEAD}2015,100,3600,2000,住院\n2016,100,3600,2000,\n2017,100,3600,2000,重大疾病\n`),
    ).toEqual([]);
    expect(checks(`${HEAD}2015,100,3600,2000,住院\n2017,100,3600,2000,重大疾病\n`)).toEqual([]);
  });

  it('flags keep their figures: the payouts still grew faster than the income', () => {
    const a = analyseHistory(rows(`${HEAD}2015,100,3600,2000,住院\n2016,100,4800,4000,住院;重大疾病\n`));
    expect(a.flags.map((f) => f.code)).toEqual(['payout-growth-outpaces-contributions']);
    expect(a.years.map((y) => y.projects)).toEqual([['住院'], ['住院', '重大疾病']]);
  });
});

describe('the summary names the projects', () => {
  const text = (csv: string, lang: 'zh' | 'en') => projectsText(analyseHistory(rows(csv)), lang);
  it('once when every year has the same; year by year otherwise; nothing when no year says', () => {
    expect(text(`${HEAD}2015,100,3600,2000,住院;女职工\n2016,100,3600,2000,住院;女职工\n`, 'zh')).toBe(
      '项目：住院、女职工',
    );
    expect(text(`${HEAD}2015,100,3600,2000,住院\n2016,100,3600,2000,住院;女职工\n`, 'en')).toBe(
      'Projects: 2015 住院; 2016 住院, 女职工',
    );
    expect(text(`${HEAD}2015,100,3600,2000,住院\n2016,100,3600,2000,\n`, 'zh')).toBe('项目：2015 年 住院');
    expect(text(`${HEAD}2015,100,3600,2000,\n`, 'en')).toBe(null);
  });

  it('the bundled files: Hangzhou 2015 is one project; Wenzhou’s figures are every project’s', () => {
    expect(projectsText(analyseHistory(rows(data('hangzhou.csv'))), 'zh')).toBe(
      '项目：住院和规定病种门诊自负医疗费互助保障',
    );
    expect(projectsText(analyseHistory(rows(data('wenzhou.csv'))), 'en')).toBe('Projects: 全部互助保障项目');
  });
});
