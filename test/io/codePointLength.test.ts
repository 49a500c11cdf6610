/** Text length in characters (code points), as names are limited. */
import { expect, it } from 'vitest';
import { codePointLength } from '../../src/io/codePointLength.ts';

it.each([
  ['', 0],
  ['abc', 3],
  ['互助', 2],
  ['杭州 🏥', 4],
  ['🏥'.repeat(200), 200],
  ['\uD800', 1],
  ['\uDC00\uD800', 2],
])('codePointLength(%j) is %i, as many as the string iterator gives', (text, n) => {
  expect(codePointLength(text)).toBe(n);
  expect(codePointLength(text)).toBe([...text].length);
});
