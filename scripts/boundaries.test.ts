import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ROOT_NAMES } from '../shared/model/layout';
import {
  checkRepository,
  checkSource,
  LAYOUT_MODULE,
  ROOT_ACCESS_EXEMPT,
  sourceFiles,
  YJS_EXEMPT,
} from './boundaries';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const check = (file: string, text: string) => checkSource(file, text, ROOT_NAMES).map((v) => v.rule);

describe('architecture boundaries', () => {
  it('holds across the repository: yjs only in its rooms, the doc’s roots only through the layout', () => {
    expect(checkRepository(root, ROOT_NAMES)).toEqual([]);
  });

  it('refuses yjs outside the model, versions, persistence, sync, session and server, in every form', () => {
    expect(check('client/src/ui/editor/x.tsx', "import * as Y from 'yjs';")).toEqual(['yjs-import']);
    expect(check('client/src/canvas/x.test.ts', "import type { Doc } from 'yjs';")).toEqual(['yjs-import']);
    expect(check('shared/analysis/x.ts', "export { Doc } from 'yjs';")).toEqual(['yjs-import']);
    expect(check('bench/x.bench.ts', "const Y = await import('yjs');")).toEqual(['yjs-import']);
    expect(check('e2e/x.spec.ts', "type D = import('yjs').Doc;")).toEqual(['yjs-import']);
    expect(check('scripts/x.mjs', "const Y = require('yjs/dist/yjs.cjs');")).toEqual(['yjs-import']);
    for (const allowed of [
      'shared/model/x.ts',
      'shared/versions/x.ts',
      'client/src/persistence/x.ts',
      'client/src/sync/x.ts',
      'client/src/session/x.test.ts',
      'server/reliability/x.test.ts',
    ])
      expect(check(allowed, "import * as Y from 'yjs';"), allowed).toEqual([]);
    expect(check('client/src/ui/x.ts', "import { WebsocketProvider } from 'y-websocket';")).toEqual([]);
  });

  it('refuses reaching a root by name outside the layout module', () => {
    expect(check('shared/model/ChainMap.ts', "doc.getMap('actors');")).toEqual(['root-access']);
    expect(check('shared/model/x.test.ts', 'doc.getArray(name);')).toEqual(['root-access']);
    expect(check('client/src/ui/x.ts', "doc.getMap('nodes');")).toEqual(['root-access']);
    expect(check('bench/x.bench.ts', "doc.get('activityLog', Y.Map);")).toEqual(['root-access']);
    expect(check('server/x.test.ts', "doc.getMap('meta');")).toEqual(['root-access']);
    // Content-agnostic server docs and SQL statement handles named getMap are fine.
    expect(check('server/x.test.ts', "doc.getMap('nodes'); stmts.getMap.get(id);")).toEqual([]);
    expect(check('client/src/x.ts', "cache.get('actors'); params.get(key, fallback);")).toEqual([]);
    expect(check(LAYOUT_MODULE, 'doc.getMap(name);')).toEqual([]);
  });

  it('keeps its exemptions explicit: each names an existing file that needs it', () => {
    for (const file of Object.keys(YJS_EXEMPT)) {
      expect(existsSync(path.join(root, file)), file).toBe(true);
      const text = readFileSync(path.join(root, file), 'utf8');
      expect(
        checkSource(`needs/${file}`, text, ROOT_NAMES).some((v) => v.rule === 'yjs-import'),
        file,
      ).toBe(true);
    }
    for (const file of Object.keys(ROOT_ACCESS_EXEMPT)) {
      expect(existsSync(path.join(root, file)), file).toBe(true);
      const text = readFileSync(path.join(root, file), 'utf8');
      expect(
        checkSource(`shared/needs/${file}`, text, ROOT_NAMES).some((v) => v.rule === 'root-access'),
      ).toBe(true);
    }
    expect(sourceFiles(root)).toContain(LAYOUT_MODULE);
  });
});
