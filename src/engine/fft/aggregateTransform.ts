/**
 * The distribution of S_h on a given grid by one FFT round trip:
 *
 *   per compound component:  Y_h on the grid → Ŷ = FFT(Y_h mod M) → factor G(Ŷ[k])
 *       Poisson counts:       G = exp(λ·(Ŷ − 1))
 *       Gamma-mixed counts:   G = (1 − β·(Ŷ − 1))^{−r},  r = 1/cv², β = λ·cv²  (negative binomial)
 *   per capped event risk:   its own pmf (cappedEventPmf.ts) placed on the grid → factor FFT(it)
 *   Ŝ[k] = Π factors (independent components),  pmf of S_h mod M·h = IFFT(Ŝ),
 *
 * read in the window [origin, origin + M·h) (the FFT works modulo M·h, so mass outside the window
 * wraps around into it; chernoff.ts bounds how much). Sign conventions are fft.js's, the same
 * forward and back, so Ŷ[k] = φ_Y(−2πk/(Mh)) and G is applied to the conjugate cf throughout.
 * Powers use the principal logarithm: 1 − β(Ŷ − 1) has real part ≥ 1, so no branch is crossed.
 *
 * Frequencies where one factor is below 1e-20 in modulus are set to 0 without computing the
 * rest (every cf has modulus ≤ 1): for a large scheme the total is smooth on the grid's scale
 * and almost the whole spectrum is skipped. The error is at most 1e-20 per frequency, so at
 * most 1e-20 per grid point after the inverse transform. Negative round-off (~1e-17) is set to 0
 * and its total returned (`negativeMass`): far above round-off it means the transform went wrong.
 */
import type { Grid } from './chooseGrid.ts';
import { claimPmf, onGrid } from './claimPmf.ts';
import { compoundCgf, pmfCgf, sumCgf, type Cgf } from './chernoff.ts';
import type { CappedEventPmf } from './cappedEventPmf.ts';
import type { Component } from './buildComponents.ts';
import { addAtom, type Rounding } from './discretise.ts';
import { realFft } from './realFft.ts';
import type { RoundingUnits } from './roundingDeviation.ts';

export interface TransformResult {
  /** pmf[i] = P(S_h ≡ origin + i·h mod M·h). */
  pmf: Float64Array;
  /** Λ of S_h (for the aliasing bound). */
  cgf: Cgf;
  /** Whether every payment lies on the grid (S_h = S). */
  exact: boolean;
  units: RoundingUnits;
  /** Σ of the negative values the inverse transform gave (set to 0 in `pmf`), as a positive number. */
  negativeMass: number;
}

/** −ln 1e-20: factors smaller than e^{−SKIP} in modulus end a frequency. */
const SKIP = 46.0517;

export function aggregateTransform(
  components: Component[],
  events: Map<Component, CappedEventPmf>,
  grid: Grid,
  mode: Rounding,
): TransformResult {
  const { h, M } = grid;
  const fft = realFft(M);
  const H = M / 2;
  const { spec, buf, out, raw } = scratch(M);
  spec.fill(0);
  for (let k = 0; k <= H; k++) spec[2 * k] = 1;
  const cgfs: Cgf[] = [];
  const units: RoundingUnits = { counts: [], fixed: 0 };
  let exact = true;
  for (const c of components) {
    buf.fill(0);
    if (c.kind === 'compound') {
      const claim = claimPmf(c, h, mode);
      fold(claim.pmf, buf);
      fft.forward(buf, out);
      applyCompound(spec, out, H, c.lambda, c.rateCv);
      cgfs.push(compoundCgf(claim.pmf, h, c.lambda, c.rateCv));
      units.counts.push({ lambda: c.lambda, rateCv: c.rateCv, terms: claim.splitTerms, span: h });
      exact &&= claim.splitTerms === 0;
    } else {
      const own = events.get(c)!;
      const embedded = onGrid(own.span, h) && onGrid(own.origin, h);
      const top = new Float64Array(Math.ceil((own.origin + own.pmf.length * own.span) / h) + 2);
      for (let i = 0; i < own.pmf.length; i++)
        if (own.pmf[i] > 0) addAtom(top, own.origin + i * own.span, own.pmf[i], h, mode);
      fold(top, buf);
      fft.forward(buf, out);
      applyPlain(spec, out, H);
      cgfs.push(pmfCgf(own.pmf, own.span, embedded ? 0 : h, own.origin));
      if (own.splitPerEvent)
        units.counts.push({ lambda: own.events, rateCv: c.rateCv, terms: 1, span: own.span });
      if (!embedded) units.fixed++;
      exact &&= embedded && !own.splitPerEvent;
    }
  }
  fft.inverse(spec, raw);
  const pmf = new Float64Array(M);
  const shift = Math.round(grid.origin / h) % M;
  let negativeMass = 0;
  for (let i = 0; i < M; i++) {
    const p = raw[(shift + i) & (M - 1)];
    if (p > 0) pmf[i] = p;
    else negativeMass -= p;
  }
  return { pmf, cgf: sumCgf(cgfs), exact, units, negativeMass };
}

