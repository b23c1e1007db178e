import { type BrowserContext, test as base, type ConsoleMessage } from '@playwright/test';

export { expect } from '@playwright/test';

/**
 * Every e2e test fails on an unexpected console error or uncaught page error, in any browser
 * context it opens (the default one and each `browser.newContext()`): a page that logs an error
 * on load is a bug a user sees in their console, even when the test's own assertions pass.
 *
 * A test that provokes an error on purpose (a server killed under it, a refused key, a network
 * cut) names what it expects with `test.use({ allowedConsoleErrors: [/…/] })`. Only the message
 * text is matched, so an allowance never hides a different error.
 */
interface ConsoleGuard {
  allowedConsoleErrors: readonly RegExp[];
  consoleGuard: undefined;
}

export const test = base.extend<ConsoleGuard>({
  allowedConsoleErrors: [[], { option: true }],
  consoleGuard: [
    async ({ browser, context, allowedConsoleErrors }, use, testInfo) => {
      const problems: string[] = [];
      const watched = new WeakSet<BrowserContext>();
      const watch = (ctx: BrowserContext) => {
        if (watched.has(ctx)) return;
        watched.add(ctx);
        ctx.on('console', (message: ConsoleMessage) => {
          if (message.type() !== 'error') return;
          const text = message.text();
          if (allowedConsoleErrors.some((allowed) => allowed.test(text))) return;
          const where = message.location().url;
          problems.push(`console error${where ? ` (${where})` : ''}: ${text}`);
        });
        ctx.on('weberror', (webError) => {
          const text = webError.error().message;
          if (allowedConsoleErrors.some((allowed) => allowed.test(text))) return;
          problems.push(`uncaught page error: ${text}`);
        });
      };
      watch(context);
      const newContext = browser.newContext.bind(browser);
      browser.newContext = async (...args: Parameters<typeof browser.newContext>) => {
        const ctx = await newContext(...args);
        watch(ctx);
        return ctx;
      };
      try {
        await use(undefined);
      } finally {
        browser.newContext = newContext;
      }
      if (problems.length > 0 && testInfo.status === testInfo.expectedStatus) {
        throw new Error(`Unexpected errors in the browser console:\n${problems.join('\n')}`);
      }
    },
    { auto: true },
  ],
});
