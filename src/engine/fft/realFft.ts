/**
 * Real-input FFTs of a power-of-two size M on top of fft.js (radix-4, MIT; see
 * src/types/modules.d.ts for its conventions).
 *
 * - `forward(x, out)`: X[k] = Σ_n x[n]·e^{−2πi·kn/M} for k = 0..M/2, interleaved into
 *   `out[2k]`, `out[2k+1]` (`out` has length 2M: fft.js uses the rest as scratch). The other
 *   half of the spectrum is the complex conjugate, X[M − k] = conj X[k].
 * - `inverse(spec, x)`: the real x with that (Hermitian) half spectrum, x[n] = (1/M)·Σ_k X[k]·e^{+2πi·kn/M},
 *   by one complex inverse FFT of size M/2 (half the work of a full one): with
 *   E[k] = (X[k] + conj X[M/2 − k])/2 and O[k] = e^{2πik/M}·(X[k] − conj X[M/2 − k])/2 the
 *   transforms of the even and odd samples, z = IFFT_{M/2}(E + i·O) holds x[2n] + i·x[2n+1].
 *
 * Instances are cached by size (their twiddle tables take a while to build) and keep their own
 * scratch buffers, so a transform allocates nothing. Not re-entrant (JavaScript never is).
 */
import FFT from 'fft.js';

export interface RealFft {
  size: number;
  forward(x: Float64Array, out: Float64Array): void;
  inverse(spec: Float64Array, x: Float64Array): void;
}

const cache = new Map<number, RealFft>();

/** The real FFT of size M (a power of two ≥ 4), cached. */
export function realFft(M: number): RealFft {
  let f = cache.get(M);
  if (!f) {
    f = makeRealFft(M);
    cache.set(M, f);
  }
  return f;
}

function makeRealFft(M: number): RealFft {
  if (M < 4 || (M & (M - 1)) !== 0) throw new RangeError(`FFT size ${M} is not a power of two ≥ 4`);
  const full = new FFT(M);
  const half = new FFT(M / 2);
  const H = M / 2;
  const packed = new Float64Array(M);
  const cos = new Float64Array(H);
  const sin = new Float64Array(H);
  for (let k = 0; k < H; k++) {
    cos[k] = Math.cos((2 * Math.PI * k) / M);
    sin[k] = Math.sin((2 * Math.PI * k) / M);
  }
  return {
    size: M,
    forward(x, out) {
      full.realTransform(out, x);
    },
    inverse(spec, x) {
      for (let k = 0; k < H; k++) {
        const ar = spec[2 * k],
          ai = spec[2 * k + 1];
        const br = spec[2 * (H - k)],
          bi = -spec[2 * (H - k) + 1]; // conj X[H − k]
        const er = 0.5 * (ar + br),
          ei = 0.5 * (ai + bi);
        const dr = 0.5 * (ar - br),
          di = 0.5 * (ai - bi);
        const or = dr * cos[k] - di * sin[k],
          oi = dr * sin[k] + di * cos[k];
        packed[2 * k] = er - oi; // E + i·O
        packed[2 * k + 1] = ei + or;
      }
      half.inverseTransform(x, packed); // x as H interleaved complex numbers: x[2n] + i·x[2n+1]
    },
  };
}
