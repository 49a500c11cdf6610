/**
 * Fast (binary floating point) evaluation of a benefit, for the Monte Carlo engine and
 * for building sampling tables. Same formulas as exact.ts without the decimal arithmetic
 * and without rounding to the fen; agrees with the exact value to within a fen
 * (test/benefits/fast.test.ts checks that on many random inputs).
 *
 * `payFast(b)` returns a closure specialised for the benefit, so that evaluating it
 * allocates nothing and branches on nothing but the input.
 */
import type { Benefit } from '../domain/scenario.ts';

export function payFast(b: Benefit): (at: number) => number {
  switch (b.type) {
    case 'bands': {
      const n = b.bands.length;
      const lower = new Float64Array(n);
      const upper = new Float64Array(n);
      const rate = new Float64Array(n);
      let lo = 0;
      for (let i = 0; i < n; i++) {
        const up = b.bands[i].upTo;
        lower[i] = lo;
        upper[i] = up === null ? Infinity : up;
        rate[i] = b.bands[i].rate;
        lo = upper[i];
      }
      const deductible = b.deductible ?? 0;
      const cap = b.cap ?? Infinity;
      return (x) => {
        const over = x - deductible;
        let sum = 0;
        for (let i = 0; i < n && over > lower[i]; i++) {
          sum += rate[i] * ((over < upper[i] ? over : upper[i]) - lower[i]);
        }
        return sum < cap ? sum : cap;
      };
    }
    case 'steps': {
      const { from, step, perStep } = b;
      const cap = b.cap ?? Infinity;
      return (x) => {
        if (x <= from) return 0;
        const pay = perStep * Math.floor((x - from) / step);
        return pay < cap ? pay : cap;
      };
    }
    case 'daily': {
      const { perDay } = b;
      const maxDays = b.maxDays ?? Infinity;
      return (d) => {
        const days = Math.floor(d);
        return perDay * (days < 0 ? 0 : days < maxDays ? days : maxDays);
      };
    }
    case 'lump-sum': {
      const { amount } = b;
      const cap = b.cap ?? Infinity;
      return (k) => {
        const pay = amount * (k < 0 ? 0 : Math.floor(k));
        return pay < cap ? pay : cap;
      };
    }
  }
}
