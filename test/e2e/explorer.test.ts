/**
 * The explorer in a real headless Chromium, against the real server and the seeded graph: every page loads
 * from this server alone with no console errors, and what it shows is what the API answers to the same
 * question (fetched here over HTTP and compared, never typed in). Screenshots go to screenshots/explorer/.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromium, type Browser, type Page } from "playwright-core";
import { PROJECT_ROOT } from "../../src/config.js";
import { useTestServer } from "../support/harness.js";

const CHROMIUM = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((file) => fs.existsSync(file));
if (!CHROMIUM) console.warn("\n*** SKIPPING explorer browser tests: no Chromium at /usr/bin/chromium (.ci/run installs it) ***\n");
const SHOTS = path.join(PROJECT_ROOT, "screenshots", "explorer");
const SWINDON = "org:swindon-borough-council";

describe.skipIf(!CHROMIUM)("the explorer in a browser", () => {
  const server = useTestServer();
  let browser: Browser;
  let origin: string;
  const problems: string[] = [];

  beforeAll(async () => {
    origin = new URL(server.url).origin;
    fs.mkdirSync(SHOTS, { recursive: true });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
  });
  afterAll(async () => {
    await browser?.close();
    console.log(`Explorer screenshots: ${SHOTS}`);
  });

  /** A page that records console errors, page errors, failed responses and any request leaving this server. */
  async function open(address: string, viewport = { width: 1280, height: 900 }): Promise<Page> {
    const page = await browser.newPage({ viewport });
    page.on("request", (request) => {
      const url = request.url();
      if (!url.startsWith(origin) && !url.startsWith("data:")) problems.push(`${address}: request left the server: ${url}`);
    });
    page.on("pageerror", (error) => problems.push(`${address}: page error: ${error.message}`));
    page.on("console", (message) => {
      if (message.type() === "error") problems.push(`${address}: console error: ${message.text()}`);
    });
    page.on("response", (response) => {
      if (response.status() >= 400 && !(page as Page & { expectErrors?: boolean }).expectErrors) problems.push(`${address}: HTTP ${response.status()} ${response.url()}`);
    });
    await page.goto(origin + address, { waitUntil: "load" });
    await page.locator("main h1").first().waitFor();
    await expect.poll(() => page.locator(".app-loading").count(), { timeout: 20_000 }).toBe(0);
    return page;
  }

  const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
  const texts = (page: Page, selector: string) => page.locator(selector).allInnerTexts().then((all) => all.map((t) => t.trim()));

  it("serves the app at / and at every page's address, GraphiQL staying at /graphql", async () => {
    for (const address of ["/", "/authority/org:swindon-borough-council", "/themes?from=2019", "/no/such/page"]) {
      const response = await fetch(origin + address, { headers: { accept: "text/html" } });
      expect(response.status, address).toBe(200);
      expect(await response.text()).toContain('<div id="root">');
    }
    expect(await (await fetch(server.url, { headers: { accept: "text/html" } })).text()).toContain("GraphiQL");
    expect((await fetch(`${origin}/assets/no-such-bundle.js`)).status).toBe(404);
  });

  it("England: the table, the counts per grade and the tiles are the API's authorities and grades", async () => {
    const { authorities } = await server.data<{ authorities: { id: string; name: string; region: string; latestGrades: { overall: string | null } | null }[] }>(
      `{ authorities { id name region latestGrades { overall } } }`,
    );
    const page = await open("/");
    expect(await texts(page, ".app-authorities tbody th")).toEqual(authorities.map((a) => a.name));
    expect(await page.locator(".app-counts h2").innerText()).toContain(`${authorities.length} authorities`);
    for (const grade of ["OUTSTANDING", "GOOD", "REQUIRES_IMPROVEMENT", "INADEQUATE"]) {
      const expected = authorities.filter((a) => a.latestGrades?.overall === grade).length;
      const shown = page.locator(`.app-counts__item[data-grade="${grade}"] .app-count`);
      if (expected === 0) expect(await shown.count()).toBe(0);
      else expect(Number(await shown.innerText()), grade).toBe(expected);
    }
    expect(await page.locator(".app-tile").count()).toBe(authorities.length);
    await shot(page, "england");

    // Filters live in the URL: region and grade, sorted by a column, as the API answers the same question.
    const region = authorities.find((a) => a.name === "Swindon Borough Council")?.region ?? authorities[0]!.region;
    const filtered = await server.data<{ authorities: { name: string }[] }>(
      `query ($region: String) { authorities(region: $region, gradeOf: CHILDREN_IN_CARE, orderBy: { field: CHILDREN_IN_CARE, direction: DESC }) { name } }`,
      { region },
    );
    const sortedPage = await open(`/?region=${encodeURIComponent(region)}&area=CHILDREN_IN_CARE&sort=CHILDREN_IN_CARE&dir=DESC`);
    expect(await texts(sortedPage, ".app-authorities tbody th")).toEqual(filtered.authorities.map((a) => a.name));
    expect(await sortedPage.locator("#region").inputValue()).toBe(region);
    // Choosing a grade narrows the table and the address says so.
    await sortedPage.locator("#grade").selectOption("INADEQUATE");
    await expect.poll(() => sortedPage.url()).toContain("grade=INADEQUATE");
    const inadequate = await server.data<{ authorities: { name: string }[] }>(
      `query ($region: String) { authorities(region: $region, gradeOf: CHILDREN_IN_CARE, grade: INADEQUATE, orderBy: { field: CHILDREN_IN_CARE, direction: DESC }) { name } }`,
      { region },
    );
    await expect.poll(() => texts(sortedPage, ".app-authorities tbody th")).toEqual(inadequate.authorities.map((a) => a.name));
  });

  it("Authority: grades over time, each inspection's recommendations by theme with their quotes, neighbours", async () => {
    const api = await server.data<any>(
      `query ($id: ID!) {
        judgementHistory(authority: $id) { judgementArea { id } points { date grade } }
        inspections(authority: $id) { id start status findings { kind summary themes { id } evidence { quote } } }
        organisation(id: $id) { name statisticalNeighbours { authority { name } } }
      }`,
      { id: SWINDON },
    );
    const page = await open(`/authority/${SWINDON}`);
    expect(await page.locator("h1").innerText()).toBe(api.organisation.name);
    for (const series of api.judgementHistory.filter((s: any) => s.points.length > 0)) {
      const row = page.locator(`.app-history tr[data-series="${series.judgementArea.id}"]`);
      expect(await row.locator("li").evaluateAll((items) => items.map((li) => `${li.getAttribute("data-date")} ${li.querySelector("[data-grade]")?.getAttribute("data-grade")}`))).toEqual(
        series.points.map((p: any) => `${p.date} ${p.grade}`),
      );
    }
    expect(await page.locator(".app-chart svg").count()).toBeGreaterThan(0);
    expect(await texts(page, ".app-neighbours tbody th a")).toEqual(api.organisation.statisticalNeighbours.map((n: any) => n.authority.name));

    // The 2023 inspection: open it, find its largest theme, open a recommendation's quote.
    const inspection = api.inspections.find((i: any) => i.start?.startsWith("2023") && i.findings.some((f: any) => f.kind === "RECOMMENDATION"));
    expect(inspection, "a 2023 inspection with recommendations").toBeDefined();
    const recommendations = inspection.findings.filter((f: any) => f.kind === "RECOMMENDATION");
    const details = page.locator(`details[data-inspection="${inspection.id}"]`);
    await details.locator(":scope > summary").click();
    await expect.poll(() => page.url()).toContain(`inspection=${encodeURIComponent(inspection.id)}`);
    expect(await details.locator(".app-finding").count()).toBe(recommendations.reduce((n: number, f: any) => n + Math.max(1, f.themes.length), 0));
    const counts = new Map<string, number>();
    for (const f of recommendations) for (const t of f.themes) counts.set(t.id, (counts.get(t.id) ?? 0) + 1);
    const [theme, count] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]!;
    const group = details.locator(`.app-theme-group[data-theme="${theme}"]`);
    expect(await group.locator(".app-finding").count()).toBe(count);
    const first = group.locator(".app-finding").first();
    await first.locator(".app-evidence summary").click();
    const quote = (await first.locator(".app-quote__text").first().innerText()).replace(/^“|”$/g, "");
    const summary = await first.evaluate((li) => li.firstChild?.textContent?.trim());
    const finding = recommendations.find((f: any) => f.summary === summary);
    expect(finding, `recommendation "${summary}"`).toBeDefined();
    expect(finding.evidence.map((e: any) => e.quote)).toContain(quote);
    expect(await first.locator(".app-quote__source").first().innerText()).toMatch(/Ofsted|\d{4}/);
    await shot(page, "authority-swindon");
  });

  it("Themes: a theme's count per year is the API's, and a year opens the quotes behind it", async () => {
    const { themePrevalence } = await server.data<any>(
      `{ themePrevalence(from: 2018, to: 2025, theme: "theme:pathway-plans") { year authorities findingCount theme { id } } }`,
    );
    expect(themePrevalence.length).toBeGreaterThan(0);
    const page = await open("/themes?from=2018&to=2025&theme=theme:pathway-plans");
    for (const row of themePrevalence) {
      const cell = page.locator(`tr[data-theme="theme:pathway-plans"] td[data-year="${row.year}"]`);
      expect(Number(await cell.innerText()), String(row.year)).toBe(row.authorities);
    }
    const busiest = [...themePrevalence].sort((a: any, b: any) => b.authorities - a.authorities)[0];
    await page.locator(`tr[data-theme="theme:pathway-plans"] td[data-year="${busiest.year}"] button`).click();
    await expect.poll(() => page.locator(".app-cell__findings .app-finding").count(), { timeout: 15_000 }).toBe(Math.min(200, busiest.findingCount));
    expect(page.url()).toContain(`cell=${encodeURIComponent(`theme:pathway-plans|${busiest.year}`)}`);
    expect(await page.locator(".app-cell h2").innerText()).toContain(`${busiest.authorities} ${busiest.authorities === 1 ? "authority" : "authorities"}`);
    await shot(page, "themes-pathway-plans");
  });

  it("Accountability: the chain for children in care on 1 October 2024 is the API's, drawn and listed", async () => {
    const { accountability } = await server.data<any>(
      `{ accountability(authority: "${SWINDON}", serviceArea: "area:children-in-care", on: "2024-10-01") { posts { post { id title } holders { person { name unnamed } } lastKnown { person { name } } } } }`,
    );
    const page = await open(`/accountability?authority=${SWINDON}&area=area:children-in-care&on=2024-10-01`);
    expect((await texts(page, ".app-chain__post h4 a")).sort()).toEqual(accountability.posts.map((p: any) => p.post.title).sort());
    const shownHolders = (await texts(page, ".app-holder > a")).sort();
    const apiHolders = accountability.posts.flatMap((p: any) => p.holders.map((h: any) => (h.person.unnamed ? "Unnamed holder" : h.person.name))).sort();
    expect(shownHolders).toEqual(apiHolders);
    expect(Number(await page.locator(".app-graph").getAttribute("data-nodes"))).toBeGreaterThanOrEqual(accountability.posts.length);
    expect(await page.locator(".app-basis").count()).toBe(0);
    await shot(page, "accountability-swindon-2024-10-01");

    // A council of the national record, with no source stating its lines: the statutory ones, said to be so.
    const { authorities } = await server.data<{ authorities: { id: string }[] }>(`{ authorities { id } }`);
    for (const { id } of authorities) {
      const { accountability: statutory } = await server.data<any>(
        `query ($id: ID!) { accountability(authority: $id, serviceArea: "area:children-in-care", asOf: "2024") { basis posts { post { title } } } }`,
        { id },
      );
      if (statutory.basis !== "STATUTE" || statutory.posts.length === 0) continue;
      const other = await open(`/accountability?authority=${id}&area=area:children-in-care&on=2024`);
      expect(await other.locator(".app-basis").innerText()).toContain("Children Act 2004");
      expect((await texts(other, ".app-chain__post h4 a")).sort()).toEqual(statutory.posts.map((p: any) => p.post.title).sort());
      await shot(other, "accountability-statutory");
      return;
    }
    throw new Error("no council with statutory lines and posts in the graph");
  });

  it("Search and entity pages: hits as the API ranks them, highlighted, each linking to its page", async () => {
    const { search } = await server.data<any>(`{ search(text: "pathway", first: 50) { node { id } snippet } }`);
    const page = await open("/search?q=pathway");
    expect(await page.locator(".app-result").evaluateAll((items) => items.map((li) => li.getAttribute("data-node")))).toEqual(search.map((h: any) => h.node.id));
    expect(await page.locator(".app-result mark").count()).toBeGreaterThan(0);
    await shot(page, "search-pathway");
    // Filtered by authority, as the API filters it.
    const scoped = await server.data<any>(`{ search(text: "plans", first: 50, authority: "${SWINDON}") { node { id } } }`);
    const scopedPage = await open(`/search?q=plans&authority=${SWINDON}`);
    expect(await scopedPage.locator(".app-result").evaluateAll((items) => items.map((li) => li.getAttribute("data-node")))).toEqual(scoped.search.map((h: any) => h.node.id));
    await expect.poll(() => scopedPage.locator("#search-authority").inputValue()).toBe(SWINDON);
    await page.locator(".app-result__title").first().click();
    await expect.poll(() => page.locator("main h1").innerText()).not.toBe("Search");
    expect(page.url()).not.toContain("/search");
  });

  it("Connection: the paths between two things, with every hop's evidence", async () => {
    const { paths } = await server.data<any>(`{ paths(from: "${SWINDON}", to: "theme:pathway-plans", maxHops: 4, first: 5) { length hops { type } } }`);
    const page = await open(`/connection?from=${SWINDON}&to=theme:pathway-plans`);
    expect(await page.locator(".app-path").count()).toBe(paths.length);
    expect(await page.locator(".app-hop").count()).toBe(paths.reduce((n: number, p: any) => n + p.hops.length, 0));
    await shot(page, "connection");
  });

  it("says what went wrong: unknown pages and ids, and the API's own errors with their code", async () => {
    let page = await open("/no/such/page");
    expect(await page.locator("h1").innerText()).toBe("Page not found");
    page = await open("/authority/org:no-such-council");
    expect(await page.locator("h1").innerText()).toBe("Authority not found");
    page = await browser.newPage();
    await page.goto(`${origin}/accountability?authority=org:no-such-council&area=area:children-in-care&on=2024-10-01`);
    await page.locator(".govuk-error-summary").waitFor();
    expect(await page.locator(".app-error-code").innerText()).toContain("NOT_FOUND");
    await page.close();
  });

  it("can be used with the keyboard alone: skip link, filters, an authority, an inspection", async () => {
    const page = await open("/");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Skip to main content");
    await page.keyboard.press("Enter");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("main-content");
    /** Tabs until the focused element matches, as a keyboard user would. */
    const tabTo = async (matches: string, limit = 400) => {
      for (let i = 0; i < limit; i++) {
        await page.keyboard.press("Tab");
        if (await page.evaluate((selector) => document.activeElement?.matches(selector) ?? false, matches)) return;
      }
      throw new Error(`could not reach ${matches} with Tab`);
    };
    await tabTo("#region");
    await page.keyboard.press("ArrowDown"); // the first region
    await expect.poll(() => page.url()).toContain("region=");
    const region = await page.locator("#region").inputValue();
    const { authorities } = await server.data<{ authorities: { name: string }[] }>(`query ($region: String) { authorities(region: $region) { name } }`, { region });
    await expect.poll(() => texts(page, ".app-authorities tbody th")).toEqual(authorities.map((a) => a.name));
    const firstAuthority = await page.locator(".app-authorities tbody th a").first().innerText();
    await tabTo(".app-authorities tbody th a");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.locator("main h1").innerText(), { timeout: 15_000 }).toBe(firstAuthority);
    await expect.poll(() => page.locator(".app-loading").count(), { timeout: 20_000 }).toBe(0);
    await tabTo("details.app-inspection > summary");
    await page.keyboard.press("Enter");
    expect(await page.locator("details.app-inspection[open]").count()).toBe(1);
  });

  it("stays readable at 200% zoom: nothing wider than the window except scrollable tables", async () => {
    for (const address of ["/", `/authority/${SWINDON}`, "/themes"]) {
      const page = await open(address, { width: 640, height: 900 });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, address).toBeLessThanOrEqual(0);
      await shot(page, `zoom-200-${address.replace(/\W+/g, "-")}`);
      await page.close();
    }
  });

  it("raised no console error, page error or outside request on any page", () => {
    expect(problems).toEqual([]);
  });
});
