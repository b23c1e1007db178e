import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMPARE_STROKES } from './compareColours';

/**
 * Design tokens stay the only source of colours and sizes: a literal colour anywhere in the client
 * outside the token files fails here, as does a `var(--kk-…)` that tokens.css does not declare.
 */

const SRC = join(import.meta.dirname, '..');
const TOKEN_FILES = new Set(['theme/tokens.css', 'theme/compareColours.ts', 'theme/presenceColours.ts']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(css|tsx?)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** The file without comments, so that prose may name a colour. */
function code(path: string): string {
  const text = readFileSync(path, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
  return path.endsWith('.css') ? text : text.replace(/^\s*\/\/.*$/gm, '');
}

const LITERAL_COLOUR = /#[0-9a-f]{3,8}\b|\b(?:rgba?|hsla?|hwb|oklch|lab|lch)\(/gi;
const NAMED_COLOUR =
  /:[^;{}]*?(?<![\w-])(white|black|red|green|blue|gray|grey|yellow|orange|purple|pink)(?![\w-])/gi;

const tokens = readFileSync(join(SRC, 'theme/tokens.css'), 'utf8');
const declared = new Map(
  [...tokens.matchAll(/(--kk-[\w-]+):\s*([^;]+);/g)].map((m) => [m[1]!, m[2]!.trim()]),
);

function resolve(value: string): string {
  const ref = /^var\((--kk-[\w-]+)\)$/.exec(value);
  return ref ? resolve(declared.get(ref[1]!) ?? value) : value;
}

describe('design tokens', () => {
  const files = sourceFiles(SRC).map((path) => ({ path, name: relative(SRC, path) }));

  it('are the only place a colour is written out', () => {
    const offenders: string[] = [];
    for (const { path, name } of files) {
      if (TOKEN_FILES.has(name)) continue;
      const text = code(path);
      for (const m of text.matchAll(LITERAL_COLOUR)) offenders.push(`${name}: ${m[0]}`);
      if (name.endsWith('.css'))
        for (const m of text.matchAll(NAMED_COLOUR)) offenders.push(`${name}: ${m[1]}`);
    }
    expect(offenders).toEqual([]);
  });

  it('give every font size in CSS', () => {
    const offenders = files
      .filter(({ name }) => name.endsWith('.css') && !TOKEN_FILES.has(name))
      .flatMap(({ path, name }) =>
        [...code(path).matchAll(/font-size:\s*([^;]+);/g)]
          .filter((m) => !m[1]!.startsWith('var(--kk-'))
          .map((m) => `${name}: ${m[1]}`),
      );
    expect(offenders).toEqual([]);
  });

  it('declare every token the code refers to', () => {
    const missing = new Set<string>();
    for (const { path } of files) {
      for (const m of code(path).matchAll(/var\((--kk-[\w-]+)/g))
        if (!declared.has(m[1]!)) missing.add(m[1]!);
    }
    expect([...missing]).toEqual([]);
  });

  it('give the compare strokes in TypeScript the values of their CSS tokens', () => {
    expect(resolve('var(--kk-deco-added)')).toBe(COMPARE_STROKES.added);
    expect(resolve('var(--kk-deco-changed)')).toBe(COMPARE_STROKES.changed);
    expect(resolve('var(--kk-deco-removed)')).toBe(COMPARE_STROKES.removed);
  });
});
