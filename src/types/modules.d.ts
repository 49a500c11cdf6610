// Type declarations for packages that ship none.
declare module 'seedrandom/lib/alea' {
  interface AleaPrng {
    (): number;
    int32(): number;
    double(): number;
    quick(): number;
  }
  function alea(seed?: string): AleaPrng;
  export default alea;
}
/**
 * fft.js 4 (Fedor Indutny, MIT): radix-4 FFT of a power-of-two size ≥ 2. Complex arrays are
 * interleaved `[re0, im0, re1, im1, …]` of length 2·size; any indexable numeric array works
 * (we pass Float64Array). Forward transforms use e^{−2πi·kn/size}; `inverseTransform` uses
 * e^{+2πi·kn/size} and divides by size. `realTransform` writes bins 0..size/2 only (the rest of
 * `out` is scratch; `completeSpectrum` fills it by symmetry). `out` and `data` must differ.
 */
declare module 'fft.js' {
  type Numbers = Float64Array | number[];
  class FFT {
    constructor(size: number);
    readonly size: number;
    createComplexArray(): number[];
    toComplexArray(input: ArrayLike<number>, storage?: Numbers): Numbers;
    fromComplexArray(complex: ArrayLike<number>, storage?: Numbers): Numbers;
    completeSpectrum(spectrum: Numbers): void;
    transform(out: Numbers, data: ArrayLike<number>): void;
    realTransform(out: Numbers, data: ArrayLike<number>): void;
    inverseTransform(out: Numbers, data: ArrayLike<number>): void;
  }
  export default FFT;
}
