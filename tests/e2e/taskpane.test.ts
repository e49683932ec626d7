/**
 * The whole job in the built task pane, in Chromium, against the in-memory
 * Excel, at the 350 px Excel gives a pane: pick Essonne → Générer → values
 * typed (3 faults) → Contrôler → click a finding → fix one, the list updates
 * live → Calculer → Consolider two partner files → Exporter; then, with an
 * Orne bilan open, Consolider refuses an Essonne file with the reason; a blank
 * workbook's check is one line per axe. No tab scrolls sideways, in French at
 * 350 px and in English at 320 px. Screenshots of each step in
 * docs/screenshots/ (the README shows them); axe-core finds no serious or
 * critical accessibility violation.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Server } from "node:http";
import type { Browser, Page } from "playwright-core";
import { loadBuiltin } from "../../src/model/builtins";
import { layoutWorkbook } from "../../src/engine/layout";
import type { WorkbookPlan } from "../../src/engine/plan";
import { renderPlanToXlsx } from "../../src/hosts/xlsx/renderPlan";
import { parseA1 } from "../../src/util/a1";
import { fillValid } from "../support/fill";
import { computeRollups } from "../../src/engine/rollup";
import { VUES } from "../../src/shared/vue";
import { t, type Lang } from "../../src/i18n";
import type { Vue } from "../../src/shared/vue";

const vueLabel = (lang: Lang, vue: Vue) => t(lang, `pane.vue.${vue}`);
import { launch, openPane, serve, sideScroll } from "./browser";

jest.setTimeout(180_000);

const SHOTS = join(__dirname, "../../docs/screenshots");
/** Partner files made for Consolider. */
const WORK = join(__dirname, "../../out/e2e");
const schema = loadBuiltin("essonne_2022_2026");
const YEAR = Math.min(Math.max(new Date().getFullYear(), schema.periode.debut), schema.periode.fin);
let server: Server;
let serverUrl: string;
let browser: Browser;
let page: Page;
let plan: WorkbookPlan;

function layout(options: Parameters<typeof layoutWorkbook>[1]): WorkbookPlan {
  const r = layoutWorkbook(schema, options);
  if (!r.ok) throw new Error(r.error.message);
  return r.plan;
}

const binding = (key: string) => plan.meta.bindings.find((b) => b.key === key)!;
const firstOfType = (type: string) =>
  schema.axes
    .flatMap((a) => a.fiches)
    .flatMap((f) => f.indicateurs)
    .find((i) => i.type === type)!;
const axeOf = (nodeId: string) =>
  schema.axes.find((a) => a.fiches.some((f) => f.indicateurs.some((i) => i.id === nodeId)))!;
const shot = (name: string, p = page) => p.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });

/** The pane does not scroll sideways (what overflows is named when it does). */
async function noSideScroll(p = page): Promise<void> {
  const s = await sideScroll(p);
  expect(s.scrollWidth > s.clientWidth ? s.overflowing : []).toEqual([]);
  expect(s.scrollWidth).toBeLessThanOrEqual(s.clientWidth);
}

/** axe-core in the page: serious and critical violations, by rule. */
async function accessibility(p = page): Promise<string[]> {
  await p.addScriptTag({ path: require.resolve("axe-core/axe.min.js") });
  return p.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (c: unknown) => Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> };
      }
    ).axe;
    // Fluent UI's focus-trap sentinels (tabster "dummy" elements) are focusable and aria-hidden by design.
    const r = await axe.run({ exclude: [["[data-tabster-dummy]"]] });
    return r.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map(
        (v) =>
          `${v.id} (${v.nodes.length}) ${JSON.stringify(v.nodes.map((n) => (n as { html: string }).html)).slice(0, 400)}`,
      );
  });
}

/** Waits until `read()` gives `expected` (30 s: reading partner files in the page is slow on a busy machine), then asserts it. */
async function eventually<T>(read: () => Promise<T>, expected: T): Promise<void> {
  const until = Date.now() + 30_000;
  let got = await read();
  while (JSON.stringify(got) !== JSON.stringify(expected) && Date.now() < until) {
    await new Promise((done) => setTimeout(done, 100));
    got = await read();
  }
  expect(got).toEqual(expected);
}

