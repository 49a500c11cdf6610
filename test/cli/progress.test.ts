/**
 * The progress line of long runs (docs/cli.md, "Progress"): on a terminal, simulate, compare and
 * project rewrite one line on stderr with the share done and the time left, and erase it at the
 * end; nothing on a pipe or with --quiet; stdout stays clean for --json.
 * The terminal is a pseudo-terminal from util-linux `script` (part of every Debian system).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { terminalProgress } from '../../src/cli/progress.ts';
import { CLI, ROOT, runCli } from '../helpers/cli.ts';

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
const ESC = '\x1b';
const ERASE = `\r${ESC}[K`;

/**
 * Runs the command with stderr on a pseudo-terminal and stdout into a file: returns what the
 * terminal showed (stderr only) and what stdout received.
 */
function onTerminal(args: string[]) {
  const out = join(mkdtempSync(join(tmpdir(), 'huzhu-progress-')), 'stdout');
  const command = [process.execPath, CLI, ...args].map(quote).join(' ');
  const r = spawnSync('script', ['-qfec', `${command} > ${quote(out)}`, '/dev/null'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: r.status, terminal: r.stdout, stdout: readFileSync(out, 'utf8') };
}

/** The percentages drawn on a terminal, in order. */
const percents = (terminal: string) =>
  [...terminal.matchAll(/\r(?:simulating|模拟中) (\d+)%/g)].map((m) => Number(m[1]));

const SIMULATE = ['simulate', 'scenarios/hangzhou-2016.json', '--iterations', '4000', '--workers', '1'];
const COMPARE = [
  'compare',
  'scenarios/wenzhou-2014.json',
  'scenarios/wenzhou-2015.json',
  '--iterations',
  '2000',
  '--workers',
  '1',
];
const PROJECT = ['project', 'scenarios/hangzhou-2016.json', '--years', '3', '--iterations', '1000'];

describe('on a terminal', () => {
  it('simulate --json: a progress line on stderr, rewritten in place and erased at the end; stdout is the JSON alone', () => {
    const r = onTerminal([...SIMULATE, '--json', '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.terminal).toMatch(
      new RegExp(`^\\rsimulating \\d+%, (estimating time left…|about \\d+ (s|min) left)${ESC}\\[K`),
    );
    expect(r.terminal.endsWith(ERASE)).toBe(true);
    expect(r.terminal).not.toContain('\n'); // one line, rewritten: never a new line
    const shown = percents(r.terminal);
    expect(shown.length).toBeGreaterThanOrEqual(1);
    expect(shown).toEqual([...shown].sort((a, b) => a - b)); // the share done never goes back
    expect(shown.every((p) => p >= 0 && p <= 100)).toBe(true);
    expect(JSON.parse(r.stdout).iterations).toBe(4000);
    expect(r.stdout).toBe(runCli([...SIMULATE, '--json', '--lang', 'en']).stdout); // as on a pipe
  }, 120_000);

  it('compare and project show it too, in Chinese by default; the report follows on stdout unchanged', () => {
    for (const args of [COMPARE, PROJECT]) {
      const r = onTerminal(args);
      expect(r.code, args[0]).toBe(0);
      expect(r.terminal, args[0]).toMatch(/^\r模拟中 \d+%，/);
      expect(r.terminal.endsWith(ERASE), args[0]).toBe(true);
      expect(r.stdout, args[0]).toBe(runCli(args).stdout);
    }
  }, 240_000);

  it('with --quiet: nothing at all on stderr', () => {
    for (const args of [SIMULATE, COMPARE, PROJECT]) {
      const r = onTerminal([...args, '--quiet']);
      expect(r.code, args[0]).toBe(0);
      expect(r.terminal, args[0]).toBe('');
      expect(r.stdout.length, args[0]).toBeGreaterThan(0);
    }
  }, 240_000);
});

describe('not on a terminal (a pipe)', () => {
  it('simulate, compare and project print nothing on stderr, and --json stdout parses', () => {
    for (const args of [SIMULATE, COMPARE, PROJECT]) {
      const r = runCli([...args, '--json']);
      expect(r.code, args[0]).toBe(0);
      expect(r.stderr, args[0]).toBe('');
      expect(() => JSON.parse(r.stdout), args[0]).not.toThrow();
    }
  }, 240_000);
});

describe('the progress line', () => {
  /** A line over a fake clock; returns what it wrote. */
  function drawn(reports: [ms: number, fraction: number][], lang: 'zh' | 'en' = 'en') {
    let now = 0;
    const written: string[] = [];
    const line = terminalProgress({ write: (s: string) => written.push(s) }, lang, {
      intervalMs: 100,
      now: () => now,
    });
    for (const [ms, fraction] of reports) {
      now = ms;
      line.update(fraction);
    }
    line.clear();
    return written;
  }

  it('time left is the rate since the first report applied to the rest: 10% more in 2 s, 70% to go → 14 s', () => {
    // 0.1 at 1 s, 0.3 at 3 s: 0.1 per second; 0.7 left → 7 s; at 0.5 after 5 s: 0.5 left → 5 s.
    expect(
      drawn([
        [1000, 0.1],
        [3000, 0.3],
        [5000, 0.5],
      ]),
    ).toEqual([
      '\rsimulating 10%, estimating time left…\x1b[K',
      '\rsimulating 30%, about 7 s left\x1b[K',
      '\rsimulating 50%, about 5 s left\x1b[K',
      ERASE,
    ]);
  });

  it('redraws at most every 100 ms (but always at 100%), and says minutes past a minute', () => {
    expect(
      drawn(
        [
          [0, 0],
          [50, 0.001],
          [150, 0.002],
          [160, 1],
        ],
        'zh',
      ),
    ).toEqual([
      '\r模拟中 0%，估算剩余时间…\x1b[K',
      '\r模拟中 0%，约剩 2 分钟\x1b[K', // 0.002 in 0.15 s: 0.998 / (0.002 / 0.15) = 74.85 s
      '\r模拟中 100%，约剩 0 秒\x1b[K',
      ERASE,
    ]);
  });

  it('erases nothing when nothing was drawn', () => {
    expect(drawn([])).toEqual([]);
  });
});
