#!/usr/bin/env node
// Makes sure Debian's Chromium is there for the end-to-end tests. Playwright must never download a
// browser here, so we use /usr/bin/chromium (or CHROMIUM_PATH), installing it with apt when root.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

if (!existsSync(path)) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = existsSync('/usr/bin/apt-get');
  if (isRoot && hasApt) {
    console.log(`Chromium not found at ${path}; installing Debian's chromium with apt-get…`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env });
  }
  if (!existsSync(path)) {
    console.error(
      `The end-to-end tests need Chromium at ${path}: install it (on Debian or Ubuntu: sudo apt-get install chromium) or set CHROMIUM_PATH to its location.`,
    );
    process.exit(1);
  }
}
