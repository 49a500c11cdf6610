/**
 * `validate` on format `/2` files: every valid example prints `ok: <name>` (exit 0); a broken one
 * prints one `path: message` line per problem on stderr, in the file's order (exit 1), whatever the
 * rule: holdings, rates by group, the waiting amount, a limit across risks, a `/2` field in a
 * `/1` file.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.ts';

const VALID = join(ROOT, 'test/fixtures/format2');
const INVALID = join(ROOT, 'test/fixtures/format2-invalid');

const NEEDS_2 = (field: string) =>
  `"${field}" needs format huzhu-scenario/2 (this file says huzhu-scenario/1; change "format" to use it)`;

/** Each broken file's stderr, line by line. */
const EXPECTED: Record<string, string[]> = {
  'format-1-with-groups.json': [
    `members.groups: ${NEEDS_2('groups')}`,
    'members.count: is required',
    `benefits[0].perShare: ${NEEDS_2('perShare')}`,
  ],
  'groups-holdings-rates.json': [
    'members.groups[0].holdings: the fractions must add up to 1 (they add up to 1.000000002)',
    'risks[0].rate.retire: names no group in members.groups (known: in-service, retired)',
    'risks[0].rate.retired: is required (the risk exposes group "retired")',
    'benefits[2].waitingAmount: needs waitingDays (it is what an event in the waiting period pays)',
  ],
  'limit-across-risks.json': [
    'limits[0].benefits[2]: benefit "critical" pays for risk "critical", but "self-pay" pays for risk ' +
      '"inpatient": a limit covers the benefits of one risk (a limit across risks needs a model of one ' +
      'member’s claims across risks, which the format does not define)',
  ],
};

describe('validate reads format /2', () => {
  it.each(readdirSync(VALID).filter((f) => f.endsWith('.json')))(
    'prints ok for test/fixtures/format2/%s',
    (file) => {
      const r = runCli(['validate', join(VALID, file)]);
      const name = (JSON.parse(readFileSync(join(VALID, file), 'utf8')) as { name: string }).name;
      expect(r).toEqual({ code: 0, stdout: `ok: ${name}\n`, stderr: '' });
    },
  );

  it('has an expectation for every broken file', () => {
    expect(readdirSync(INVALID).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.entries(EXPECTED))(
    'refuses %s with one `path: message` line per problem (exit 1)',
    (file, lines) => {
      const r = runCli(['validate', join(INVALID, file)]);
      expect(r).toEqual({ code: 1, stdout: '', stderr: `${lines.join('\n')}\n` });
    },
  );
});