/** The user types into the in-memory workbook (onChanged handlers fire). */
const type = (key: string, value: string | number) => {
  const b = binding(key);
  return page.evaluate(
    ([s, a, v]) =>
      (window as never as { __excel: { type: (s: string, a: string, v: unknown) => Promise<void> } }).__excel.type(
        s,
        a,
        v,
      ),
    [b.sheet, b.address, value] as const,
  );
};

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  mkdirSync(WORK, { recursive: true });
  plan = fillValid(layout({ campaignYear: YEAR }), schema);
  const served = await serve();
  server = served.server;
  serverUrl = served.url;
  browser = await launch();
  // Each sync takes 120 ms, as over a network: the progress bar has time to show.
  page = await openPane(browser, served.url, "?syncDelay=120");
});

afterAll(async () => {
  await browser?.close();
  server?.close();
});

test("pick the Essonne schéma: its tree is shown", async () => {
  await page.locator('input[value="essonne_2022_2026"]').check();
  await page.getByText(/Schéma choisi/).waitFor();
  await shot("01-schema");
  await noSideScroll();
  expect(await accessibility()).toEqual([]);
});

test("Générer: a progress bar, then the sheets in the workbook", async () => {
  await page.getByRole("tab", { name: "Générer" }).click();
  await page.getByRole("button", { name: "Générer le classeur" }).click();
  await page.getByRole("progressbar").waitFor();
  await shot("02-generer-progression");
  await noSideScroll();
  await page.getByText(/Classeur généré/).waitFor();
  const sheets = await page.evaluate(() =>
    (window as never as { __excel: { state: { sheets: { name: string }[] } } }).__excel.state.sheets.map((s) => s.name),
  );
  expect(sheets).toEqual(["Feuil1", ...plan.sheets.map((s) => s.name)]);
  expect(await accessibility()).toEqual([]);
});

test("values typed with three faults: Contrôler lists them; a click selects the cell; a fix updates the list", async () => {
  // Every expected input, as a careful partner fills it…
  const entries = plan.meta.bindings
    .filter((b) => b.input)
    .map((b) => {
      const { row, col } = parseA1(b.address);
      const cell = plan.sheets.find((s) => s.name === b.sheet)!.cells.find((c) => c.row === row && c.col === col)!;
      return [b.sheet, row, col, cell.value ?? null] as const;
    })
    .filter(([, , , v]) => v !== null);
  await page.evaluate((list) => {
    const excel = (
      window as never as {
        __excel: { state: { mustSheet: (n: string) => { cell: (r: number, c: number) => { value: unknown } } } };
      }
    ).__excel;
    for (const [sheet, row, col, value] of list) excel.state.mustSheet(sheet).cell(row, col).value = value;
  }, entries);
  // …then three mistakes.
  const count = `${firstOfType("count").id}@valeur:${YEAR}`;
  await type(count, 12.5);
  await type(`${firstOfType("rate").id}@valeur:${YEAR}`, 180);
  await type(`${firstOfType("boolean").id}@valeur:${YEAR}`, "Peut-être");

  await page.getByRole("tab", { name: "Contrôler" }).click();
  await page.getByRole("button", { name: "Contrôler le classeur" }).click();
  await page
    .getByTestId("counts")
    .getByText(/^3 erreur\(s\), 0 avertissement\(s\), 0 info\(s\)/)
    .waitFor();
  const rows = page.getByTestId("findings").locator("li[data-rule]");
  expect(await rows.count()).toBe(3);
  await shot("03-controler");
  await noSideScroll();
  // Each fault under its axe, whose line counts it; the cell column names the sheet, shortly.
  for (const ind of [firstOfType("count"), firstOfType("rate"), firstOfType("boolean")]) {
    const axe = axeOf(ind.id);
    const group = page.getByTestId(`axe-${axe.id}`);
    expect(await group.textContent()).toMatch(/\d+\u00a0erreurs?/);
    const b = binding(`${ind.id}@valeur:${YEAR}`);
    const place = `${schema.niveaux.axe} ${axe.numero}!${b.address}`;
    const link = group.getByRole("button", { name: `Aller à ${place}`, exact: true });
    expect(await link.textContent()).toBe(place);
    expect(await link.getAttribute("title")).toBe(`${b.sheet}!${b.address}`);
  }
  // Filtering by rule keeps the matching finding only.
  await page.getByRole("combobox", { name: "Règle" }).click();
  await page.getByRole("option", { name: /^plage\.taux-sup-100/ }).click();
  await eventually(() => rows.count(), 1);
  await page.getByRole("combobox", { name: "Règle" }).click();
  await page.getByRole("option", { name: "Tous" }).click();
  await eventually(() => rows.count(), 3);
  expect(await accessibility()).toEqual([]);

  const b = binding(count);
  await page
    .getByRole("button", {
      name: `Aller à ${schema.niveaux.axe} ${axeOf(firstOfType("count").id).numero}!${b.address}`,
      exact: true,
    })
    .click();
  await eventually(
    () =>
      page.evaluate(() => (window as never as { __excel: { state: { selection: unknown } } }).__excel.state.selection),
    { sheet: b.sheet, address: b.address },
  );

  await type(count, 12);
  await page
    .getByTestId("counts")
    .getByText(/^2 erreur\(s\)/)
    .waitFor();
  expect(await rows.count()).toBe(2);
  await shot("03-controle-en-direct");
  // The Contrôles sheet was refreshed too.
  const controles = await page.evaluate(() => {
    const s = (
      window as never as {
        __excel: {
          state: { mustSheet: (n: string) => { peek: (r: number, c: number) => { value: unknown } | undefined } };
        };
      }
    ).__excel.state.mustSheet("Contrôles");
    return [s.peek(4, 1)?.value, s.peek(5, 1)?.value, s.peek(6, 1)?.value ?? null];
  });
  expect(controles).toEqual(["erreur", "erreur", null]);
});

