import { describe, expect, it } from 'vitest';
import { canonicalScenario } from '../../src/io/serialise.ts';
import {
  fragmentText,
  fromBase64Url,
  readShareFragment,
  shareFragment,
  SHARE_PREFIX,
  toBase64Url,
} from '../../src/ui/share.ts';
import { readScenarioFile, scenarioFiles } from '../helpers/scenarios.ts';
import { wordedResult } from '../helpers/worded.ts';

describe('share links', () => {
  it('base64url round-trips every byte value, with no padding and no + or /', () => {
    const bytes = Uint8Array.from({ length: 256 * 3 + 1 }, (_, i) => (i * 7) % 256);
    const text = toBase64Url(bytes);
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(fromBase64Url(text)).toEqual(bytes);
  });
  it('refuses text that is not base64url', () => {
    expect(fromBase64Url('a+b/')).toBeNull();
    expect(fromBase64Url('abcde')).toBeNull(); // a length of 4k + 1 cannot be base64
  });
  it.each(scenarioFiles())('%s round-trips through a link, compressed', async (file) => {
    const s = readScenarioFile(file);
    const fragment = await shareFragment(s);
    expect(fragment.startsWith(SHARE_PREFIX)).toBe(true);
    expect(fragment.length).toBeLessThan(JSON.stringify(canonicalScenario(s)).length);
    const back = await readShareFragment(fragment);
    expect(back).toEqual({ ok: true, scenario: s });
  });
  it('reads a link written without compression (a browser without CompressionStream)', async () => {
    const s = readScenarioFile('hangzhou-2016.json');
    const plain = SHARE_PREFIX + toBase64Url(new TextEncoder().encode(JSON.stringify(canonicalScenario(s))));
    expect(await fragmentText(plain)).toBe(JSON.stringify(canonicalScenario(s)));
    expect(await readShareFragment(plain)).toEqual({ ok: true, scenario: s });
  });
  it('says the link is damaged when it is not base64url, not deflate and not JSON text', async () => {
    const broken = await readShareFragment('#s=not+base64');
    expect(broken).toEqual({ ok: false, problems: [{ path: '(root)', code: 'linkBroken', params: {} }] });
    expect(wordedResult(broken, 'zh')).toEqual({
      ok: false,
      problems: [{ path: '(root)', message: '链接已损坏或不完整' }],
    });
    expect(wordedResult(await readShareFragment('#s=AAAA'))).toEqual({
      ok: false,
      problems: [{ path: '(root)', message: 'the link is damaged or incomplete' }],
    });
  });
  it('gives the validator’s problems, with their paths, for a link to an invalid scenario', async () => {
    const bad = { ...canonicalScenario(readScenarioFile('jiaxing-2015.json')), members: { count: -5 } };
    const back = await readShareFragment(
      SHARE_PREFIX + toBase64Url(new TextEncoder().encode(JSON.stringify(bad))),
    );
    expect(back.ok).toBe(false);
    if (!back.ok) expect(back.problems.map((p) => p.path)).toContain('members.count');
  });
});
