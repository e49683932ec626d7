/**
 * The built task pane (dist/web) served on localhost and opened in Debian's
 * Chromium through playwright-core, with office.js replaced by the in-memory
 * Excel (tests/support/fakeExcel/browser.ts, bundled with esbuild).
 */
import { createServer, type Server } from "node:http";
import { existsSync, readFileSync } from "node:fs";
import { extname, join, normalize } from "node:path";
import { buildSync } from "esbuild";
import { chromium, type Browser, type Page } from "playwright-core";

export const WEB = join(__dirname, "../../dist/web");
const TYPES: Record<string, string> = {
  ".html": "text/html",
  ".js": "text/javascript",
  ".png": "image/png",
  ".xml": "text/xml",
};

export function fakeOfficeScript(): string {
  const out = buildSync({
    entryPoints: [join(__dirname, "../support/fakeExcel/browser.ts")],
    bundle: true,
    format: "iife",
    write: false,
    platform: "browser",
    target: "es2022",
  });
  return out.outputFiles[0]!.text;
}

export async function serve(): Promise<{ server: Server; url: string }> {
  if (!existsSync(join(WEB, "taskpane.html")))
    throw new Error("dist/web is missing: run `npm run build:web` (npm test does) before the browser tests");
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent((req.url ?? "/").split("?")[0]!)).replace(/^(\.\.[/\\])+/, "");
    const file = join(WEB, path);
    if (!file.startsWith(WEB) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" }).end(readFileSync(file));
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return { server, url: `http://127.0.0.1:${port}` };
}

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** The width Excel gives a task pane by default (320–350 px): the pane is tested and pictured at it. */
export const PANE_WIDTH = 350;

/** A page whose office.js is the in-memory Excel; every other outside request is refused. */
export async function openPane(
  browser: Browser,
  url: string,
  query = "",
  { width = PANE_WIDTH }: { width?: number } = {},
): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 900 }, acceptDownloads: true });
  // Generous: a loaded 2-core machine reads and validates workbooks in the page several times slower.
  page.setDefaultTimeout(90_000);
  const fake = fakeOfficeScript();
  await page.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) =>
    route.request().url().endsWith("/office.js")
      ? route.fulfill({ status: 200, contentType: "text/javascript", body: fake })
      : route.abort(),
  );
  await page.goto(`${url}/taskpane.html${query}`);
  return page;
}

/** How far the page scrolls sideways, and the widest elements past its right edge (to say what overflows). */
export function sideScroll(page: Page): Promise<{ scrollWidth: number; clientWidth: number; overflowing: string[] }> {
  return page.evaluate(() => {
    const root = document.scrollingElement!;
    const overflowing = [...document.body.querySelectorAll("*")]
      .filter((e) => e.getBoundingClientRect().right > root.clientWidth + 0.5)
      .slice(0, 5)
      .map(
        (e) =>
          `${e.tagName.toLowerCase()}.${String(e.className).split(" ")[0]} «${(e.textContent ?? "").slice(0, 40)}»`,
      );
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, overflowing };
  });
}
