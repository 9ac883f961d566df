/**
 * The explorer in a real browser (Chromium, driven by playwright-core), against the real API
 * process on the embedded store, holding the seed, the fixture corpus and, when it is beside
 * the repository, IOM's evaluation catalogue. Each page loads with no console error; search
 * and facets narrow the results; the network draws the organisation's neighbours and a click
 * opens one; a CSV holds what the page shows; an editor records a follow-up action; the IDE
 * runs a README query; and no request ever leaves the machine. Screenshots of every page go to
 * tests/browser/screenshots/ for a person to look at.
 *
 * Without Chromium the suite is skipped with the reason printed, except under CI=true, where
 * it fails (.ci/run installs Chromium).
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBundle, staleReason } from '../../src/web/bundle.js';
import { gqlData, removeDir, startApi, tempDir, type ApiProcess } from '../helpers/api.js';
import { CHROMIUM, chromiumPresent, openBrowser, SCREENSHOTS, type BrowserSession } from '../helpers/browser.js';
import { exportPresent, IOM_EXPORT } from '../helpers/catalogueCsv.js';
import { loadGraph } from '../helpers/graphData.js';

const inCi = process.env.CI === 'true';
const run = chromiumPresent || inCi;
if (!run) console.log(`browser tests: skipped, no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`);
if (!exportPresent) console.log(`browser tests: IOM's catalogue is not at ${IOM_EXPORT}; the pages show the seed and the corpus only`);

const EDITOR_TOKEN = 'browser-test-editor-token-0123456789';

let api: ApiProcess;
let browser: BrowserSession;
let page: Page;
const measurements: Record<string, number | string> = {};

async function shot(name: string): Promise<void> {
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** Load a page of the explorer afresh; resolves with the milliseconds until its heading rendered. */
async function open(hash: string, heading?: string | RegExp): Promise<number> {
  // A fresh load each time (a change of hash alone would not reload the app).
  await page.goto('about:blank');
  const started = Date.now();
  await page.goto(`${api.base}/${hash}`);
  await page.locator('main h1').first().waitFor();
  if (heading) await expect.poll(() => page.locator('main h1').first().textContent(), { timeout: 30_000 }).toMatch(heading);
  return Date.now() - started;
}

/** The shown table's header and cell texts, and the CSV its button downloads. */
async function tableAndCsv(table: string): Promise<{ shown: string[][]; csv: string[][] }> {
  const block = page.locator(`[data-table="${table}"]`);
  const header = await block.locator('thead th').allTextContents();
  const rows = await block.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('[data-cell]')].map((c) => (c.textContent ?? '').replace(/\s+/g, ' ').trim())));
  const [download] = await Promise.all([page.waitForEvent('download'), block.locator('[data-export]').click()]);
  const text = await readFile((await download.path())!, 'utf8');
  expect(text.charCodeAt(0)).toBe(0xfeff);
  expect(download.suggestedFilename()).toMatch(/\.csv$/);
  return { shown: [header.map((h) => h.trim()), ...rows], csv: parse(text.slice(1)) as string[][] };
}

const resultTotal = async () => Number(await page.locator('.result-count').getAttribute('data-total'));
/** The network drawing's nodes, with where each is on the drawing (the hook src/web/app/components/Network.tsx sets). */
interface DrawnNode {
  readonly id: string;
  readonly caption: string;
  readonly fullName: string;
  readonly x: number;
  readonly y: number;
}
type WithNetwork = { __explorerNetwork?: { nodes(): DrawnNode[] } };
// Functions, not strings: the page's Content-Security-Policy forbids evaluating strings.
const drawnNodes = () => page.evaluate(() => (globalThis as WithNetwork).__explorerNetwork!.nodes());
const networkDrawn = (timeout = 30_000) => page.waitForFunction(() => Boolean((globalThis as WithNetwork).__explorerNetwork), undefined, { timeout });

