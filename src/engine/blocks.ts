/**
 * The block plan of a run: iterations cut into fixed blocks, block i drawing only from the
 * random stream (seed, i). A block's result depends on nothing else, so one worker or eight,
 * in any order, give byte-identical results (docs/cli.md, "Conventions": reproducibility).
 */
export interface Block {
  /** Stream index, also the block's index. */
  stream: number;
  /** First iteration of the block. */
  start: number;
  count: number;
}

/** Iterations per block: small enough to balance two to eight workers and report progress. */
export const BLOCK_SIZE = 250;

export function planBlocks(iterations: number, blockSize = BLOCK_SIZE): Block[] {
  const blocks: Block[] = [];
  for (let start = 0, stream = 0; start < iterations; start += blockSize, stream++) {
    blocks.push({ stream, start, count: Math.min(blockSize, iterations - start) });
  }
  return blocks;
}
