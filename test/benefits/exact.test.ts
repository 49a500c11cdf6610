import { describe, expect, it } from 'vitest';
import { maximumPayment, payExact } from '../../src/benefits/exact.ts';
import { beijing, hangzhou, jiaxing, jiaxingDaily, wenzhou } from '../helpers/fixtures.ts';

const pays = (b: Parameters<typeof payExact>[0], at: number | string) => payExact(b, at).toNumber();

describe('bands', () => {
  it('Hangzhou pays 6,500 at a self-paid 12,000 (200 + 4,500 + 1,800)', () => {
    expect(pays(hangzhou, 12000)).toBe(6500);
  });
  it('Hangzhou pays 200.03 at 1,000.05: 200.025 rounded half up to the fen, once, after the cap', () => {
    expect(pays(hangzhou, '1000.05')).toBe(200.03);
    expect(payExact(hangzhou, 1000.05).toFixed(2)).toBe('200.03');
  });
  it('Hangzhou pays its maximum 30,200 = 200 + 4,500 + 4,500 + 21,000 at 50,000 and above', () => {
    expect(pays(hangzhou, 50000)).toBe(30200);
    expect(pays(hangzhou, 49999)).toBe(30199.4);
    expect(pays(hangzhou, 1e9)).toBe(30200);
    expect(maximumPayment(hangzhou)).toBe(30200);
  });
  it('Hangzhou pays each band boundary by hand: 200 at 1,000, 4,700 at 10,000, 9,200 at 15,000, nothing at 0', () => {
    expect(pays(hangzhou, 0)).toBe(0);
    expect(pays(hangzhou, 1000)).toBe(200);
    expect(pays(hangzhou, 10000)).toBe(4700);
    expect(pays(hangzhou, 15000)).toBe(9200);
  });
  it('Jiaxing pays half the self-paid cost up to 30,000', () => {
    expect(pays(jiaxing, 10000)).toBe(5000);
    expect(pays(jiaxing, 60000)).toBe(30000);
    expect(pays(jiaxing, 75000.5)).toBe(30000);
    expect(pays(jiaxing, 0.01)).toBe(0.01); // 0.005 half up
  });
  it('a deductible shifts every band: 50% above 500 pays 350 at 1,200', () => {
    const b = { ...hangzhou, deductible: 500, bands: [{ upTo: 1000, rate: 0.5 }], cap: undefined };
    expect(pays(b, 1200)).toBe(350);
    expect(pays(b, 400)).toBe(0);
    expect(pays(b, 5000)).toBe(500);
  });
  it('a band with rate 0 pays nothing across it', () => {
    const b = {
      ...hangzhou,
      bands: [
        { upTo: 1000, rate: 0 },
        { upTo: null, rate: 0.5 },
      ],
      cap: undefined,
    };
    expect(pays(b, 3000)).toBe(1000);
  });
});

describe('steps', () => {
  it('Wenzhou pays 2,000 at a self-paid 45,000 (two full 10,000s above 20,000)', () => {
    expect(pays(wenzhou, 45000)).toBe(2000);
  });
  it('Wenzhou pays nothing up to 29,999.99 and 1,000 from 30,000', () => {
    expect(pays(wenzhou, 20000)).toBe(0);
    expect(pays(wenzhou, '29999.99')).toBe(0);
    expect(pays(wenzhou, 30000)).toBe(1000);
  });
  it('Wenzhou pays at most 50,000', () => {
    expect(pays(wenzhou, 520000)).toBe(50000);
    expect(pays(wenzhou, 5e8)).toBe(50000);
  });
});

describe('daily allowance and lump sums', () => {
  it('Jiaxing pays 30 a day for at most 15 days', () => {
    expect(pays(jiaxingDaily, 10)).toBe(300);
    expect(pays(jiaxingDaily, 15)).toBe(450);
    expect(pays(jiaxingDaily, 40)).toBe(450);
    expect(pays(jiaxingDaily, 0)).toBe(0);
  });
  it('Beijing pays 4,000 per light illness, at most 16,000 in a period', () => {
    expect(pays(beijing, 1)).toBe(4000);
    expect(pays(beijing, 3)).toBe(12000);
    expect(pays(beijing, 4)).toBe(16000);
    expect(pays(beijing, 7)).toBe(16000);
    expect(maximumPayment(beijing)).toBe(16000);
  });
});
