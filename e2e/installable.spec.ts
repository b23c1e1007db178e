import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from './fixtures';

/** Width and height from a PNG's IHDR chunk (bytes 16–23), after checking the signature. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

test('the web app manifest is served with its type and names the app in Dutch', async ({ request }) => {
  const res = await request.get('/manifest.webmanifest');
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toBe('application/manifest+json');
  const manifest = await res.json();
  expect(manifest).toMatchObject({
    name: 'KetenKaart',
    short_name: 'KetenKaart',
    lang: 'nl-BE',
    start_url: '/',
    display: 'standalone',
    theme_color: '#1e40af',
  });
  expect(manifest.description).toMatch(/ketenaanpak voor nieuwe inwoners/);
});

test('every icon of the manifest and the page head is a PNG or SVG of the size it claims', async ({
  request,
}) => {
  const manifest = await (await request.get('/manifest.webmanifest')).json();
  const icons = manifest.icons as { src: string; sizes: string; type: string; purpose: string }[];
  expect(icons.map((icon) => `${icon.sizes} ${icon.purpose}`)).toEqual(
    expect.arrayContaining(['192x192 any', '512x512 any', '512x512 maskable']),
  );
  const apple = { src: '/icons/apple-touch-icon.png', sizes: '180x180', type: 'image/png' };
  for (const icon of [...icons, apple]) {
    const res = await request.get(icon.src);
    expect(res.status(), icon.src).toBe(200);
    expect(res.headers()['content-type'], icon.src).toBe(icon.type);
    const body = await res.body();
    if (icon.type === 'image/png') {
      const [w, h] = icon.sizes.split('x').map(Number);
      expect(pngSize(body), icon.src).toEqual({ width: w, height: h });
    } else {
      expect(body.toString('utf8'), icon.src).toContain('<svg');
    }
  }
});

test('Chromium finds the app installable and the manifest free of errors', async ({
  playwright,
  baseURL,
}, testInfo) => {
  // Incognito contexts are never installable, so this test opens a real profile.
  const profile = mkdtempSync(path.join(tmpdir(), 'ketenkaart-install-'));
  const context = await playwright.chromium.launchPersistentContext(profile, {
    ...testInfo.project.use.launchOptions,
    baseURL,
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto('/');
    await page.getByRole('heading', { name: 'Mijn kaarten' }).waitFor();
    // Installability needs the service worker controlling the page: wait for it, no sleeping.
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    const cdp = await context.newCDPSession(page);
    const manifest = await cdp.send('Page.getAppManifest');
    expect(manifest.errors).toEqual([]);
    expect(manifest.url).toMatch(/\/manifest\.webmanifest$/);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    expect(installabilityErrors).toEqual([]);
    // The favicon comes from the page head, so Chromium never asks for a missing /favicon.ico.
    const favicon = await page.locator('link[rel="icon"]').first().getAttribute('href');
    expect((await page.request.get(favicon!)).status()).toBe(200);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
});
