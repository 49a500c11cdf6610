/** The samplers of `src/random`, one per file; each is `factory(source)(params) => () => number`. */
export { createStream, type Source, type Stream } from './source.ts';
export { randomNormal, standardNormal } from './normal.ts';
export { randomLognormal } from './lognormal.ts';
export { randomGamma, randomGammaMeanCv } from './gamma.ts';
export { randomPareto } from './pareto.ts';
export { randomEmpirical } from './empirical.ts';
export { randomFixed } from './fixed.ts';
export { randomPoisson, poissonOf } from './poisson.ts';
export { randomNegativeBinomial } from './negativeBinomial.ts';
export { randomBinomial } from './binomial.ts';
export { costSampler, daysSampler } from './samplers.ts';
