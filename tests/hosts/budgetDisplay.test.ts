/**
 * The widest amount a budget cell accepts, 999 999 999,99 €, must show in
 * full, never as ###: on an axe sheet (each year's amount spans two columns)
 * and on the Sommaire (the axe's and the schéma's sums). LibreOffice prints
 * the generated workbook to PDF, recalculating its formulas; the PDF's text is
 * read with pdftotext.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadBuiltin } from "../../src/model/builtins";
import { MONTANT_MAX } from "../../src/model/schema";
import { renderPlanToXlsx } from "../../src/hosts/xlsx/renderPlan";
import { convertWithLibreOffice, disposeLibreOfficeProfile } from "../support/libreoffice";
import { planOf, setInput } from "../support/plans";

jest.setTimeout(120_000);

const dir = mkdtempSync(join(tmpdir(), "bilan-budget-pdf-"));
afterAll(() => {
  disposeLibreOfficeProfile();
  rmSync(dir, { recursive: true, force: true });
});

test("999 999 999,99 € shows in full on the axe sheet and the Sommaire", async () => {
  const schema = loadBuiltin("fiche_action_5_2022_2026");
  const plan = planOf(schema);
  const fiche = schema.axes[0]!.fiches[0]!.id;
  const year = plan.meta.campaignYear;
  setInput(plan, `${fiche}@vote:${year}`, MONTANT_MAX);
  setInput(plan, `${fiche}@engage:${year - 1}`, MONTANT_MAX); // a carried-over, locked amount
  setInput(plan, `${fiche}@mandate:${year}`, 123_456.78);
  const file = join(dir, "budget.xlsx");
  writeFileSync(file, await renderPlanToXlsx(plan));
  const pdf = await convertWithLibreOffice(file, join(dir, "pdf"), "pdf");
  const text = spawnSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" });
  expect(text.status).toBe(0);
  const out = text.stdout;
  expect(out).not.toContain("###");
  // LibreOffice's locale writes the number with its own separators: either way, every digit and the euro sign.
  const shown = out.match(/999[\s,.\u00a0\u202f]999[\s,.\u00a0\u202f]999[,.]99\s€/g) ?? [];
  // The axe sheet's voted and carried-over committed amounts, the Sommaire's axe and schéma rows.
  expect(shown.length).toBeGreaterThanOrEqual(4);
  expect(readFileSync(pdf).length).toBeGreaterThan(1000);
});
