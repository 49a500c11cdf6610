/**
 * src/engine/fft/chooseGrid.ts: the FFT grid (span h, size M, origin) from the Chernoff window
 * [lo, hi], the requested size, the payments' lattice and whether every payment lies on it. Worked
 * by hand from the module's rule:
 *
 *   from = max(0, lo), width = max(hi − from, lattice, 1e-6·max(1, hi)), h_min = width/(size − 2);
 *   no usable lattice (none, or g < h_min): h = h_min, M = size;
 *   lattice g ≥ h_min, not all on it: h = g/⌊g/h_min⌋, M = size;
 *   every payment on it: h = g, M = max(minSize, 2^⌈log₂(width/g + 2)⌉);
 *   origin = h·⌊from/h⌋.
 */
import { describe, expect, it } from 'vitest';
import { chooseGrid } from '../../../src/engine/fft/chooseGrid.ts';

describe('chooseGrid: no lattice', () => {
  it('h = width/(size − 2) from max(0, lo)', () => {
    // width 620 over 62 cells: h = 10; origin 10·⌊1005/10⌋ = 1000
    expect(chooseGrid(1005, 1625, 64, null, false)).toEqual({ h: 10, M: 64, origin: 1000 });
    // lo < 0 counts from 0: width 100, h = 100/62, origin 0
    expect(chooseGrid(-5, 100, 64, null, false)).toEqual({ h: 100 / 62, M: 64, origin: 0 });
    // size 32: width 300 over 30 cells, h = 10; origin 10·⌊40/10⌋ = 40
    expect(chooseGrid(40, 340, 32, null, true)).toEqual({ h: 10, M: 32, origin: 40 });
  });

  it('a window of (nearly) no width: at least 1e-6·max(1, hi)', () => {
    // lo = hi = 0: width 1e-6, h = 1e-6/62
    expect(chooseGrid(0, 0, 64, null, false)).toEqual({ h: 1e-6 / 62, M: 64, origin: 0 });
    // lo = hi = 5e6: width 1e-6·5e6 = 5, h = 5/62; origin h·⌊5e6/h⌋ = h·62,000,000
    const h = 5 / 62;
    expect(chooseGrid(5e6, 5e6, 64, null, false)).toEqual({ h, M: 64, origin: h * Math.floor(5e6 / h) });
    // hi below lo + 1e-6: width 1e-6 still
    expect(chooseGrid(0, 5e-7, 64, null, false)).toEqual({ h: 1e-6 / 62, M: 64, origin: 0 });
  });

  it('a lattice finer than h_min is not used', () => {
    expect(chooseGrid(1005, 1625, 64, 1, false)).toEqual({ h: 10, M: 64, origin: 1000 });
    expect(chooseGrid(1005, 1625, 64, 9.99, true)).toEqual({ h: 10, M: 64, origin: 1000 });
  });
});

describe('chooseGrid: a lattice g ≥ h_min', () => {
  it('not every payment on it: h = g/⌊g/h_min⌋', () => {
    // h_min = 10, g = 25: ⌊2.5⌋ = 2, h = 12.5; origin 12.5·⌊1005/12.5⌋ = 12.5·80 = 1000
    expect(chooseGrid(1005, 1625, 64, 25, false)).toEqual({ h: 12.5, M: 64, origin: 1000 });
    // g = 10 = h_min: h = 10
    expect(chooseGrid(1005, 1625, 64, 10, false)).toEqual({ h: 10, M: 64, origin: 1000 });
    // g = 30: ⌊3⌋ = 3, h = 10
    expect(chooseGrid(0, 620, 64, 30, false)).toEqual({ h: 10, M: 64, origin: 0 });
  });

  it('a lattice wider than the window widens it', () => {
    // width max(620, 1000) = 1000, h_min = 1000/62; g = 1000: ⌊62⌋ = 62, h = 1000/62
    expect(chooseGrid(0, 620, 64, 1000, false)).toEqual({ h: 1000 / 62, M: 64, origin: 0 });
    // every payment on it: h = 1000, M = max(64, 2^⌈log₂(1 + 2)⌉) = 64; with minSize 2: 4
    expect(chooseGrid(0, 620, 64, 1000, true)).toEqual({ h: 1000, M: 64, origin: 0 });
    expect(chooseGrid(0, 620, 64, 1000, true, 2)).toEqual({ h: 1000, M: 4, origin: 0 });
  });

  it('every payment on it: h = g, M the smallest power of two ≥ width/g + 2 (at least minSize)', () => {
    // width 620, g = 25: 24.8 + 2 = 26.8 → 32; minSize 64 → 64
    expect(chooseGrid(1005, 1625, 64, 25, true)).toEqual({ h: 25, M: 64, origin: 1000 });
    expect(chooseGrid(1005, 1625, 64, 25, true, 8)).toEqual({ h: 25, M: 32, origin: 1000 });
    // width 600 (h_min = 600/62), g = 20: 30 + 2 = 32 exactly → 32
    expect(chooseGrid(0, 600, 64, 20, true, 8)).toEqual({ h: 20, M: 32, origin: 0 });
    // g = 19.5: 600/19.5 + 2 = 32.77 → 64
    expect(chooseGrid(0, 600, 64, 19.5, true, 8)).toEqual({ h: 19.5, M: 64, origin: 0 });
    // width 6,200, size 64 (h_min 100), g = 200: 31 + 2 = 33 → 64
    expect(chooseGrid(0, 6200, 64, 200, true, 8)).toEqual({ h: 200, M: 64, origin: 0 });
    // origin on the lattice: 25·⌊1030/25⌋ = 1025
    expect(chooseGrid(1030, 1650, 64, 25, true, 8)).toEqual({ h: 25, M: 32, origin: 1025 });
  });

  it('g = h_min exactly counts as usable (the size then comes from minSize when larger)', () => {
    // size 32: width 300, h_min = 10 = g: h = 10, M = max(64, 2^⌈log₂ 32⌉) = 64
    expect(chooseGrid(40, 340, 32, 10, true)).toEqual({ h: 10, M: 64, origin: 40 });
    expect(chooseGrid(40, 340, 32, 10, true, 16)).toEqual({ h: 10, M: 32, origin: 40 });
  });
});
