import AxeBuilder from '@axe-core/playwright';
import type { Page, TestInfo } from '@playwright/test';
import { expect } from './fixtures';

/** The rule sets of WCAG 2.1 A and AA, the level Flemish law asks of a local government. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] as const;

/**
 * Runs axe on what the page shows now and fails on any serious or critical violation, naming the
 * rule, the screen and the elements. Moderate and minor findings are attached to the test report
 * (docs/accessibility.md lists those that stay, with the reason).
 */
export async function expectAccessible(page: Page, screen: string, testInfo: TestInfo): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags([...WCAG_TAGS]).analyze();
  const blocking = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const rest = results.violations.filter((v) => !blocking.includes(v));
  if (rest.length > 0) {
    await testInfo.attach(`axe-${screen}-moderate.json`, {
      body: JSON.stringify(
        rest.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')) })),
        null,
        2,
      ),
      contentType: 'application/json',
    });
  }
  const described = blocking.map(
    (v) =>
      `${v.impact} ${v.id} (${v.help}) on ${v.nodes.length} element(s): ${v.nodes
        .slice(0, 5)
        .map((n) => `${n.target.join(' ')} → ${n.failureSummary?.split('\n').slice(1).join(' ')}`)
        .join(' | ')}`,
  );
  expect(described, `axe on "${screen}"`).toEqual([]);
}