test("Calculer: the pane's figures per axe are the engine's, the Sommaire gets its chart", async () => {
  // The engine, in this process, on the values typed above (the fix included).
  const values = new Map<string, string | number>();
  for (const b of plan.meta.bindings.filter((x) => x.input)) {
    const { row, col } = parseA1(b.address);
    const v = plan.sheets.find((s) => s.name === b.sheet)!.cells.find((c) => c.row === row && c.col === col)!.value;
    if (v !== undefined) values.set(b.key, v as string | number);
  }
  values.set(`${firstOfType("count").id}@valeur:${YEAR}`, 12);
  values.set(`${firstOfType("rate").id}@valeur:${YEAR}`, 180);
  values.set(`${firstOfType("boolean").id}@valeur:${YEAR}`, "Peut-être");
  const rollups = computeRollups(schema, plan.meta, values);
  // French: a decimal comma and a no-break space before « % » (narrow or not, as the browser's ICU has it).
  const pct = (v: number | undefined) =>
    v === undefined ? "non calculable" : `${String(Math.round(v * 1000) / 10).replace(".", ",")} %`;
  const spaces = (s: string | null) => (s ?? "").replace(/[\u00a0\u202f]/g, " ");

  await page.getByRole("tab", { name: "Calculer" }).click();
  await page.getByRole("button", { name: "Calculer les indicateurs de suivi" }).click();
  await page.getByText("Tableau de bord du Sommaire mis à jour.").waitFor();
  for (const axe of rollups.axes) {
    const shown = await page.getByTestId(`rollup-${axe.id}`).textContent();
    expect(spaces(shown)).toContain(
      `Calendrier ${pct(axe.avancement)} · saisies ${pct(axe.completude)} · cibles ${axe.cibles ?? "non calculable"}`,
    );
    expect(shown).not.toMatch(/\d %/);
  }
  const charts = await page.evaluate(() =>
    (
      window as never as { __excel: { state: { mustSheet: (n: string) => { charts: { name: string }[] } } } }
    ).__excel.state
      .mustSheet("Sommaire")
      .charts.map((c) => c.name),
  );
  expect(charts).toEqual(["bilan-avancement"]);
  await shot("04-calculer");
  await noSideScroll();
  // The line of one indicator, picked in the pane.
  const rate = firstOfType("rate");
  await page.getByRole("combobox", { name: "Indicateur à tracer" }).click();
  await page.getByRole("option", { name: rate.libelle }).click();
  await page.getByRole("button", { name: "Tracer la courbe" }).click();
  await page.getByText(/tracée dans la feuille/).waitFor();
  const line = await page.evaluate(
    () =>
      (
        window as never as {
          __excel: { state: { mustSheet: (n: string) => { charts: { type: string; title?: string }[] } } };
        }
      ).__excel.state.mustSheet("Graphique indicateur").charts,
  );
  expect(line).toEqual([expect.objectContaining({ type: "Line", title: rate.libelle })]);
  expect(await accessibility()).toEqual([]);
});

