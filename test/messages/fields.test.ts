import { describe, expect, it } from 'vitest';
import { diffScenarios } from '../../src/engine/diff.ts';
import { changeLine, fieldPathWords, valueWords } from '../../src/messages/fields.ts';
import { readScenarioFile } from '../helpers/scenarios.ts';

describe('changes in words', () => {
  const changes = diffScenarios(
    readScenarioFile('hangzhou-2015-old-table.json'),
    readScenarioFile('hangzhou-2016.json'),
  );
  it('writes Hangzhou’s cap change with grouped numbers, and names the field in each language', () => {
    const cap = changes.find((c) => c.path === 'benefits[0].cap')!;
    expect(changeLine(cap, 'zh')).toBe('benefits[0].cap：13,700 → 30,200（给付项目 1 · 最高给付）');
    expect(changeLine(cap, 'en')).toBe('benefits[0].cap: 13,700 → 30,200 (Benefit 1 · Maximum)');
  });
  it('writes a list element added in one version against "(none)", by its fields’ names', () => {
    const band = changes.find((c) => c.path === 'benefits[0].bands[3]')!;
    expect(valueWords(band.from, 'en')).toBe('(none)');
    expect(valueWords(band.to, 'en')).toBe('Up to 50,000 · Rate 0.6');
    expect(fieldPathWords(band.path, 'en')).toBe('Benefit 1 · Band 4');
  });
  it('writes the fields of format /2: holdings, a switch, a limit', () => {
    expect(fieldPathWords('members.groups[1].holdings', 'zh')).toBe('会员 · 人群 2 · 持有份数');
    expect(
      valueWords(
        [
          { shares: 1, fraction: 0.8 },
          { shares: 2, fraction: 0.2 },
        ],
        'zh',
      ),
    ).toBe('(份数 1 · 占比 0.8) (份数 2 · 占比 0.2)');
    expect(valueWords(true, 'zh')).toBe('是');
    expect(valueWords(false, 'en')).toBe('no');
    expect(valueWords({ id: 'total', benefits: ['self-pay', 'allowance'], cap: 40000 }, 'en')).toBe(
      'Id “total” · Benefit self-pay, allowance · Maximum 40,000',
    );
  });
  it('quotes texts and shortens long ones', () => {
    expect(valueWords('杭州', 'zh')).toBe('「杭州」');
    expect(valueWords('x'.repeat(100), 'en')).toBe(`“${'x'.repeat(59)}…”`);
    expect(valueWords(0.45, 'en')).toBe('0.45');
  });
  it('keeps a field it has no name for as the file names it', () => {
    expect(fieldPathWords('risks[0].unknownField', 'en')).toBe('Risk 1 · unknownField');
  });
});
