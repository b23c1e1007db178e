/**
 * Renders the app's PNG icons from the two SVG sources in client/public/icons/ with the same
 * Chromium the e2e tests use, so the pictures are reproducible from the repository. The PNGs are
 * committed (they are data, and a fresh clone must not need a browser to serve them).
 * Run: npx tsx scripts/render-icons.ts
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';

const iconsDir = fileURLToPath(new URL('../client/public/icons/', import.meta.url));

/** Each PNG of the manifest and the page head, with the SVG it is drawn from. */
const RENDERS = [
  { source: 'icon.svg', out: 'icon-192.png', size: 192 },
  { source: 'icon.svg', out: 'icon-512.png', size: 512 },
  { source: 'icon-maskable.svg', out: 'icon-maskable-512.png', size: 512 },
  // Apple draws its own rounded corners: the full-bleed picture.
  { source: 'icon-maskable.svg', out: 'apple-touch-icon.png', size: 180 },
] as const;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
try {
  const page = await browser.newPage();
  for (const { source, out, size } of RENDERS) {
    const svg = readFileSync(path.join(iconsDir, source), 'utf8');
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(
      `<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`,
    );
    await page.screenshot({ path: path.join(iconsDir, out), omitBackground: true });
    console.log(`${out}: ${size}×${size}`);
  }
} finally {
  await browser.close();
}