test("Consolider two partner files, then Exporter the tidy CSV", async () => {
  const [p1, p2] = schema.partenaires;
  const files: string[] = [];
  for (const p of [p1!, p2!]) {
    const partner = fillValid(layout({ campaignYear: YEAR, cut: { kind: "partenaire", id: p.id } }), schema);
    const file = join(WORK, `partenaire-${p.id}.xlsx`);
    writeFileSync(file, await renderPlanToXlsx(partner));
    files.push(file);
  }
  await page.getByRole("tab", { name: "Consolider" }).click();
  await page.getByTestId("pick-files").setInputFiles(files);
  await eventually(() => page.getByText("Retenu", { exact: true }).count(), 2);
  await page.getByRole("button", { name: /Fusionner/ }).click();
  await page.getByText(/2 classeur\(s\) fusionné\(s\)/).waitFor();
  await shot("05-consolider");
  await noSideScroll();
  expect(await accessibility()).toEqual([]);

  await page.getByRole("tab", { name: "Exporter" }).click();
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Télécharger l'export" }).click(),
  ]);
  const csv = readFileSync((await download.path())!, "utf8");
  expect(csv.startsWith("\uFEFFfichier;schema;version;campagne")).toBe(true);
  expect(csv.split("\r\n").length).toBeGreaterThan(100);
  await page.getByText(/ligne\(s\) exportée\(s\)/).waitFor();
  await shot("06-exporter");
  await noSideScroll();

  // Where a pane cannot download (Excel on Mac): the same rows as an Excel table in a sheet.
  await page.getByRole("button", { name: "Écrire dans une feuille" }).click();
  await page.getByText(/ligne\(s\) écrite\(s\) dans le tableau/).waitFor();
  const header = await page.evaluate(() => {
    const state = (
      window as never as {
        __excel: { state: { mustSheet: (n: string) => { peek: (r: number, c: number) => { value: unknown } } } };
      }
    ).__excel.state;
    return [1, 2, 3].map((c) => state.mustSheet("Export du bilan").peek(1, c).value);
  });
  expect(header).toEqual(["fichier", "schema", "version"]);
  expect(await accessibility()).toEqual([]);
});

test("Consolider with an Orne bilan open: an Essonne file is refused with the reason; an empty Orne return writes nothing, and no green bar says otherwise", async () => {
  const orne = loadBuiltin("orne_2017_2021");
  const orneYear = Math.min(Math.max(new Date().getFullYear(), orne.periode.debut), orne.periode.fin);
  const essonneFile = join(WORK, "essonne-entier.xlsx");
  writeFileSync(essonneFile, await renderPlanToXlsx(plan));
  const vide = layoutWorkbook(orne, {
    campaignYear: orneYear,
    cut: { kind: "partenaire", id: orne.partenaires[0]!.id },
  });
  if (!vide.ok) throw new Error(vide.error.message);
  const orneFile = join(WORK, "orne-partenaire-vide.xlsx");
  writeFileSync(orneFile, await renderPlanToXlsx(vide.plan));

  const pane = await openPane(browser, serverUrl);
  try {
    await pane.locator('input[value="orne_2017_2021"]').check();
    await pane.getByText(/Schéma choisi/).waitFor();
    await pane.getByRole("tab", { name: "Générer" }).click();
    await pane.getByRole("button", { name: "Générer le classeur" }).click();
    await pane.getByText(/Classeur généré/).waitFor();

    await pane.getByRole("tab", { name: "Consolider" }).click();
    await pane.getByTestId("pick-files").setInputFiles([essonneFile, orneFile]);
    const refused = pane.getByRole("listitem").filter({ hasText: "essonne-entier.xlsx" });
    await refused.waitFor();
    expect(await refused.textContent()).toBe(
      `Écarté essonne-entier.xlsx — modèle ou campagne différents (essonne_2022_2026 ${schema.version} / ${YEAR} au lieu de orne_2017_2021 ${orne.version} / ${orneYear})`,
    );
    expect(await pane.getByText("Retenu", { exact: true }).count()).toBe(1);

    await pane.getByRole("button", { name: /Fusionner/ }).click();
    await pane.getByText(/1 classeur\(s\) fusionné\(s\), mais aucune valeur écrite/).waitFor();
    expect(await pane.locator('[data-intent="success"]').count()).toBe(0);
    expect(await pane.locator('[data-intent="warning"]').count()).toBe(1);
  } finally {
    await pane.close();
  }
});

