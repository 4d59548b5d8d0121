// Browser test of crosscheck's HTML report: runs the real CLI on the sample
// and hostile corpora, opens the reports in headless Chromium (playwright-core,
// system /usr/bin/chromium) and checks what a reader does. Saves
// reports/screenshot.png from the sample corpus's report.
//
//   scripts/browser-test.sh build/crosscheck
//   (or: cd tests/browser && npm ci && CROSSCHECK_BIN=... node --test)
//
// Environment:
//   CROSSCHECK_BIN  crosscheck binary (default: <repo>/build/crosscheck); when
//                   set, a missing binary fails the test instead of skipping
//   CHROMIUM        browser executable (default: /usr/bin/chromium)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..', '..');
const bin = process.env.CROSSCHECK_BIN || path.join(repo, 'build', 'crosscheck');
const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
const screenshot = path.join(repo, 'reports', 'screenshot.png');

// Runs `crosscheck check CORPUS --out DIR` and returns {html, json, run}, or a
// string saying why the case is skipped (no binary at the default path).
function reportFor(corpusRel) {
  const corpus = path.join(repo, corpusRel);
  if (!fs.existsSync(bin)) {
    assert.ok(!process.env.CROSSCHECK_BIN, `CROSSCHECK_BIN=${bin} does not exist`);
    return `no crosscheck binary at ${bin}`;
  }
  assert.ok(fs.existsSync(corpus), `no corpus at ${corpus}`);
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'crosscheck-browser-'));
  // Relative to the checkout, as a user runs it: the report shows short paths.
  const run = spawnSync(bin, ['check', corpusRel, '--out', out, '--fail-on',
                              'never', '--quiet'],
                        { encoding: 'utf8', cwd: repo });
  assert.equal(run.status, 0, `crosscheck exited ${run.status}: ${run.stderr}`);
  return { html: path.join(out, 'crosscheck.html'),
           json: path.join(out, 'crosscheck.json'), out };
}

// Opens `file` in a fresh browser profile. Records dialogs, page errors and
// any request that is not file:// (the report must work offline).
async function open(file) {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'crosscheck-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: true,
    viewport: { width: 1280, height: 1000 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic',
           '--no-first-run', '--disable-background-networking',
           '--disable-component-update', '--disable-sync'],
  });
  const events = { dialogs: [], errors: [], external: [] };
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file:')) return route.continue();
    events.external.push(url);
    return route.abort();
  });
  const page = context.pages()[0] || await context.newPage();
  page.on('dialog', (d) => { events.dialogs.push(d.message()); d.dismiss(); });
  page.on('pageerror', (e) => events.errors.push(String(e)));
  await page.goto(pathToFileURL(file).href);
  const close = async () => {
    await context.close();
    fs.rmSync(userDataDir, { recursive: true, force: true });
  };
  return { page, events, close };
}

const visibleCount = (page, selector) => page.$$eval(selector,
    (els) => els.filter((e) => e.offsetParent !== null).length);

