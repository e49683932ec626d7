/**
 * `bilan consolidate FILE… -o MASTER.xlsx`: merges partner / territory
 * workbooks into a master (values rolled up in the bilan sheets, every
 * source's values in a « Valeurs par source » sheet), and updates its
 * register of returns (the master it replaces holds it): what changed, who
 * has not answered. Exit code: 2 when a file could not be read, 1 when a file
 * was rejected (a file for a validé return too), else 0.
 */
import { existsSync } from "node:fs";
import { inLang, t, type Lang } from "../i18n";
import type { ReadReport } from "../engine/validate";
import { bindingsByKey, langOf, type WorkbookPlan } from "../engine/plan";
import { awaited, registerName, type Etat, type Register, type Retour } from "../engine/register";
import { etatWord, modificationRow, retourName } from "../engine/registerReport";
import type { Schema } from "../model/schema";
import { consolidate, sourceReport, type ConsolidationSource } from "../engine/consolidate";
import { masterPlan, PAR_SOURCE } from "../engine/consolidateMaster";
import { renderPlanToXlsx } from "../hosts/xlsx/renderPlan";
import { inputFilesOrFail } from "./inputFiles";
import { loadSchemaOrFail } from "./loadSchema";
import { checkWorkbookName, sameFile, UserError, writeOutput } from "./output";
import { validateFile } from "./validate";

export interface ConsolidateOptions {
  output: string;
  force: boolean;
  schema?: string;
  /** The master's language, when `--lang` gives one; else the reference file's. */
  lang?: Lang;
  /** Beyond this modified z-score a value is far from its earlier years, or from the other partners' (3.5). */
  zThreshold: number;
}

export async function consolidateCommand(args: string[], o: ConsolidateOptions, lang: Lang): Promise<number> {
  checkWorkbookName(o.output, lang);
  const expected = o.schema ? await loadSchemaOrFail(o.schema, lang) : undefined;
  const say = (line: string) => process.stderr.write(`${line}\n`);
  const sources: ConsolidationSource[] = [];
  let own: ReadReport | undefined;
  const files = inputFilesOrFail(args, lang);
  for (const file of files) {
    const report = await validateFile(file, { ...(expected ? { expected } : {}), zThreshold: o.zThreshold });
    // The master this run replaces (with --force, it may sit among the inputs, in the returns' folder) is no
    // source of it; any other input named as the output is refused, whatever --force says.
    if (sameFile(file, o.output)) {
      if (!report.meta?.sources?.length) throw new UserError(t(lang, "file.isInput", { file: o.output, input: file }));
      say(t(lang, "cli.consolidate.ownOutput", { file }));
      own = report;
    } else sources.push({ file, report: sourceReport(report) });
  }
  // The master this run replaces holds the register of returns it updates, with the states typed in its sheet.
  if (!own && existsSync(o.output) && !files.some((f) => sameFile(f, o.output))) own = await validateFile(o.output);
  const previous = own?.meta?.register;
  for (const e of own?.etatsSaisis ?? [])
    if (!e.etat) say(t(lang, "cli.consolidate.etatInconnu", { where: e.where, text: e.text }));
  const c = consolidate(
    sources,
    { ...(expected ? { schema: expected } : {}), ...(o.lang ? { lang: o.lang } : {}), zThreshold: o.zThreshold },
    previous
      ? {
          previous,
          saisis: own?.etatsSaisis ?? [],
          ...(own?.schema && own.meta ? { master: { schema: own.schema, meta: own.meta } } : {}),
        }
      : {},
  );
  const reason = (r: { reason: { message: string; messageEn: string } }) => inLang(lang, r.reason);
  for (const a of c.accepted) say(t(lang, "cli.consolidate.accepted", a));
  for (const r of c.setAside) say(t(lang, "cli.consolidate.setAside", { file: r.file, reason: reason(r) }));
  for (const r of c.rejected) say(t(lang, "cli.consolidate.rejected", { file: r.file, reason: reason(r) }));
  for (const d of c.divergences) say(t(lang, "cli.consolidate.divergent", d));
  for (const o of c.outliers) say(inLang(lang, o));
  const code = c.rejected.some((r) => r.unreadable) ? 2 : c.rejected.length ? 1 : 0;
  const master = masterPlan(c);
  if (!master.ok) {
    if (c.parSource) throw new UserError(inLang(lang, master.error));
    say(t(lang, "consolidate.nothing"));
    return Math.max(code, 1);
  }
  // States were typed in the register sheet of the master this run replaces, named in its language.
  if (c.register)
    sayRegister(c.register, master.plan, c.schema!, lang, say, registerName(langOf(own?.meta ?? master.plan.meta)));
  writeOutput(o.output, await renderPlanToXlsx(master.plan), o.force, lang, [
    ...sources.map((x) => x.file),
    ...(o.schema ? [o.schema] : []),
  ]);
  say(
    t(lang, "cli.consolidate.done", {
      file: o.output,
      count: c.accepted.length,
      values: master.carried,
      sheet: c.parSource?.name ?? PAR_SOURCE,
    }),
  );
  return code;
}

/** What the run did to the register: states typed in its sheet, each new submission's modifications, the counts, who has not answered. */
function sayRegister(
  register: Register,
  plan: WorkbookPlan,
  schema: Schema,
  lang: Lang,
  say: (line: string) => void,
  typedIn: string,
): void {
  const where = bindingsByKey(plan.meta.bindings);
  const nameOf = (r: Retour) => retourName(r, schema, lang);
  for (const r of register.retours) {
    for (const e of r.historique.filter((x) => x.date === register.date && x.cause === "saisie"))
      say(
        t(lang, "cli.consolidate.etatSaisi", {
          who: nameOf(r),
          from: etatWord(lang, e.avant),
          to: etatWord(lang, e.etat),
          where: typedIn,
        }),
      );
    if (r.recu !== register.date || !r.modifications.length) continue;
    const files = r.sources.map((x) => x.fichier).join(", ");
    say(t(lang, "cli.consolidate.modifications", { who: nameOf(r), files, count: r.modifications.length }));
    for (const m of r.modifications) {
      const row = modificationRow(lang, where, m);
      say(
        t(lang, "cli.consolidate.modification", {
          cell: row.cell || row.key,
          key: row.key,
          old: row.old,
          new: row.new,
        }),
      );
    }
  }
  const count = (etat: Etat) => register.retours.filter((r) => r.etat === etat).length;
  say(
    t(lang, "cli.consolidate.register", {
      expected: register.retours.length,
      recu: count("reçu"),
      corriger: count("à corriger"),
      valide: count("validé"),
      attendu: count("attendu"),
    }),
  );
  const silent = awaited(register);
  if (silent.length) say(t(lang, "cli.consolidate.awaited", { names: silent.map(nameOf).join(", ") }));
}
