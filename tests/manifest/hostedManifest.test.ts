/**
 * Publishing: the manifest that the web build writes for ADDIN_URL (through
 * webpack.config.js's own copy rule) points there, has no localhost left,
 * and passes the offline check; unusable addresses are refused with a reason.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import {
  addinBase,
  AddinUrlError,
  DEV_BASE,
  hostedCheckOptions,
  hostedManifest,
  publishedBaseOf,
} from "../../src/manifest/hostedManifest";
import { extractAssociatedFunctions, validateManifest } from "../../src/manifest/validateManifest";

const ROOT = path.resolve(__dirname, "..", "..");
const MANIFEST = readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
const FUNCTIONS = extractAssociatedFunctions(readFileSync(path.join(ROOT, "src", "commands", "commands.ts"), "utf8"));

interface CopyPattern {
  from: string;
  to: string;
  transform?: (content: Buffer, file: string) => string;
}

/** The manifest as `webpack --mode production --env ADDIN_URL=…` writes it: the config's own copy rule, run. */
async function builtManifest(url: string | undefined): Promise<{ to: string; xml: string }> {
  const configure = require(path.join(ROOT, "webpack.config.js")) as (
    env: Record<string, string>,
    argv: Record<string, string>,
  ) => Promise<{ plugins: unknown[] }>;
  const config = await configure(url ? { ADDIN_URL: url } : {}, { mode: "production" });
  const copy = config.plugins.find((p) => p?.constructor?.name === "CopyPlugin") as { patterns: CopyPattern[] };
  const rule = copy.patterns.find((p) => p.from === "manifest.xml")!;
  return { to: rule.to, xml: rule.transform!(Buffer.from(MANIFEST), path.join(ROOT, "manifest.xml")) };
}

function offlineCheck(xml: string, base: string) {
  return validateManifest(xml, {
    assetsDir: path.join(ROOT, "assets"),
    functionNames: FUNCTIONS,
    ...hostedCheckOptions(base),
  });
}

test("ADDIN_URL=https://example.org/bilan: dist/manifest.xml points there, no localhost, the offline check passes", async () => {
  const saved = process.env.ADDIN_URL;
  process.env.ADDIN_URL = "https://example.org/bilan";
  try {
    const { to, xml } = await builtManifest(undefined);
    expect(path.resolve(ROOT, "dist", "web", to)).toBe(path.join(ROOT, "dist", "manifest.xml"));
    expect(xml).not.toMatch(/localhost/i);
    expect(xml).toContain('<SourceLocation DefaultValue="https://example.org/bilan/taskpane.html"/>');
    expect(xml).toContain('<bt:Image id="Icon.16x16" DefaultValue="https://example.org/bilan/assets/icon-16.png"/>');
    expect(xml).toContain("<AppDomain>https://example.org</AppDomain>");
    expect(publishedBaseOf(xml)).toBe("https://example.org/bilan/");
    const report = offlineCheck(xml, "https://example.org/bilan/");
    expect(report.errors).toEqual([]);
    expect(report.warnings).toEqual([]);
  } finally {
    if (saved === undefined) delete process.env.ADDIN_URL;
    else process.env.ADDIN_URL = saved;
  }
}, 60_000);

test("--env ADDIN_URL wins; without it the manifest stays the development one", async () => {
  const { xml } = await builtManifest("https://intranet.departement.fr/");
  expect(xml).toContain('DefaultValue="https://intranet.departement.fr/taskpane.html"');
  expect(offlineCheck(xml, "https://intranet.departement.fr/").errors).toEqual([]);
  expect((await builtManifest(undefined)).xml).toBe(MANIFEST);
  expect(publishedBaseOf(MANIFEST)).toBe(DEV_BASE);
}, 60_000);

test("the offline check, pointed at the published folder, still finds a missing icon there", () => {
  const xml = hostedManifest(MANIFEST, "https://example.org/bilan/").replace(
    "assets/icon-16.png",
    "assets/icone-16.png",
  );
  const codes = offlineCheck(xml, "https://example.org/bilan/").errors.map((e) => e.code);
  expect(codes).toContain("icon.missingFile");
});

test.each([
  ["https://example.org/bilan", "https://example.org/bilan/"],
  ["https://example.org/bilan/", "https://example.org/bilan/"],
  ["  https://Example.org:8443/a b/  ", "https://example.org:8443/a%20b/"],
  ["https://example.org", "https://example.org/"],
])("the folder %s is published as %s", (raw, base) => {
  expect(addinBase(raw)).toBe(base);
});

test.each([
  [
    "http://example.org/bilan",
    "addinUrl.notHttps",
    /doit commencer par https:\/\/ : Office refuse de charger un complément servi en http$/,
  ],
  ["example.org/bilan", "addinUrl.invalid", /n'est pas une adresse web complète/],
  [
    "https://example.org/bilan/taskpane.html",
    "addinUrl.file",
    /désigne un fichier \(taskpane\.html\) : .*ici https:\/\/example\.org\/bilan\/$/,
  ],
  ["https://example.org/bilan/manifest.xml", "addinUrl.file", /ici https:\/\/example\.org\/bilan\/$/],
  ["https://example.org/bilan/?v=2", "addinUrl.extra", /contient « \? »/],
  ["https://example.org/bilan#x", "addinUrl.extra", /contient « # »/],
  ["https://moi:secret@example.org/bilan/", "addinUrl.extra", /contient « user:password@ »/],
  [
    "https://example.org//bilan/",
    "addinUrl.emptySegment",
    /« \/\/ » : corrigez-le \(par exemple https:\/\/example\.org\/bilan\/\)/,
  ],
])("%s is refused (%s), in French and in English", (raw, code, french) => {
  let error: unknown;
  try {
    addinBase(raw);
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(AddinUrlError);
  expect((error as AddinUrlError).code).toBe(code);
  expect((error as AddinUrlError).message).toMatch(french);
  expect((error as AddinUrlError).messageEn).toContain(`ADDIN_URL "${raw.trim()}"`);
});

test("a development address the rewriting does not know is caught, not published", () => {
  const xml = MANIFEST.replace("</OfficeApp>", "<!-- http://localhost:8080/x -->\n</OfficeApp>");
  expect(() => hostedManifest(xml, "https://example.org/bilan/")).toThrow(/mentionne encore localhost \(ligne \d+\)/);
});

test("the web build refuses an http ADDIN_URL before compiling, with the reason in both languages", () => {
  const r = spawnSync(
    process.execPath,
    [
      path.join(ROOT, "node_modules", "webpack-cli", "bin", "cli.js"),
      "--mode",
      "production",
      "--env",
      "ADDIN_URL=http://example.org/bilan",
    ],
    { cwd: ROOT, encoding: "utf8", timeout: 60_000 },
  );
  expect(r.status).toBe(2);
  expect(r.stderr).toContain("ADDIN_URL « http://example.org/bilan » doit commencer par https://");
  expect(r.stderr).toContain('ADDIN_URL "http://example.org/bilan" must start with https://');
}, 60_000);