describe.runIf(run)('the explorer in a browser', () => {
  beforeAll(async () => {
    // The browser first: without one (under CI=true) the suite fails at once.
    browser = await openBrowser();
    page = browser.page;
    if (await staleReason()) await buildBundle();
    const dataDir = await tempDir();
    await loadGraph(dataDir, ['tests/fixtures/corpus', ...(exportPresent ? [IOM_EXPORT] : [])]);
    // Editors may write; reads stay open (READ_TOKENS is not set).
    api = await startApi({ dataDir, env: { EDITOR_TOKENS: `evaluation-unit:${EDITOR_TOKEN}` } });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await api?.stop();
    if (api) await removeDir(api.dataDir);
    if (Object.keys(measurements).length) {
      await writeFile(path.join(SCREENSHOTS, 'measurements.json'), `${JSON.stringify(measurements, null, 2)}\n`);
      console.log('explorer timings:', measurements);
    }
  });

  const orgId = async (acronym: string): Promise<string> => (await gqlData(api.url, `query($a: String!) { organization(acronym: $a) { id } }`, { a: acronym })).organization.id;
  const seedProject = () => gqlData(api.url, `{ project(code: "BO10P0001/CE.0350") { id evaluations { id title findings { id } documents { url } recommendations { id code } } } }`).then((d) => d.project);

  it('is served as a production build (built here under NODE_ENV=test all the same)', async () => {
    const html = await (await fetch(`${api.base}/`)).text();
    const scripts = [...html.matchAll(/src="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
    expect(scripts.length).toBeGreaterThan(0);
    expect(html).not.toMatch(/dev-runtime/);
    for (const script of scripts) expect(await (await fetch(`${api.base}${script}`)).text()).not.toMatch(/react-dom\.development|jsxDEV\(/);
  });

  it('overview: counts, evaluations by year and place, ratings by criterion', async () => {
    const counts = await gqlData(api.url, `{ evaluations(first: 1) { totalCount } organizations(first: 1) { totalCount } }`);
    await open('#/', /Migration evaluations/);
    await page.locator('.chart svg').first().waitFor();
    const stats = await page.locator('.stats strong').allTextContents();
    expect(Number(stats[0]!.replace(/,/g, ''))).toBe(counts.evaluations.totalCount);
    expect(Number(stats[2]!.replace(/,/g, ''))).toBe(counts.organizations.totalCount);
    expect(await page.locator('.barlist li').count()).toBeGreaterThan(2);
    expect(await page.locator('figure', { hasText: 'Scores evaluators gave' }).locator('rect.score').count()).toBeGreaterThan(4);
    await shot('overview');
    // The table behind the chart, as CSV.
    await page.locator('details.as-table summary').first().click();
    const { shown, csv } = await tableAndCsv('evaluations by year');
    expect(csv).toEqual(shown);
    expect(csv.length).toBeGreaterThan(1);
  });

  it('search: words, kinds, facets that narrow to the counts they show, paging, CSV as shown', async () => {
    await open('#/search', 'Search');
    await page.locator('input[name=q]').fill('migration');
    await page.locator('input[name=q]').press('Enter');
    await expect.poll(resultTotal).toBeGreaterThan(0);
    const all = await resultTotal();
    expect(all).toBe((await gqlData(api.url, `{ searchResults(query: "migration") { totalCount } }`)).searchResults.totalCount);

    // Evaluations only, then tick a country, then a year: each time the count the facet showed.
    await page.locator('.tabs a', { hasText: 'Evaluations' }).click();
    await expect.poll(() => page.locator('.tab.active').textContent()).toMatch(/Evaluations/);
    await expect.poll(resultTotal).toBeLessThan(all);
    const evaluations = await resultTotal();
    const countries = page.locator('fieldset[data-facet=country]');
    const more = countries.locator('button', { hasText: /^Show all/ });
    if (await more.count()) await more.click();
    const bolivia = countries.locator('li', { hasText: /^Bolivia\d/ });
    const boliviaCount = Number(await bolivia.locator('.facet-count').textContent());
    expect(boliviaCount).toBeGreaterThan(1);
    await bolivia.locator('input').click();
    await expect.poll(resultTotal).toBe(boliviaCount);
    const firstYear = page.locator('fieldset[data-facet=year] li').filter({ hasNot: page.locator('input:checked') }).first();
    const yearValue = (await firstYear.locator('.facet-label').textContent())!;
    const year = page.locator('fieldset[data-facet=year] li', { hasText: new RegExp(`^${yearValue}\\d`) });
    const yearCount = Number(await year.locator('.facet-count').textContent());
    await year.locator('input').click();
    await expect.poll(resultTotal).toBe(yearCount);
    expect(yearCount).toBeLessThanOrEqual(boliviaCount);
    for (const countries of await page.locator('[data-table="search-results"] tbody tr td:nth-child(4)').allTextContents()) expect(countries).toMatch(/Bolivia/);
    await shot('search-facets');
    const ticked = await tableAndCsv('search-results');
    expect(ticked.csv).toEqual(ticked.shown);
    expect(ticked.csv.length).toBe(yearCount + 1);

    // Unticking widens again; paging walks the results 20 at a time.
    await page.locator('.facets button', { hasText: 'Clear all' }).click();
    await expect.poll(resultTotal).toBe(evaluations);
    if (evaluations > 20) {
      const firstRow = await page.locator('[data-table="search-results"] tbody tr').first().textContent();
      await page.locator('.pager button', { hasText: 'Next' }).click();
      await expect.poll(() => page.locator('.result-count').textContent()).toMatch(/^21–/);
      expect(await page.locator('[data-table="search-results"] tbody tr').first().textContent()).not.toBe(firstRow);
      const second = await tableAndCsv('search-results');
      expect(second.csv).toEqual(second.shown);
    }
    await shot('search');
  });

  it('search: did you mean, when nothing holds the words', async () => {
    await open('#/search?q=UDPAE', 'Search');
    await expect.poll(resultTotal).toBe(0);
    const suggestion = page.locator('.did-you-mean a', { hasText: 'UDAPE' });
    await suggestion.waitFor();
    await shot('search-did-you-mean');
    await suggestion.click();
    await expect.poll(() => page.locator('main h1').textContent()).toMatch(/Social and Economic Policy Analysis Unit/);
  });

  it('evaluation: metadata, ratings chart, findings, recommendations with follow-up status, documents', async () => {
    const evaluation = (await seedProject()).evaluations.find((e: any) => e.findings.length);
    await open(`#/evaluation/${evaluation.id}`, evaluation.title);
    const chart = page.locator('figure', { hasText: "evaluators' rating" });
    for (const criterion of ['Relevance', 'Effectiveness', 'Efficiency', 'Impact', 'Sustainability']) expect(await chart.locator('text', { hasText: criterion }).count()).toBe(1);
    expect(await page.locator('[data-table="findings"] tbody tr').count()).toBe(evaluation.findings.length);
    expect(await page.locator('[data-table="recommendations"] tbody tr').count()).toBe(evaluation.recommendations.length);
    expect(await page.locator('[data-table="recommendations"] tbody').textContent()).toMatch(/Not started/);
    if (evaluation.documents.length) {
      const links = await page.locator('[data-table="documents"] tbody a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      expect(links.sort()).toEqual(evaluation.documents.map((d: any) => d.url).sort());
    }
    await shot('evaluation');
    const { shown, csv } = await tableAndCsv('recommendations');
    expect(csv).toEqual(shown);
  });

  it('organisation: names, parent, roles, collaborators, a network that draws its neighbours and opens one on a click', async () => {
    const udape = await orgId('UDAPE');
    const first = await open(`#/organization/${udape}`, /Social and Economic Policy Analysis Unit/);
    measurements['UDAPE page, loaded afresh: heading rendered (ms)'] = first;
    const started = Date.now() - first;
    await networkDrawn();
    measurements['UDAPE page, loaded afresh: network drawn (ms)'] = Date.now() - started;
    // The README's picture: the page as a person first sees it.
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'readme.png') });
    expect(await page.locator('.facts').textContent()).toMatch(/Ministry of Development Planning \(MPD\)/);
    expect(await page.locator('[data-table="roles"] tbody').textContent()).toMatch(/Lead partner/);
    expect(await page.locator('[data-table="collaborators"] tbody').textContent()).toMatch(/National Institute of Statistics/);

    // The drawing holds what the API says UDAPE's neighbourhood is, and the neighbours known by hand.
    const { stakeholderNetwork } = await gqlData(api.url, `query($id: ID!) { stakeholderNetwork(organizationId: $id, depth: 2, maxNodes: 80) { nodes { id } } }`, { id: udape });
    const drawn = await drawnNodes();
    expect(drawn.map((n) => n.id).sort()).toEqual(stakeholderNetwork.nodes.map((n: any) => n.id).sort());
    const captions = drawn.map((n) => n.caption);
    for (const known of ['UDAPE', 'MPD', 'INE', 'MTEPS', 'IDF', 'IDIS']) expect(captions).toContain(known);
    // Projects by their titles, not only their codes.
    expect(drawn.find((n) => n.fullName.includes('BO10P0001/CE.0350'))?.caption).toMatch(/^Strengthening Internal Migration/);
    expect(drawn.find((n) => n.fullName.includes('BO10P0009'))?.caption).toMatch(/^Towards Fair Labour Mobility/);
    await shot('organization');

    // Drag a node: it follows the mouse.
    const canvas = (await page.locator('[data-network]').boundingBox())!;
    const ine = drawn.find((n) => n.caption === 'INE')!;
    await page.mouse.move(canvas.x + ine.x, canvas.y + ine.y);
    await page.mouse.down();
    await page.mouse.move(canvas.x + ine.x + 60, canvas.y + ine.y + 40, { steps: 6 });
    await page.mouse.up();
    const moved = (await drawnNodes()).find((n) => n.caption === 'INE')!;
    expect(Math.hypot(moved.x - ine.x - 60, moved.y - ine.y - 40)).toBeLessThan(12);
    await page.waitForTimeout(400);

    // Click a node: its page opens.
    const mpd = (await drawnNodes()).find((n) => n.caption === 'MPD')!;
    await page.mouse.click(canvas.x + mpd.x, canvas.y + mpd.y);
    await expect.poll(() => page.locator('main h1').textContent()).toMatch(/Ministry of Development Planning/);
    expect(page.url()).toContain(`#/organization/${mpd.id}`);
  });

  it('organisation: how it is connected to another, drawn as paths', async () => {
    const udape = await orgId('UDAPE');
    await open(`#/organization/${udape}`, /Social and Economic Policy Analysis Unit/);
    await page.locator('.paths input').fill('San Andr');
    await page.locator('.picker-options button', { hasText: 'Higher University of San Andrés' }).click();
    const paths = page.locator('[data-paths] > li');
    await paths.first().waitFor();
    const { stakeholderPaths } = await gqlData(api.url, `query($a: ID!, $b: ID!) { stakeholderPaths(from: $a, to: $b, maxHops: 4, first: 5) { length } }`, { a: udape, b: await orgId('UMSA') });
    expect(await paths.count()).toBe(stakeholderPaths.length);
    expect(await paths.first().textContent()).toMatch(/2 links:.*UDAPE.*Towards Fair Labour Mobility.*UMSA/);
    await page.locator('.paths').scrollIntoViewIfNeeded();
    await shot('organization-paths');
  });

  it('project: partners, outputs and evaluations', async () => {
    const { id } = await seedProject();
    await open(`#/project/${id}`, /Strengthening Internal Migration Policies in Bolivia/);
    expect(await page.locator('main table').first().textContent()).toMatch(/Lead partner/);
    await shot('project');
  });

  it('recommendation: related ones with score and reasons; an editor records a response and a follow-up action', async () => {
    const rec = (await seedProject()).evaluations.flatMap((e: any) => e.recommendations).find((r: any) => r.code === 'A');
    await open(`#/recommendation/${rec.id}`);
    await page.locator('[data-table="related"] tbody tr').first().waitFor();
    expect(await page.locator('[data-table="related"] tbody tr').first().textContent()).toMatch(/GT10P0031.*Same theme: "Approval processes"/);
    const related = await tableAndCsv('related');
    expect(related.csv).toEqual(related.shown);

    // Reading needs no token; recording asks for the editor's.
    expect(await page.locator('[data-status]').getAttribute('data-status')).toBe('NOT_STARTED');
    await page.locator('.token-form input').fill(EDITOR_TOKEN);
    await page.locator('.token-form button').click();
    const response = page.locator('form[aria-label="Management response"]');
    await response.locator('select').selectOption('PARTIALLY_ACCEPTED');
    await response.locator('input').fill('Extra time goes into every workplan');
    await response.locator('button').click();
    await expect.poll(() => page.locator('.follow-up > p').first().textContent()).toMatch(/Partially accepted/);

    const action = page.locator('form[aria-label="New action"]');
    await action.locator('input[required]').fill('Add a clearance buffer to the workplan template');
    await action.locator('input[type=date]').fill('2020-06-30');
    await action.locator('button[type=submit]').click();
    const row = page.locator('[data-table="actions"] tbody tr', { hasText: 'Add a clearance buffer' });
    await row.waitFor();
    expect(await row.textContent()).toMatch(/IOM Bolivia.*2020-06-30.*Not started.*overdue/);
    expect(await page.locator('[data-status]').getAttribute('data-status')).toBe('OVERDUE');
    expect(await page.locator('[data-table="history"] tbody').textContent()).toMatch(/evaluation-unit.*Responded[\s\S]*evaluation-unit.*Action added/);
    await shot('recommendation');

    // Moving it on: completed, no longer overdue.
    await row.locator('select').selectOption('COMPLETED');
    await expect.poll(() => page.locator('[data-status]').getAttribute('data-status')).toBe('COMPLETED');
    const stored = await gqlData(api.url, `query($id: ID!) { node(id: $id) { ... on Recommendation { followUp { status response actions { description status responsible { name } } history { actor } } } } }`, { id: rec.id });
    expect(stored.node.followUp).toMatchObject({ status: 'COMPLETED', response: 'PARTIALLY_ACCEPTED', actions: [{ description: 'Add a clearance buffer to the workplan template', status: 'COMPLETED', responsible: { name: 'IOM Bolivia' } }] });
    expect(new Set(stored.node.followUp.history.map((h: any) => h.actor))).toEqual(new Set(['evaluation-unit']));
  });

  it('GraphQL IDE: bundled GraphiQL at /graphql with the README queries as tabs, answering here', async () => {
    await page.goto(`${api.base}/graphql`);
    await page.locator('.graphiql-tab').first().waitFor({ timeout: 30_000 });
    expect((await page.locator('.graphiql-tab').allTextContents()).join(' ')).toMatch(/ProjectItsPartnersLeadFirst/);
    // Run once the editor holds the tab's query.
    await expect.poll(async () => (await page.locator('.graphiql-query-editor').textContent())?.replace(/\s+/g, ' '), { timeout: 20_000 }).toMatch(/project\(code: "BO10P0001\/CE.0350"\)/);
    await page.locator('.graphiql-execute-button').click();
    // The editor draws spaces as no-break spaces.
    const response = async () => (await page.locator('.graphiql-response').textContent())?.replace(/\s+/g, ' ');
    await expect.poll(response, { timeout: 20_000 }).toMatch(/Strengthening Internal Migration Policies in Bolivia/);
    await shot('graphiql');
  });

  it.runIf(exportPresent)('organisation page over the IOM catalogue: renders its busiest organisation', async () => {
    const iom = await orgId('IOM');
    const first = await open(`#/organization/${iom}`, /International Organization for Migration/);
    const started = Date.now() - first;
    measurements['IOM page (catalogue imported), loaded afresh: heading rendered (ms)'] = first;
    await networkDrawn();
    measurements['IOM page (catalogue imported), loaded afresh: network drawn (ms)'] = Date.now() - started;
    await shot('organization-iom');
  });

  it('made no request that left the machine, and no page logged an error', () => {
    const foreign = browser.requests.filter((url) => !url.startsWith(`${api.base}/`) && !/^(data|blob|about):/.test(url));
    expect(foreign).toEqual([]);
    expect(browser.requests.some((url) => url.startsWith(`${api.base}/graphql`))).toBe(true);
    expect(browser.problems).toEqual([]);
  });
});
