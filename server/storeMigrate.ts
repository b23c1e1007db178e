// `npm run store:migrate -- --from sqlite:<dir> --to postgres://…`: moves an instance's maps from its
// SQLite file to PostgreSQL (see copyStore.ts). Stop the instance first; run again after an
// interruption, it resumes.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { copySqliteToPostgres } from './storage/copyStore';
import { SQLITE_FILE_NAME } from './storage/openStore';

const usage = 'usage: npm run store:migrate -- --from sqlite:<data dir or .sqlite file> --to postgres://…';
const { values } = parseArgs({ options: { from: { type: 'string' }, to: { type: 'string' } } });
if (!values.from?.startsWith('sqlite:') || !/^postgres(ql)?:\/\//.test(values.to ?? '')) {
  console.error(usage);
  process.exit(2);
}
const given = values.from.slice('sqlite:'.length);
const file = given.endsWith('.sqlite') ? given : path.join(given, SQLITE_FILE_NAME);
if (!fs.existsSync(file)) {
  console.error(`no SQLite store at ${file}`);
  process.exit(2);
}
const report = await copySqliteToPostgres(file, values.to!, (id, outcome) => console.log(`${outcome} ${id}`));
console.log(
  `${report.copied.length} maps copied, ${report.skipped.length} already there; verified: ${
    report.mismatched.length === 0
      ? 'every map’s state vector and keys equal'
      : `${report.mismatched.length} differ`
  }`,
);
if (report.mismatched.length > 0) {
  console.error(`maps that differ: ${report.mismatched.join(', ')}`);
  process.exit(1);
}
