/** GraphiQL in a real headless Chromium: the page loads from this server alone, runs a query, shows the answer. */
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromium, type Browser } from "playwright-core";
import { useTestServer } from "../support/harness.js";

const CHROMIUM = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((file) => fs.existsSync(file));
if (!CHROMIUM) console.warn("\n*** SKIPPING browser tests: no Chromium at /usr/bin/chromium (.ci/run installs it) ***\n");

describe.skipIf(!CHROMIUM)("GraphiQL in a browser", () => {
  const server = useTestServer();
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
  });
  afterAll(() => browser?.close());

  it("runs the example query and shows the sources, with no request leaving this server", async () => {
    const page = await browser.newPage();
    const origin = new URL(server.url).origin;
    const foreign: string[] = [];
    page.on("request", (request) => {
      if (!request.url().startsWith(origin) && !request.url().startsWith("data:")) foreign.push(request.url());
    });
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    // A Content-Security-Policy violation is reported on the console, not as a page error.
    page.on("console", (message) => {
      if (message.type() === "error" && /Content.Security.Policy|Refused to/i.test(message.text())) errors.push(message.text());
    });

    const loaded = await page.goto(server.url, { waitUntil: "load" });
    // The page runs under helmet's CSP (this origin's scripts only) and the rest of its headers.
    const headers = loaded!.headers();
    expect(headers["content-security-policy"]).toMatch(/script-src 'self'(;|$)/);
    expect(headers["x-content-type-options"]).toBe("nosniff");
    await page.locator(".graphiql-execute-button").click();
    const response = page.locator(".graphiql-response");
    await expect.poll(async () => response.innerText(), { timeout: 15_000 }).toContain("source:swt-2023-09-18-inadequate");
    expect(await response.innerText()).toContain("Social Work Today");
    await page.screenshot({ path: `${fs.mkdtempSync("/tmp/csg-graphiql-")}/graphiql.png` });
    expect(errors).toEqual([]);
    expect(foreign).toEqual([]);
  });
});
