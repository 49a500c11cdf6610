/**
 * The JSON Schema for editors: generated from the validator's own zod definitions, and the
 * checked-in src/io/huzhu-scenario.schema.json is exactly what `npm run schema` writes now.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { SCENARIO_SCHEMA_ID, scenarioJsonSchema } from '../../src/io/jsonSchema.ts';

const checkedIn = readFileSync(new URL('../../src/io/huzhu-scenario.schema.json', import.meta.url), 'utf8');

type Node = {
  properties: Record<string, Node & Record<string, unknown>>;
  required?: string[];
  items?: Node & { oneOf?: Node[] };
} & Record<string, unknown>;

describe('the JSON Schema', () => {
  it('accepts both formats, and members as a count or as groups (exactly one)', () => {
    const s = scenarioJsonSchema() as Node;
    const members = s.properties.members;
    expect(members.oneOf).toEqual([{ required: ['count'] }, { required: ['groups'] }]);
    expect(members.required).toBeUndefined();
    const group = members.properties.groups.items as Node;
    expect(group.required).toEqual(['id', 'count']);
    expect(group.properties.holdings.items?.properties.shares).toMatchObject({
      type: 'integer',
      minimum: 1,
      maximum: 100,
    });
    expect(group.properties.holdings.items?.properties.fraction).toMatchObject({
      exclusiveMinimum: 0,
      maximum: 1,
    });
    const limit = s.properties.limits.items as Node;
    expect(limit.required).toEqual(['id', 'benefits', 'cap']);
    expect(limit.properties.cap).toMatchObject({ exclusiveMinimum: 0 });
    expect(Object.keys(s.properties.contributions.items?.properties ?? {})).toEqual([
      'payer',
      'amount',
      'perShare',
      'groups',
    ]);
  });

  it('the checked-in schema file equals the generated one (run `npm run schema` after changing schema.ts)', async () => {
    // Loaded afresh: schema.ts builds its zod schema once and keeps it, so a test that reuses the
    // one built by an earlier test would never see a mutant of a description, a range or a
    // field (docs/mutation.md, "Mutants in code run at load").
    vi.resetModules();
    const fresh = await import('../../src/io/jsonSchema.ts');
    expect(checkedIn).toBe(fresh.scenarioJsonSchemaText());
  });

  it('has an $id, a title and a description, and is draft 2020-12', () => {
    const s = scenarioJsonSchema();
    expect(s).toMatchObject({
      $id: SCENARIO_SCHEMA_ID,
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      title: 'huzhu scenario (huzhu-scenario/2; also reads huzhu-scenario/1)',
    });
    expect(typeof s.description).toBe('string');
  });

  it('requires the spec’s required fields, refuses unknown ones and allows a "$schema" string', () => {
    const s = scenarioJsonSchema() as Node;
    expect(s.required).toEqual(['format', 'name', 'members', 'contributions', 'risks', 'benefits']);
    expect(s.additionalProperties).toBe(false);
    expect(s.properties.format).toMatchObject({ enum: ['huzhu-scenario/1', 'huzhu-scenario/2'] });
    expect(s.properties.$schema).toMatchObject({ type: 'string' });
  });

  it('carries the ranges editors can check: integers, bounds, lengths in characters, list sizes', () => {
    const s = scenarioJsonSchema() as Node;
    expect(s.properties.members.properties.count).toMatchObject({
      type: 'integer',
      minimum: 1,
      maximum: 100_000_000,
    });
    expect(s.properties.name).toMatchObject({ type: 'string', minLength: 1, maxLength: 200 });
    expect(s.properties.contributions).toMatchObject({ type: 'array', minItems: 1, maxItems: 20 });
    expect(s.properties.fund.properties.expenseRate).toMatchObject({ minimum: 0, exclusiveMaximum: 1 });
    const [costRisk] = s.properties.risks.items?.oneOf ?? [];
    const one = { type: 'number', exclusiveMinimum: 0, maximum: 1 };
    expect(costRisk.properties.rate).toMatchObject({
      anyOf: [one, { type: 'object', additionalProperties: one }],
    });
    expect(costRisk.required).toEqual(['id', 'kind', 'rate', 'cost']);
  });
});
