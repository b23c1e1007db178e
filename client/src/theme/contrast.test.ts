import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMPARE_STROKES } from './compareColours';

/**
 * WCAG 2.1 contrast of the colours that carry meaning on the canvas: link kinds (warm, cold,
 * partnership, membership, information), actor kinds against their fills, and the compare states.
 * Non-text contrast (1.4.11) asks 3:1 against what they sit on; the canvas, the lanes' bands and a
 * card's fill are that. Text contrast (1.4.3) is checked by axe in the e2e runs.
 */

const TOKENS = readFileSync(join(import.meta.dirname, 'tokens.css'), 'utf8');
const DECLARED = new Map(
  [...TOKENS.matchAll(/(--kk-[\w-]+):\s*([^;]+);/g)].map((m) => [m[1]!, m[2]!.trim()]),
);

type Rgba = [number, number, number, number];

function resolve(token: string): Rgba {
  let value = DECLARED.get(token);
  for (let hops = 0; value?.startsWith('var('); hops++) {
    if (hops > 10) throw new Error(`${token}: var() chain too long`);
    value = DECLARED.get(value.slice(4, -1).trim());
  }
  if (!value) throw new Error(`${token} is not declared in tokens.css`);
  return parse(value);
}

function parse(value: string): Rgba {
  const hex = /^#([0-9a-f]{6})$/i.exec(value);
  if (hex) {
    const n = Number.parseInt(hex[1]!, 16);
    return [(n >> 16) & 255, (n >> 8) & 255, n & 255, 1];
  }
  const rgb = /^rgb\((\d+) (\d+) (\d+)(?: \/ ([\d.]+))?\)$/.exec(value);
  if (rgb) return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3]), rgb[4] ? Number(rgb[4]) : 1];
  throw new Error(`cannot read colour ${value}`);
}

/** A translucent colour painted over an opaque one. */
function over(top: Rgba, bottom: Rgba): Rgba {
  const a = top[3];
  return [0, 1, 2].map((i) => top[i]! * a + bottom[i]! * (1 - a)) as unknown as Rgba;
}

function luminance([r, g, b]: Rgba): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

function contrast(a: Rgba, b: Rgba): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const canvas = resolve('--kk-bg');
/** What a link or a card's outline can sit on: the canvas and the two lane bands over it. */
const BACKGROUNDS: Record<string, Rgba> = {
  canvas,
  'lane band': over(resolve('--kk-slate-100-a70'), canvas),
  'alternate lane band': over(resolve('--kk-slate-200-a45'), canvas),
  card: resolve('--kk-surface'),
};

const LINK_TOKENS = [
  '--kk-link-warm',
  '--kk-link-cold',
  '--kk-link-partnership',
  '--kk-link-membership',
  '--kk-link-information',
];
const KINDS = ['service', 'partner', 'collaboration', 'handover', 'target-group', 'role'];

function shortfalls(colours: Record<string, Rgba>, backgrounds: Record<string, Rgba>, min: number): string[] {
  const out: string[] = [];
  for (const [name, colour] of Object.entries(colours))
    for (const [where, bg] of Object.entries(backgrounds)) {
      const ratio = contrast(colour, bg);
      if (ratio < min) out.push(`${name} on ${where}: ${ratio.toFixed(2)}:1`);
    }
  return out;
}

describe('contrast of the canvas colours (WCAG 2.1 AA)', () => {
  it('computes the WCAG ratio (black on white is 21:1, a colour on itself 1:1)', () => {
    expect(contrast([0, 0, 0, 1], [255, 255, 255, 1])).toBeCloseTo(21, 5);
    expect(contrast(resolve('--kk-link-warm'), resolve('--kk-link-warm'))).toBe(1);
  });

  it('every link kind stands out 3:1 from the canvas and the lanes', () => {
    const colours = Object.fromEntries(LINK_TOKENS.map((t) => [t, resolve(t)]));
    expect(shortfalls(colours, BACKGROUNDS, 3)).toEqual([]);
  });

  it("every actor kind's outline stands out 3:1 from its fill and from the canvas", () => {
    const out: string[] = [];
    for (const kind of KINDS) {
      const outline = resolve(`--kk-kind-${kind}`);
      out.push(
        ...shortfalls({ [kind]: outline }, { ...BACKGROUNDS, fill: resolve(`--kk-kind-${kind}-fill`) }, 3),
      );
    }
    expect(out).toEqual([]);
  });

  it('the compare states (added, changed, removed) stand out 3:1 from the canvas and the lanes', () => {
    const colours = Object.fromEntries(
      Object.entries(COMPARE_STROKES).map(([state, hex]) => [state, parse(hex)]),
    );
    expect(shortfalls(colours, BACKGROUNDS, 3)).toEqual([]);
  });
});