test("at 350 px, no tab scrolls sideways, whatever it shows after the whole job", async () => {
  for (const vue of VUES) {
    await page.getByRole("tab", { name: vueLabel("fr", vue) }).click();
    await page.getByRole("tabpanel").waitFor();
    await noSideScroll();
  }
});

test("in English at 320 px, the narrowest pane, no tab scrolls sideways either", async () => {
  const pane = await openPane(browser, serverUrl, "?lang=en-US", { width: 320 });
  try {
    await pane.locator('input[value="essonne_2022_2026"]').check();
    for (const vue of VUES) {
      await pane.getByRole("tab", { name: vueLabel("en", vue) }).click();
      await noSideScroll(pane);
    }
  } finally {
    await pane.close();
  }
});

test("a blank workbook's check: one line per axe saying how many expected inputs are empty, opened on demand", async () => {
  const pane = await openPane(browser, serverUrl);
  try {
    await pane.locator('input[value="essonne_2022_2026"]').check();
    await pane.getByRole("tab", { name: "Générer" }).click();
    await pane.getByRole("button", { name: "Générer le classeur" }).click();
    await pane.getByText(/Classeur généré/).waitFor();
    await pane.getByRole("tab", { name: "Contrôler" }).click();
    await pane.getByRole("button", { name: "Contrôler le classeur" }).click();
    const counts = await pane
      .getByTestId("counts")
      .getByText(/^0 erreur\(s\), \d+ avertissement\(s\)/)
      .textContent();
    const warnings = Number(/(\d+) avertissement/.exec(counts!)![1]);
    const required = Number(/(\d+)\/(\d+)/.exec(counts!)![2]);
    // Every warning is an expected input left empty, and none is a row of its own.
    expect(warnings).toBe(required);
    const rows = pane.getByTestId("findings").locator("li[data-rule]");
    expect(await rows.count()).toBe(0);
    const heads = await pane.getByTestId("findings").getByRole("heading", { level: 2 }).allTextContents();
    const sums = heads.map((h) => Number(/(\d+)\u00a0saisies attendues vides/.exec(h)?.[1] ?? 0));
    expect(sums.reduce((a, b) => a + b, 0)).toBe(warnings);
    await shot("03-controler-classeur-vierge", pane);
    await noSideScroll(pane);

    // Axe 1 opens on its fiches, each one line; a fiche's line opens on its inputs, one row each.
    const axe1 = schema.axes[0]!;
    await pane.getByRole("button", { name: new RegExp(`^${schema.niveaux.axe} ${axe1.numero} — `) }).click();
    const fiche = pane.getByTestId(`fiche-${axe1.fiches[0]!.id}`);
    const summary = fiche.getByRole("button", { name: /saisies? attendues? vides?$/ });
    expect(await summary.getAttribute("aria-expanded")).toBe("false");
    const n = Number(/\d+/.exec((await summary.textContent())!)![0]);
    await summary.click();
    expect(await summary.getAttribute("aria-expanded")).toBe("true");
    expect(await fiche.locator("li[data-rule]").count()).toBe(n);
    expect(await rows.count()).toBe(n);
    await noSideScroll(pane);
    expect(await accessibility(pane)).toEqual([]);
  } finally {
    await pane.close();
  }
});
