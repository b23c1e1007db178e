import { type OutputUnit, Validator } from '@cfworker/json-schema';
import { parseKbo } from '../mapping/cells';
import { type ImportProblem, problem } from '../problems';
import { decodeText } from '../read/decodeText';
import type { KetenKaartDocument } from './jsonElements';
import { KETENKAART_FORMAT, KETENKAART_SCHEMA } from './ketenkaartSchema';

export type JsonRead =
  | { readonly ok: true; readonly document: KetenKaartDocument }
  | { readonly ok: false; readonly problems: readonly ImportProblem[] };

/** At most this many schema problems are listed: the first ones show what is wrong. */
const MAX_PROBLEMS = 20;

/**
 * @cfworker/json-schema interprets the schema without generating code, so it runs under the app's
 * Content-Security-Policy (`script-src 'self'`, no eval), in the browser and in Node alike.
 */
let validator: Validator | null = null;

/** Parses and validates a `ketenkaart/1` file; ids must be unique within each collection. */
export function readJson(file: string, bytes: Uint8Array): JsonRead {
  let value: unknown;
  try {
    value = JSON.parse(decodeText(bytes).text);
  } catch {
    return { ok: false, problems: [problem('jsonSyntax', { file })] };
  }
  const format =
    typeof value === 'object' && value !== null ? (value as { format?: unknown }).format : undefined;
  if (format !== KETENKAART_FORMAT) {
    return {
      ok: false,
      problems: [problem('jsonFormat', { file }, { found: typeof format === 'string' ? format : '' })],
    };
  }
  validator ??= new Validator(KETENKAART_SCHEMA as never, '2020-12', false);
  const result = validator.validate(value);
  if (!result.valid) return { ok: false, problems: schemaProblems(file, result.errors) };
  const document = value as KetenKaartDocument;
  const invalid = [...duplicateIds(file, document), ...invalidKbos(file, document)];
  return invalid.length > 0 ? { ok: false, problems: invalid } : { ok: true, document };
}

const INVALID_VALUE = new Set([
  'type',
  'enum',
  'const',
  'pattern',
  'maxLength',
  'minLength',
  'maxItems',
  'minimum',
]);

function schemaProblems(file: string, errors: readonly OutputUnit[]): ImportProblem[] {
  const seen = new Set<string>();
  const out: ImportProblem[] = [];
  for (const e of errors) {
    const path = e.instanceLocation.replace(/^#\/?/, '');
    let code: ImportProblem['code'] | null = null;
    let column = path;
    if (e.keyword === 'required') {
      code = 'jsonMissingField';
      const name = /"([^"]+)"/.exec(e.error)?.[1] ?? '';
      column = path === '' ? name : `${path}/${name}`;
    } else if (e.keyword === 'false') {
      code = 'jsonUnknownField';
    } else if (INVALID_VALUE.has(e.keyword)) {
      code = 'jsonInvalidValue';
    }
    if (code === null || seen.has(column)) continue;
    seen.add(column);
    out.push(problem(code, { file, column }, { field: column }));
    if (out.length === MAX_PROBLEMS) break;
  }
  return out;
}

/** The schema checks ten digits; the check digits are checked here, as for a spreadsheet cell. */
function invalidKbos(file: string, doc: KetenKaartDocument): ImportProblem[] {
  const out: ImportProblem[] = [];
  doc.actors.forEach((actor, i) => {
    if (!actor.kbo) return;
    const result = parseKbo(actor.kbo);
    if (!result.ok) out.push(problem(result.code, { file, column: `actors/${i}/kbo` }, result.params));
  });
  return out;
}

function duplicateIds(file: string, doc: KetenKaartDocument): ImportProblem[] {
  const out: ImportProblem[] = [];
  const collections = ['phases', 'actors', 'links', 'notes', 'versions'] as const;
  for (const collection of collections) {
    const seen = new Set<string>();
    (doc[collection] ?? []).forEach((element, i) => {
      if (seen.has(element.id)) {
        out.push(problem('duplicateId', { file, column: `${collection}/${i}/id` }, { value: element.id }));
      }
      seen.add(element.id);
    });
  }
  return out;
}
