/** The `bilan` commands. Each returns its exit code. */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { inLang, t, type Lang } from "../i18n";
import { layoutWorkbook } from "../engine/layout";
import { renderPlanToXlsx } from "../hosts/xlsx/renderPlan";
import type { Granularite, Schema } from "../model/schema";
import { builtinSummaries, loadBuiltin } from "../model/builtins";
import { countSchema } from "../model/summary";
import { writeCsv } from "../model/referentiel/csv";
import { toTable } from "../model/referentiel/toTable";
import { writeReferentielXlsx } from "../hosts/xlsx/referentielSheet";
import { reglesToTable } from "../model/referentiel/regles";
import { loadSchema } from "./loadSchema";
import { checkWorkbookName, printInfos, printIssues, UserError, writeOutput } from "./output";
import { summaryLine, validateFile } from "./validate";

export function schemas(json: boolean, lang: Lang): number {
  const list = builtinSummaries();
  if (json) {
    process.stdout.write(`${JSON.stringify(list, null, 2)}\n`);
    return 0;
  }
  const header = t(lang, "cli.schemas.header").split("|");
  const rows = list.map((s) => [s.id, s.title, s.period, s.axes, s.fiches, s.sousActions, s.indicateurs].map(String));
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  for (const r of [header, ...rows])
    process.stdout.write(
      `${r
        .map((c, i) => c.padEnd(widths[i]!))
        .join("  ")
        .trimEnd()}\n`,
    );
  return 0;
}

export async function checkSchema(file: string, sheet: string | undefined, json: boolean, lang: Lang): Promise<number> {
  const r = await loadSchema(file, sheet);
  const infos = r.infos ?? [];
  if (json) {
    const out = r.ok
      ? { valid: true, summary: countSchema(r.schema), warnings: r.warnings, infos }
      : { valid: false, errors: r.errors, warnings: r.warnings, infos };
    process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
  } else if (r.ok) {
    printInfos(infos, lang);
    printIssues(file, [], r.warnings, lang);
    process.stdout.write(`${t(lang, "cli.check.ok", { file, ...countSchema(r.schema) })}\n`);
  } else {
    printInfos(infos, lang);
    printIssues(file, r.errors, r.warnings, lang);
    process.stdout.write(`${t(lang, "cli.check.ko", { file, count: r.errors.length })}\n`);
  }
  return r.ok ? 0 : r.unreadable ? 2 : 1;
}

export interface ExportOptions {
  format: "json" | "csv" | "xlsx";
  output?: string;
  force: boolean;
  delimiter: string;
  bom: boolean;
  sheet?: string;
}

export async function exportSchema(ref: string, o: ExportOptions, lang: Lang): Promise<number> {
  const r = await loadSchema(ref, o.sheet);
  printInfos(r.infos, lang);
  if (!r.ok) {
    printIssues(ref, r.errors, r.warnings, lang);
    return r.unreadable ? 2 : 1;
  }
  let content: string | Buffer;
  if (o.format === "json") content = `${JSON.stringify(r.schema, null, 2)}\n`;
  else if (o.format === "csv") {
    content = writeCsv(toTable(r.schema), { delimiter: o.delimiter, bom: o.bom });
    // A CSV holds one table: the rules, a sheet of their own, are said to be left out rather than lost silently.
    if (r.schema.regles.length)
      process.stderr.write(`${t(lang, "cli.export.reglesNotInCsv", { count: r.schema.regles.length })}\n`);
  } else {
    if (!o.output) throw new UserError(t(lang, "cli.export.needOutput"));
    checkWorkbookName(o.output, lang);
    content = await writeReferentielXlsx(toTable(r.schema), reglesToTable(r.schema.regles));
  }
  if (o.output) writeOutput(o.output, content, o.force, lang, [ref]);
  else process.stdout.write(content);
  return 0;
}

