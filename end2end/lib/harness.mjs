// Runs one browser test: waits for the app, launches Debian's Chromium through playwright-core,
// gives the test a fresh context, and on failure saves a screenshot of every open page (and the
// pages' console output) into end2end/test-results/.
import { test } from 'node:test';
import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
// playwright-core lives in the repository's root node_modules; Node finds it by walking up.
import { chromium } from 'playwright-core';
import {
  ACTION_TIMEOUT_MS,
  APP_BASE_URL,
  CHROMIUM_ARGS,
  CHROMIUM_PATH,
  NAVIGATION_TIMEOUT_MS,
  SERVER_START_TIMEOUT_MS,
  TEST_TIMEOUT_MS,
} from './config.mjs';

export const RESULTS_DIR = fileURLToPath(new URL('../test-results/', import.meta.url));

let serverUp;
/** Resolves once the app answers /health/live (once per test file). */
export function waitForServer() {
  serverUp ??= (async () => {
    const deadline = Date.now() + SERVER_START_TIMEOUT_MS;
    let last = 'no answer';
    while (Date.now() < deadline) {
      try {
        const res = await fetch(`${APP_BASE_URL}/health/live`, { signal: AbortSignal.timeout(5_000) });
        if (res.ok) return;
        last = `HTTP ${res.status}`;
      } catch (e) {
        last = e.cause?.code || e.message;
      }
      await new Promise((r) => setTimeout(r, 1_000));
    }
    throw new Error(`the app at ${APP_BASE_URL} did not answer /health/live within ${SERVER_START_TIMEOUT_MS} ms (${last})`);
  })();
  return serverUp;
}

const slug = (s) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 80);

/**
 * Declares a test. `fn` gets a session:
 *   page          a page in a fresh context (JavaScript on)
 *   newContext()  another fresh context (options as browser.newContext), tracked for screenshots
 *   step(name, f) runs f, reports its duration, names the step in a failure
 *   log(msg)      a diagnostic line in the test report
 */
export function browserTest(name, fn, { timeout = TEST_TIMEOUT_MS } = {}) {
  const file = path.basename(process.argv[1] ?? 'test', '.mjs');
  return test(name, { timeout }, async (t) => {
    await waitForServer();
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    const pages = [];
    const consoleLines = [];
    const started = Date.now();
    const stamp = () => `${((Date.now() - started) / 1000).toFixed(1)}s`;

    const newContext = async (options = {}) => {
      const context = await browser.newContext({ locale: 'en-GB', ...options });
      context.setDefaultTimeout(ACTION_TIMEOUT_MS);
      context.setDefaultNavigationTimeout(NAVIGATION_TIMEOUT_MS);
      const label = `context${pages.length ? `-${pages.length}` : ''}${options.javaScriptEnabled === false ? '-nojs' : ''}`;
      context.on('page', (p) => watch(p, label));
      return context;
    };
    const watch = (p, label) => {
      pages.push({ page: p, label });
      p.on('console', (m) => consoleLines.push(`${stamp()} [${label}] console.${m.type()}: ${m.text()}`));
      p.on('pageerror', (e) => consoleLines.push(`${stamp()} [${label}] pageerror: ${e.message}`));
      p.on('requestfailed', (r) => consoleLines.push(`${stamp()} [${label}] request failed: ${r.method()} ${r.url()} ${r.failure()?.errorText ?? ''}`));
      p.on('response', (r) => {
        if (r.status() >= 400) consoleLines.push(`${stamp()} [${label}] HTTP ${r.status()}: ${r.request().method()} ${r.url()}`);
      });
      p.on('framenavigated', (f) => {
        if (f === p.mainFrame()) consoleLines.push(`${stamp()} [${label}] navigated: ${f.url()}`);
      });
    };

    let currentStep = '(setup)';
    const session = {
      browser,
      newContext,
      log: (msg) => t.diagnostic(msg),
      async step(stepName, f) {
        const before = Date.now();
        currentStep = stepName;
        consoleLines.push(`${stamp()} --- step: ${stepName}`);
        try {
          const result = await f();
          t.diagnostic(`${stepName}: ${Date.now() - before} ms`);
          return result;
        } catch (e) {
          e.message = `[step "${stepName}" after ${Date.now() - before} ms] ${e.message}`;
          throw e;
        }
      },
    };

    try {
      const context = await newContext();
      session.context = context;
      session.page = await context.newPage();
      // Fail a little before node:test's own timeout so the screenshot is still taken.
      const budget = timeout - Math.min(15_000, Math.round(timeout / 10));
      let timer;
      const deadline = new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`test timed out after ${budget} ms in step "${currentStep}"`)), budget);
      });
      try {
        await Promise.race([fn(session), deadline]);
      } finally {
        clearTimeout(timer);
      }
      t.diagnostic(`total: ${Date.now() - started} ms`);
    } catch (error) {
      await saveEvidence(`${file}--${slug(name)}`, pages, consoleLines, error).catch((e) =>
        t.diagnostic(`could not save the failure evidence: ${e.message}`));
      throw error;
    } finally {
      await browser.close().catch(() => {});
    }
  });
}

async function saveEvidence(base, pages, consoleLines, error) {
  await mkdir(RESULTS_DIR, { recursive: true });
  const saved = [];
  for (const [i, { page, label }] of pages.entries()) {
    if (page.isClosed()) continue;
    const shot = path.join(RESULTS_DIR, `${base}--${i}-${label}.png`);
    try {
      await page.screenshot({ path: shot, fullPage: true, timeout: 10_000 });
      saved.push(`${shot} (${page.url()})`);
    } catch (e) {
      saved.push(`(no screenshot of ${page.url()}: ${e.message.split('\n')[0]})`);
    }
  }
  const logFile = path.join(RESULTS_DIR, `${base}.log`);
  await writeFile(logFile, `${error.stack ?? error}\n\n${consoleLines.join('\n')}\n`);
  error.message += `\n  screenshots: ${saved.join(', ') || 'none'}\n  browser log: ${logFile}`;
}
