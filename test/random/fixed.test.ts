import { describe, expect, it } from 'vitest';
import { randomFixed } from '../../src/random/fixed.ts';
import { createStream } from '../../src/random/source.ts';

const source = () => createStream('test', 0).next;

describe('randomFixed', () => {
  it('is the constant value and draws nothing from the source', () => {
    const next = source();
    const f = randomFixed(next)(7);
    expect([f(), f()]).toEqual([7, 7]);
    expect(next()).toBe(source()());
  });
});
