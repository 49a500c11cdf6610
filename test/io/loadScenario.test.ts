/**
 * loadScenarioText: text to scenario in one step; a syntax error is one `(root)` problem of
 * kind `syntax` with its line and column, an invalid scenario lists its problems as `invalid`.
 */
import { describe, expect, it } from 'vitest';
import { SPEC_EXAMPLE_TEXT } from '../../src/io/example.ts';
import { loadScenarioText } from '../../src/io/loadScenario.ts';
import { MAX_JSON_BYTES } from '../../src/io/parseJson.ts';
import { wordedResult } from '../helpers/worded.ts';

describe('loadScenarioText', () => {
  it('loads the spec’s example', () => {
    expect(loadScenarioText(SPEC_EXAMPLE_TEXT)).toEqual({
      ok: true,
      scenario: JSON.parse(SPEC_EXAMPLE_TEXT),
    });
  });

  it('loads a file that starts with a byte order mark', () => {
    expect(loadScenarioText(`\uFEFF${SPEC_EXAMPLE_TEXT}`).ok).toBe(true);
  });

  it('a syntax error is one (root) problem saying line and column', () => {
    expect(wordedResult(loadScenarioText('{\n  "format": "huzhu-scenario/1",\n}'))).toEqual({
      ok: false,
      kind: 'syntax',
      problems: [
        {
          path: '(root)',
          message:
            'not valid JSON at line 3, column 1: unexpected "}", expected a field name in double quotes',
        },
      ],
    });
  });

  it('a text that is too large is a syntax problem without a position', () => {
    const tooLarge = loadScenarioText(' '.repeat(MAX_JSON_BYTES + 1));
    expect(tooLarge).toEqual({
      ok: false,
      kind: 'syntax',
      problems: [{ path: '(root)', code: 'tooLarge', params: { mb: 10 } }],
    });
    expect(wordedResult(tooLarge)).toMatchObject({
      problems: [{ path: '(root)', message: 'the text is larger than 10 MB' }],
    });
  });

  it('valid JSON that is not a valid scenario is invalid, with every problem', () => {
    expect(wordedResult(loadScenarioText('{"format": "huzhu-scenario/1", "name": "x"}'))).toEqual({
      ok: false,
      kind: 'invalid',
      problems: ['members', 'contributions', 'risks', 'benefits'].map((path) => ({
        path,
        message: 'is required',
      })),
    });
  });

  it('its problems read in Chinese too', () => {
    expect(wordedResult(loadScenarioText('[1,'), 'zh')).toEqual({
      ok: false,
      kind: 'syntax',
      problems: [
        { path: '(root)', message: '不是有效的 JSON，第 1 行第 4 列：文本提前结束（有括号或引号没有闭合）' },
      ],
    });
  });
});
