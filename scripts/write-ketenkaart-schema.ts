/**
 * Writes docs/ketenkaart-1.schema.json from the schema the importer validates with
 * (shared/interchange/json/ketenkaartSchema.ts). Run: npx tsx scripts/write-ketenkaart-schema.ts
 * A unit test fails when the two differ.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { KETENKAART_SCHEMA } from '../shared/interchange/json/ketenkaartSchema';

export const SCHEMA_DOC = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  '../docs/ketenkaart-1.schema.json',
);

export function schemaDocText(): string {
  return `${JSON.stringify(KETENKAART_SCHEMA, null, 2)}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  fs.writeFileSync(SCHEMA_DOC, schemaDocText());
  console.log(`Wrote ${path.relative(process.cwd(), SCHEMA_DOC)}`);
}
