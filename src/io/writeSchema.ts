/**
 * `npm run schema`: writes huzhu-scenario.schema.json (next to this file) from jsonSchema.ts.
 * A build script, not part of the app: the only file in io/ that touches node:fs.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { scenarioJsonSchemaText } from './jsonSchema.ts';

const target = fileURLToPath(new URL('./huzhu-scenario.schema.json', import.meta.url));
writeFileSync(target, scenarioJsonSchemaText());
console.log(`wrote ${target}`);
