import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeResults, ElementContext, Result, RunOptions } from 'axe-core';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { fileBrowser } from './file-browser';
import { openTourPages, pageFor, shownTheme, THEMES, TOUR, type TourPages, visitLoaded } from './page-tour';

/** axe-core's browser build, injected into each page as it is. */
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The impacts that fail a page; minor and moderate findings are left to review. */
const FAILING_IMPACTS = new Set(['serious', 'critical']);

/**
 * Markup of the explorer that is GraphiQL's and Monaco's own, not ours, and that we cannot change
 * without patching them. The rest of GraphiQL (toolbar, sidebar, logo, dialogs) is checked.
 * - Monaco's editors: role="code" textareas over a canvas of absolutely positioned spans, with
 *   helper widgets (find, hover, accessibility help) kept off screen.
 * - GraphiQL's session tabs: each role="tab" element holds two buttons (select, close), which
 *   axe reports as nested-interactive. Keyboard users reach both buttons; the tab role is GraphiQL's.
 */
const EXPLORER_EXCLUDE = ['.graphiql-container .monaco-editor', '.graphiql-container .graphiql-tab'];

const origin = inject('panoramaUrl');
const { ADMIN } = inject('panoramaAccounts');
const { browser, opened } = fileBrowser();

/** axe as the injected script defines it on `window`. */
interface InjectedAxe {
  run(context: ElementContext, options: RunOptions): Promise<AxeResults>;
}

/** Runs axe on the whole page (less `exclude`) and keeps the violations. */
async function axeViolations(page: Page, exclude: string[]): Promise<Result[]> {
  await page.addScriptTag({ content: AXE_SOURCE });
  const results = await page.evaluate((excluded) => {
    const { axe } = window as unknown as { axe: InjectedAxe };
    const context: ElementContext = excluded.length > 0 ? { exclude: excluded } : document;
    return axe.run(context, { resultTypes: ['violations'] });
  }, exclude);
  return results.violations;
}

/** One line per failing rule: its id, impact, first targets and what to do. */
function describeViolations(violations: readonly Result[]): string {
  return violations
    .map((violation) => {
      const targets = violation.nodes
        .slice(0, 3)
        .map((node) => node.target.join(' '))
        .join(' | ');
      const more = violation.nodes.length > 3 ? ` (+${violation.nodes.length - 3} more)` : '';
      return `${violation.id} [${violation.impact}] ${targets}${more}\n    ${violation.help} (${violation.helpUrl})`;
    })
    .join('\n');
}

for (const theme of THEMES) {
  describe(`accessibility, ${theme} theme`, () => {
    let pages: TourPages;

    beforeAll(async () => {
      pages = await openTourPages(browser(), origin, theme, ADMIN);
      opened.push(pages.anonymous, pages.signedIn);
    });

    for (const stop of TOUR) {
      it(`${stop.name} has no serious or critical axe violation`, async () => {
        const { page } = pageFor(pages, stop);
        await visitLoaded(page, stop);
        const violations = await axeViolations(page, stop.name === 'explorer' ? EXPLORER_EXCLUDE : []);
        const failing = violations.filter((violation) => FAILING_IMPACTS.has(violation.impact ?? ''));
        expect(describeViolations(failing), `${stop.name} (${theme})`).toBe('');
        expect(await shownTheme(page)).toBe(theme);
      });
    }
  });
}

describe('accessibility', () => {
  it('logged no console error', () => {
    expect(opened.flatMap((each) => each.consoleErrors)).toEqual([]);
  });
});