export interface GenerateOptions {
  schema: string;
  year?: number;
  partner?: string;
  territory?: string;
  granularity?: Granularite;
  password?: string;
  output: string;
  force: boolean;
  sheet?: string;
}

/** The campaign under review: this calendar year, kept inside the schéma's period. */
export function currentCampaign(schema: Schema, now = new Date()): number {
  return Math.min(schema.periode.fin, Math.max(schema.periode.debut, now.getFullYear()));
}

export async function generate(o: GenerateOptions, lang: Lang): Promise<number> {
  if (o.partner && o.territory) throw new UserError(t(lang, "cli.generate.oneCut"));
  checkWorkbookName(o.output, lang);
  if (existsSync(o.output) && !o.force) throw new UserError(t(lang, "file.exists", { file: o.output }));
  const r = await loadSchema(o.schema, o.sheet);
  printInfos(r.infos, lang);
  if (!r.ok) {
    printIssues(o.schema, r.errors, r.warnings, lang);
    return r.unreadable ? 2 : 1;
  }
  const year = o.year ?? currentCampaign(r.schema);
  const cut = o.partner
    ? { kind: "partenaire" as const, id: o.partner }
    : o.territory
      ? { kind: "territoire" as const, id: o.territory }
      : undefined;
  const started = Date.now();
  const layout = layoutWorkbook(r.schema, {
    campaignYear: year,
    // The workbook in the run's language, as its messages are.
    lang,
    ...(o.granularity ? { granularite: o.granularity } : {}),
    ...(cut ? { cut } : {}),
    ...(o.password ? { password: o.password } : {}),
  });
  if (!layout.ok) throw new UserError(inLang(lang, layout.error));
  writeOutput(o.output, await renderPlanToXlsx(layout.plan), o.force, lang, [o.schema]);
  const p = layout.plan;
  process.stdout.write(
    `${t(lang, "cli.generate.done", {
      file: o.output,
      year,
      sheets: p.sheets.filter((s) => s.kind === "axe").length,
      fiches: p.meta.fiches.length,
      inputs: p.meta.bindings.filter((b) => b.input).length,
      ms: Date.now() - started,
    })}\n`,
  );
  return 0;
}

/** The main job on the built-in Essonne schéma: its bilan workbook for the current campaign, in out/. */
export async function demo(lang: Lang): Promise<number> {
  const schema = loadBuiltin("essonne_2022_2026");
  const s = countSchema(schema);
  process.stdout.write(`${t(lang, "cli.demo.heading", { ...s, title: s.title })}\n`);
  for (const axe of schema.axes) {
    const c = countSchema({ ...schema, axes: [axe] });
    process.stdout.write(`${t(lang, "cli.demo.axe", { numero: axe.numero, titre: axe.titre, ...c })}\n`);
  }
  const types = new Map<string, number>();
  for (const ind of schema.axes.flatMap((a) => a.fiches).flatMap((f) => f.indicateurs))
    types.set(ind.type, (types.get(ind.type) ?? 0) + 1);
  process.stdout.write(`${t(lang, "cli.demo.types", { types: [...types].map(([k, v]) => `${k} ${v}`).join(", ") })}\n`);
  const year = currentCampaign(schema);
  const output = join("out", `bilan-${schema.id}-${year}.xlsx`);
  // The demo's own output: regenerated on each run.
  const code = await generate({ schema: schema.id, year, output, force: true }, lang);
  // Then checked, as a returned workbook would be: a new workbook only lacks its answers, and the user is told
  // so, lest its hundreds of warnings read as a fault of the demo.
  const report = await validateFile(output, {});
  process.stdout.write(`${summaryLine(output, report, lang)}\n`);
  const warnings = report.findings.filter((f) => f.severity === "avertissement");
  if (warnings.length > 0 && warnings.every((f) => f.rule.startsWith("completude.")))
    process.stdout.write(`${t(lang, "cli.demo.emptyInputs", { count: warnings.length })}\n`);
  return code;
}
