/**
 * The Hurwitz zeta function ζ(s, q) = Σ_{k≥0} (q + k)^(−s), for s > 1 and q > 0, in double
 * precision (relative error a few ulps), by Euler–Maclaurin summation as in Cephes `zeta.c`:
 * the first N terms directly, until a = q + N > 9 + s (none when q is already that large),
 * then the rest in closed form,
 *   Σ_{k≥N} (q + k)^(−s) = a^(1−s)/(s − 1) + a^(−s)/2 + Σ_{j=1}^{12} B_{2j}/(2j)! · s(s+1)…(s+2j−2) · a^(−s−2j+1),
 * where the dropped remainder is below the last term kept (the series is asymptotic; its j-th
 * term is about 2(s)_{2j−1}/(2πa)^{2j} of a^(−s), so at a > 9 + s the twelfth is below 1e-19 of the sum).
 * Cost: at most 10 + s powers and 12 multiplications — independent of q, where a direct sum of
 * a tail decaying like k^(−1.1) needs millions of terms.
 *
 * With `scale` r, returns r^s·ζ(s, q) = Σ_{k≥0} (r/(q + k))^s, each power taken of the ratio: for r ≤ q no term exceeds 1, so neither r^s nor ζ(s, q) is formed
 * alone (one overflows and the other underflows at s = 1,000, and their product would be NaN).
 *
 * Returns NaN for s ≤ 1 or q ≤ 0 (the series diverges, or has a pole), and for NaN arguments.
 * @example hurwitzZeta(2, 1) === π²/6 (to the last bit or two); hurwitzZeta(s, 1) is Riemann's ζ(s).
 */

/** (2j)!/B_{2j}, j = 1..12 (Cephes `A[]`). */
const A = [
  12.0, -720.0, 30240.0, -1209600.0, 47900160.0, -1.8924375803183791606e9, 7.47242496e10,
  -2.950130727918164224e12, 1.1646782814350067249e14, -4.5979787224074726105e15, 1.8152105401943546773e17,
  -7.1661652561756670113e18,
];

export function hurwitzZeta(s: number, q: number, scale = 1): number {
  if (!(s > 1) || !(q > 0) || !(scale > 0)) return NaN;
  const power = scale === 1 ? (a: number) => Math.pow(a, -s) : (a: number) => Math.pow(scale / a, s);
  let sum = 0;
  let a = q;
  for (; a <= 9 + s; a++) sum += power(a);
  const w = power(a);
  sum += (a * w) / (s - 1) + w / 2;
  // Σ_j (s)_{2j−1} a^(−s−2j+1) / A_j, with (s)_{2j−1} = s(s+1)…(s+2j−2).
  let k = 0;
  let fac = w / a; // (r^s) a^(−s−1), times the rising factorial below
  let rising = s;
  for (let j = 0; j < A.length; j++) {
    const term = (rising * fac) / A[j];
    sum += term;
    if (Math.abs(term) < 1e-17 * sum) break;
    rising *= (s + k + 1) * (s + k + 2);
    k += 2;
    fac /= a * a;
  }
  return sum;
}
