/**
 * The shape of the message catalogue: per area, one parameter table (code → params, declared
 * once beside the code that raises it) and per language one text table
 * `{ [code]: (params) => string }`. A table that misses a code, has a code too many or reads a
 * parameter the code does not carry is a compile error. Only the shells (src/cli, src/ui) put
 * codes into words; the engine, history and benefits return `{ code, params }`.
 */
import type { Lang } from '../domain/format.ts';

export type { Lang };

export const LANGS: readonly Lang[] = ['zh', 'en'];

/** The texts of one area in one language. */
export type Texts<P> = { readonly [C in keyof P]-?: (p: P[C]) => string };

/** The texts of one area in every language. */
export type Catalogue<P> = { readonly [L in Lang]: Texts<P> };

/** The text of `{ code, params }` from a table (the union's code picks its parameter type). */
export function say<P, C extends keyof P>(texts: Texts<P>, m: { code: C; params: P[C] }): string {
  return texts[m.code](m.params);
}
