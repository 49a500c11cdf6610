import { describe, expect, it } from 'vitest';
import { diffScenarios } from '../../src/engine/diff.ts';
import { describeChange, formatValue, pathWords } from '../../src/ui/changes.ts';
import { readScenarioFile } from '../helpers/scenarios.ts';

describe('changes in words', () => {
  const changes = diffScenarios(
    readScenarioFile('hangzhou-2015-old-table.json'),
    readScenarioFile('hangzhou-2016.json'),
  );
  it('writes Hangzhou’s cap change with grouped numbers, and names the field in each language', () => {
    const cap = changes.find((c) => c.path === 'benefits[0].cap')!;
    expect(describeChange(cap, 'zh')).toEqual({
      path: 'benefits[0].cap',
      what: '给付项目 1 · 最高给付',
      from: '13,700',
      to: '30,200',
    });
    expect(describeChange(cap, 'en').what).toBe('Benefit 1 · Maximum');
  });
  it('writes a list element added in one version against "(none)"', () => {
    const band = describeChange(
      changes.find((c) => c.path === 'benefits[0].bands[3]')!,
      'en',
    );
    expect(band.from).toBe('(none)');
    expect(band.to).toBe('Up to 50,000 · Rate 0.6');
    expect(band.what).toBe('Benefit 1 · Band 4');
  });
  it('quotes texts and shortens long ones', () => {
    expect(formatValue('杭州', 'zh')).toBe('「杭州」');
    expect(formatValue('x'.repeat(100), 'en')).toBe(`“${'x'.repeat(59)}…”`);
    expect(formatValue(0.45, 'en')).toBe('0.45');
  });
  it('keeps a field it has no name for as the file names it', () => {
    expect(pathWords('risks[0].unknownField', 'en')).toBe('Risk 1 · unknownField');
  });
});