/** Adds pmf (any length) into buf modulo its length (a power of two). */
function fold(pmf: Float64Array, buf: Float64Array): void {
  const mask = buf.length - 1;
  for (let j = 0; j < pmf.length; j++) buf[j & mask] += pmf[j];
}

/** Work buffers per grid size, reused from call to call (the pmf returned is always fresh). */
const buffers = new Map<
  number,
  { spec: Float64Array; buf: Float64Array; out: Float64Array; raw: Float64Array }
>();
function scratch(M: number) {
  let b = buffers.get(M);
  if (!b) {
    b = {
      spec: new Float64Array(M + 2),
      buf: new Float64Array(M),
      out: new Float64Array(2 * M),
      raw: new Float64Array(M),
    };
    buffers.set(M, b);
  }
  return b;
}

function applyCompound(spec: Float64Array, y: Float64Array, H: number, lambda: number, cv: number): void {
  const r = cv > 0 ? 1 / (cv * cv) : 0;
  const beta = lambda * cv * cv;
  const qMax = r > 0 ? Math.expm1((2 * SKIP) / r) : 0;
  for (let k = 0; k <= H; k++) {
    const sr = spec[2 * k],
      si = spec[2 * k + 1];
    if (sr === 0 && si === 0) continue;
    const yr = y[2 * k],
      yi = y[2 * k + 1];
    let logMod: number, arg: number;
    if (r > 0) {
      // z = 1 − β(Ŷ − 1) = (1 + d) + i·e;  |z|² − 1 = d(2 + d) + e²;  z^{−r}
      const d = beta * (1 - yr),
        e = -beta * yi;
      const q = d * (2 + d) + e * e;
      if (q > qMax) {
        spec[2 * k] = 0;
        spec[2 * k + 1] = 0;
        continue;
      }
      logMod = -0.5 * r * Math.log1p(q);
      arg = -r * Math.atan2(e, 1 + d);
    } else {
      logMod = lambda * (yr - 1);
      if (logMod < -SKIP) {
        spec[2 * k] = 0;
        spec[2 * k + 1] = 0;
        continue;
      }
      arg = lambda * yi;
    }
    const mod = Math.exp(logMod);
    const fr = mod * Math.cos(arg),
      fi = mod * Math.sin(arg);
    spec[2 * k] = sr * fr - si * fi;
    spec[2 * k + 1] = sr * fi + si * fr;
  }
}

function applyPlain(spec: Float64Array, f: Float64Array, H: number): void {
  for (let k = 0; k <= H; k++) {
    const sr = spec[2 * k],
      si = spec[2 * k + 1];
    if (sr === 0 && si === 0) continue;
    const fr = f[2 * k],
      fi = f[2 * k + 1];
    if (fr * fr + fi * fi < 1e-40) {
      spec[2 * k] = 0;
      spec[2 * k + 1] = 0;
      continue;
    }
    spec[2 * k] = sr * fr - si * fi;
    spec[2 * k + 1] = sr * fi + si * fr;
  }
}
