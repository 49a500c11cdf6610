/**
 * The few platform APIs that the pure layers (domain, stats, random, benefits, io, engine,
 * history, charts) may use: those that browsers and Node both provide with the same meaning.
 * tsconfig.core.json compiles those layers with the ECMAScript library only (no DOM, no
 * @types/node), so any other platform call there (document, window, process, fetch, setTimeout…)
 * is a type error. Add a declaration here only for an API that exists in both, and declare only
 * what the code uses. The main tsconfig also reads this file, next to the DOM and Node
 * declarations: each declaration here must merge with theirs (same interface names, same types).
 */

/** Deep copy by the structured-clone algorithm (HTML standard; Node ≥ 17). */
declare function structuredClone<T>(value: T): T;

/** High-resolution time in ms (High Resolution Time standard; a global in Node ≥ 16). */
interface Performance {
  now(): number;
}
// eslint-disable-next-line no-var -- a global must be declared with var to merge with the DOM's and Node's
declare var performance: Performance;

/** A run's cancellation (DOM standard; Node ≥ 15): the engine only passes it on to a runner. */
interface AbortSignal {
  readonly aborted: boolean;
}
