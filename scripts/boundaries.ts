import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/**
 * The architecture's two import boundaries, checked over the source (tests and benchmarks included)
 * by `boundaries.test.ts`:
 *
 * 1. `yjs` is imported only by the model, the versions' checkpoint encoding, the client's
 *    persistence, sync and session layers, and the server. Everything else works through the
 *    model's typed API (`ChainMap`, `MapUndoManager`, `shared/model/replicas.ts` for tests).
 * 2. Only `shared/model/layout.ts` reaches a KetenKaart doc's roots by name (`getMap`, `getArray`,
 *    ...). The server and some benchmarks handle content-agnostic docs with roots of their own
 *    (`nodes`), so there only the KetenKaart root names are refused; in client/ and shared/ every
 *    such call is.
 *
 * Exemptions are listed here, each with its reason; the test fails when one goes stale.
 */

export const YJS_FOLDERS: readonly string[] = [
  'shared/model/',
  'shared/versions/',
  'client/src/persistence/',
  'client/src/sync/',
  'client/src/session/',
  'server/',
];

export const YJS_EXEMPT: Readonly<Record<string, string>> = {
  'bench/docGrowth.bench.ts': 'compares the rejected Yjs-snapshot design for versions with checkpoints',
  'bench/storage.bench.ts': 'measures server storage on content-agnostic docs',
  'bench/fanout.bench.ts': 'measures the server relay with stock y-websocket clients',
  'bench/lib/stampLoad.ts':
    'the cluster and capacity benches: stock y-websocket clients against the stock server and ours',
  'bench/localStore.bench.ts': "measures the client's stored-update layer against y-dexie",
  'shared/testing/convergenceScenario.ts':
    'exchanges raw updates between peers in random order, as the network does',
  'shared/testing/heavyYear.ts':
    'records the updates a year of workshops relays, for the server and shape tests to replay',
  'shared/testing/hostileUpdates.ts':
    'builds valid Yjs updates no KetenKaart client writes, for the reliability tests',
  'bench/lib/textFieldCost.ts': 'writes schema-1 docs (plain-string text fields) as the baseline for Y.Text',
};

export const LAYOUT_MODULE = 'shared/model/layout.ts';

export const ROOT_ACCESS_EXEMPT: Readonly<Record<string, string>> = {
  'shared/model/layout.test.ts': "pins the roots' wire names against the raw Yjs API",
};

/** Folders whose docs are always KetenKaart docs: no root access by any name outside the layout. */
const KETENKAART_ONLY: readonly string[] = ['client/', 'shared/', 'e2e/'];

const ROOT_ACCESSORS = new Set(['getMap', 'getArray', 'getText', 'getXmlFragment', 'getXmlElement']);
const Y_TYPE = /^(Y\.)?(Map|Array|Text|XmlFragment|XmlElement|AbstractType)$/;

export interface Violation {
  readonly file: string;
  readonly line: number;
  readonly rule: 'yjs-import' | 'root-access';
  readonly detail: string;
}

/** The violations in one source file; `file` is its path from the repository root, with `/`. */
export function checkSource(file: string, text: string, rootNames: readonly string[]): Violation[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, scriptKind(file));
  const out: Violation[] = [];
  const yjsAllowed = YJS_FOLDERS.some((f) => file.startsWith(f)) || file in YJS_EXEMPT;
  const rootsAllowed = file === LAYOUT_MODULE || file in ROOT_ACCESS_EXEMPT;
  const anyNameRefused = KETENKAART_ONLY.some((f) => file.startsWith(f));
  const report = (node: ts.Node, rule: Violation['rule'], detail: string) => {
    const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
    out.push({ file, line, rule, detail });
  };

  const visit = (node: ts.Node): void => {
    const specifier = moduleSpecifier(node);
    if (specifier !== null && isYjs(specifier) && !yjsAllowed) report(node, 'yjs-import', specifier);
    if (ts.isCallExpression(node) && !rootsAllowed) {
      const access = rootAccess(node);
      if (access) {
        const { method, name } = access;
        const refused = anyNameRefused || (name !== null && rootNames.includes(name));
        if (refused) report(node, 'root-access', `${method}(${name === null ? '…' : `'${name}'`})`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

function scriptKind(file: string): ts.ScriptKind {
  if (file.endsWith('.tsx')) return ts.ScriptKind.TSX;
  if (/\.[cm]?js$/.test(file)) return ts.ScriptKind.JS;
  return ts.ScriptKind.TS;
}

function isYjs(specifier: string): boolean {
  return specifier === 'yjs' || specifier.startsWith('yjs/');
}

/** The module an import, export, `import()`, `require()` or `import('…').T` type names. */
function moduleSpecifier(node: ts.Node): string | null {
  if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier)
    return ts.isStringLiteral(node.moduleSpecifier) ? node.moduleSpecifier.text : null;
  if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
    const e = node.moduleReference.expression;
    return ts.isStringLiteral(e) ? e.text : null;
  }
  if (ts.isCallExpression(node)) {
    const isImport = node.expression.kind === ts.SyntaxKind.ImportKeyword;
    const isRequire = ts.isIdentifier(node.expression) && node.expression.text === 'require';
    const arg = node.arguments[0];
    if ((isImport || isRequire) && arg && ts.isStringLiteralLike(arg)) return arg.text;
  }
  if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
    const lit = node.argument.literal;
    return ts.isStringLiteral(lit) ? lit.text : null;
  }
  return null;
}

/** `x.getMap(name)` and its kin, or `doc.get(name, Y.Map)`; `name` null when not a literal. */
function rootAccess(call: ts.CallExpression): { method: string; name: string | null } | null {
  if (!ts.isPropertyAccessExpression(call.expression)) return null;
  const method = call.expression.name.text;
  const isAccessor = ROOT_ACCESSORS.has(method);
  const typed = call.arguments[1];
  const isTypedGet = method === 'get' && call.arguments.length === 2 && typed && Y_TYPE.test(typed.getText());
  if (!isAccessor && !isTypedGet) return null;
  const first = call.arguments[0];
  return { method, name: first && ts.isStringLiteralLike(first) ? first.text : null };
}

const SOURCE_DIRS = ['client', 'shared', 'server', 'bench', 'e2e', 'scripts'];
const SKIP = new Set(['node_modules', 'dist', 'test-results', 'playwright-report']);
const SOURCE_FILE = /\.(tsx?|[cm]ts|[cm]?js)$/;

/** Every source file of the repository at `root`, as paths from the root with `/`. */
export function sourceFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
      if (SKIP.has(entry.name)) continue;
      const rel = dir ? `${dir}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (dir || SOURCE_DIRS.includes(entry.name)) walk(rel);
      } else if (SOURCE_FILE.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(rel);
    }
  };
  walk('');
  return out.sort();
}

export function checkRepository(root: string, rootNames: readonly string[]): Violation[] {
  return sourceFiles(root).flatMap((file) =>
    checkSource(file, readFileSync(path.join(root, file), 'utf8'), rootNames),
  );
}
