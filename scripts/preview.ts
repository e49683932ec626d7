/**
 * Print preview of a generated bilan: the workbook as LibreOffice prints it
 * (PDF), then one PNG per page, in out/preview/. For looking at the layout.
 *
 *   npm run preview -- [schéma id] [année] [--rempli]
 *
 * With --rempli, the workbook is filled as a plausible bilan first (every
 * required input, targets, the first fiche's narrative and budget), to see
 * what people will print.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { layoutWorkbook } from "../src/engine/layout";
import { loadBuiltin } from "../src/model/builtins";
import { renderPlanToXlsx } from "../src/hosts/xlsx/renderPlan";
import { convertWithLibreOffice, disposeLibreOfficeProfile } from "../tests/support/libreoffice";
import { fillValid } from "../tests/support/fill";
import { setInput } from "../tests/support/plans";
import type { Schema } from "../src/model/schema";
import type { WorkbookPlan } from "../src/engine/plan";

/** A plausible bilan: what a careful partner types, plus targets, a narrative and a budget on the first fiche. */
function rempli(plan: WorkbookPlan, schema: Schema): WorkbookPlan {
  fillValid(plan, schema);
  const year = plan.meta.campaignYear;
  const has = (key: string) => plan.meta.bindings.some((b) => b.key === key && b.input);
  const fiche = schema.axes[0]!.fiches[0]!;
  fiche.indicateurs.forEach((ind, i) => {
    const key = `${ind.id}@cible:${year}`;
    if (!has(key)) return;
    if (ind.type === "boolean") setInput(plan, key, i % 2 ? "Non" : "Oui");
    else if (ind.type === "count" || ind.type === "amount" || ind.type === "number") setInput(plan, key, 10 + 5 * i);
    else if (ind.type === "rate" || ind.type === "ratio") setInput(plan, key, 60);
  });
  const texts: [string, string][] = [
    [
      "realisations",
      "Deux sessions de formation ont réuni 48 professionnels des TAD et de l'Éducation nationale.\nLe guide départemental est paru en octobre et a été diffusé aux partenaires.",
    ],
    ["difficultes", "Départ de la coordinatrice en juin : le comité de suivi ne s'est réuni qu'une fois."],
    ["perspectives", "Étendre la formation aux TAD Sud ; évaluer le guide avec les familles en 2025."],
  ];
  for (const [kind, text] of texts)
    if (has(`${fiche.id}@${kind}:${year}`)) setInput(plan, `${fiche.id}@${kind}:${year}`, text);
  const amounts: [string, number][] = [
    ["vote", 1_250_000],
    ["engage", 980_000.5],
    ["mandate", 812_345.67],
  ];
  for (const [stage, amount] of amounts)
    if (has(`${fiche.id}@${stage}:${year}`)) setInput(plan, `${fiche.id}@${stage}:${year}`, amount);
  return plan;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const [id = "essonne_2022_2026", year] = args.filter((a) => !a.startsWith("--"));
  const schema = loadBuiltin(id);
  const r = layoutWorkbook(schema, { campaignYear: year ? Number(year) : schema.periode.debut + 2 });
  if (!r.ok) throw new Error(r.error.message);
  if (args.includes("--rempli")) rempli(r.plan, schema);
  const out = join("out", "preview");
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const xlsx = join(out, `${id}.xlsx`);
  writeFileSync(xlsx, await renderPlanToXlsx(r.plan));
  const pdf = await convertWithLibreOffice(xlsx, join(out, "pdf"), "pdf");
  execFileSync("pdftoppm", ["-png", "-r", "60", pdf, join(out, "page")]);
  disposeLibreOfficeProfile();
  const pages = readdirSync(out).filter((f) => f.endsWith(".png"));
  console.log(`${pages.length} pages in ${out}/ (${pdf})`);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