test('report: findings, filters, anchors, screenshot', async (t) => {
  const report = reportFor('fixtures/corpus');
  if (typeof report === 'string') return t.skip(report);
  const data = JSON.parse(fs.readFileSync(report.json, 'utf8'));
  const { page, events, close } = await open(report.html);
  try {
    const findings = await page.$$('.finding');
    assert.equal(findings.length, data.findings.length,
                 'one finding element per JSON finding');
    assert.equal(await visibleCount(page, '.finding'), data.findings.length,
                 'all findings visible initially');

    // Every in-page anchor resolves.
    const broken = await page.$$eval('a[href^="#"]', (links) => links
        .map((a) => decodeURIComponent(a.getAttribute('href').slice(1)))
        .filter((id) => !document.getElementById(id)));
    assert.deepEqual(broken, [], 'anchors without a target');
    const toFindings = await page.$$eval('a[href^="#f-"]', (l) => l.length);
    if (data.findings.length > 0) assert.ok(toFindings > 0);

    if (data.findings.length > 0) {
      // Kind filter: unchecking hides exactly that kind; checking restores.
      const kind = data.findings[0].kind;
      const ofKind = data.findings.filter((f) => f.kind === kind).length;
      const box = page.locator(`input[data-filter="kind"][value="${kind}"]`);
      await box.uncheck();
      assert.equal(await visibleCount(page, `.finding[data-kind="${kind}"]`), 0);
      assert.equal(await visibleCount(page, '.finding'),
                   data.findings.length - ofKind);
      await box.check();
      assert.equal(await visibleCount(page, '.finding'), data.findings.length);

      // Severity filter.
      const sev = data.findings[0].severity;
      const ofSev = data.findings.filter((f) => f.severity === sev).length;
      const sbox = page.locator(`input[data-filter="severity"][value="${sev}"]`);
      await sbox.uncheck();
      assert.equal(await visibleCount(page, '.finding'),
                   data.findings.length - ofSev);
      await sbox.check();

      // Source filter: only findings with evidence from that source remain.
      const options = await page.$$eval('#filter-source option',
          (os) => os.map((o) => o.value).filter((v) => v !== ''));
      if (options.length > 0) {
        await page.selectOption('#filter-source', options[0]);
        const shown = await page.$$eval('.finding', (els) => els
            .filter((e) => e.offsetParent !== null)
            .map((e) => e.getAttribute('data-sources').split(' ')));
        for (const s of shown) assert.ok(s.includes(options[0]));
        await page.selectOption('#filter-source', '');
        assert.equal(await visibleCount(page, '.finding'), data.findings.length);
      }
    }

    // Print view: filters hidden.
    await page.emulateMedia({ media: 'print' });
    assert.equal(await visibleCount(page, '.filters'), 0);
    await page.emulateMedia({ media: 'screen' });

    assert.deepEqual(events.dialogs, []);
    assert.deepEqual(events.errors, []);
    assert.deepEqual(events.external, [], 'the report must not fetch anything');
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: screenshot });
  } finally {
    await close();
    fs.rmSync(report.out, { recursive: true, force: true });
  }
});

// Hostile corpora: fixtures/xss (scripts, handlers and javascript: links in
// titles, metadata and quoted sentences) and the small one beside this test.
for (const corpus of ['fixtures/xss', 'tests/browser/xss']) {
  test(`report: ${corpus} runs no article script`, async (t) => {
    const report = reportFor(corpus);
    if (typeof report === 'string') return t.skip(report);
    const data = JSON.parse(fs.readFileSync(report.json, 'utf8'));
    assert.ok(data.documents.length > 0, 'the hostile documents were read');
    const { page, events, close } = await open(report.html);
    try {
      await page.waitForTimeout(300);  // let any injected handler fire
      assert.deepEqual(events.dialogs, [], 'a dialog fired');
      assert.deepEqual(events.errors, []);
      assert.equal(await page.evaluate(() => typeof window.__xss), 'undefined');
      assert.equal(await page.$$eval('script', (s) => s.length), 1,
                   'only the report\'s own script');
      assert.equal(await page.$$eval('img, iframe, object, embed, svg',
                                     (e) => e.length), 0);
      const handlers = await page.$$eval('*', (els) => els.flatMap((e) =>
          [...e.attributes].filter((a) => /^on/i.test(a.name))
              .map((a) => `${e.tagName} ${a.name}`)));
      assert.deepEqual(handlers, [], 'no inline event handlers');
      const jsLinks = await page.$$eval('a[href]', (links) => links
          .map((a) => a.getAttribute('href'))
          .filter((h) => !/^(#|https?:)/i.test(h.trim())));
      assert.deepEqual(jsLinks, [], 'only in-page and http(s) links');
      // The payloads are shown to the reader as text, not dropped.
      const text = await page.evaluate(() => document.body.innerText);
      assert.match(text, /<script>|onerror=/, 'hostile text shown as text');
      assert.equal(await page.$$eval('.finding', (e) => e.length),
                   data.findings.length);
      assert.deepEqual(events.external, []);
    } finally {
      await close();
      fs.rmSync(report.out, { recursive: true, force: true });
    }
  });
}
