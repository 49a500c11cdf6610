/**
 * erfc by Numerical Recipes' Chebyshev fit (erfcc, relative error < 1.2e-7) and Φ(x) = ½ erfc(−x/√2):
 * a normal distribution written independently of src/stats, for tests that check the code against it.
 */
export function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t *
                      (-0.18628806 +
                        t *
                          (0.27886807 +
                            t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? r : 2 - r;
}

/** The standard normal distribution function. */
export const phi = (x: number): number => erfc(-x / Math.SQRT2) / 2;
