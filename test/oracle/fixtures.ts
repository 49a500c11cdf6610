/**
 * The oracle's test scenarios (test/fixtures/oracle/*.json), read twice: by the project's
 * validator for the engine (a fixture that does not validate fails here), and as plain JSON by the
 * oracle's own reader. Test code only: the oracle itself (random, scenario, benefits, period,
 * project, stats) imports nothing from src/.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Scenario } from '../../src/domain/scenario.ts';
import { loadScenarioText } from '../../src/io/loadScenario.ts';
import { problemLines } from '../helpers/worded.ts';
import { readOracleScenario, type OracleScenario } from './scenario.ts';

export const ORACLE_FIXTURES = join(import.meta.dirname, '../fixtures/oracle');

export function oracleFixtureFiles(): string[] {
  return readdirSync(ORACLE_FIXTURES)
    .filter((f) => f.endsWith('.json'))
    .sort();
}

export function readFixture(file: string): { engine: Scenario; oracle: OracleScenario } {
  const text = readFileSync(join(ORACLE_FIXTURES, file), 'utf8');
  const loaded = loadScenarioText(text);
  if (!loaded.ok) throw new Error(`${file}: ${problemLines(loaded.problems)}`);
  return { engine: loaded.scenario, oracle: readOracleScenario(JSON.parse(text)) };
}
