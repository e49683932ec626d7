/**
 * Print preview of a generated bilan: the workbook as LibreOffice prints it
 * (PDF), then one PNG per page, in out/preview/. For looking at the layout.
 *
 *   npm run preview -- [schéma id] [année]
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { layoutWorkbook } from "../src/engine/layout";
import { loadBuiltin } from "../src/model/builtins";
import { renderPlanToXlsx } from "../src/hosts/xlsx/renderPlan";
import { convertWithLibreOffice, disposeLibreOfficeProfile } from "../tests/support/libreoffice";

async function main(): Promise<void> {
  const [id = "essonne_2022_2026", year] = process.argv.slice(2);
  const schema = loadBuiltin(id);
  const r = layoutWorkbook(schema, { campaignYear: year ? Number(year) : schema.periode.debut + 2 });
  if (!r.ok) throw new Error(r.error.message);
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
