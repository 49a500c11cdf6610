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
declare module 'fft.js';
