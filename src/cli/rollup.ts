/**
 * `bilan rollup FILE [-o OUT.xlsx] [--json]`: the rollups of a filled-in bilan
 * workbook. The copy is made again from the model stored in FILE, with every
 * entered value put back by id and each formula cell carrying the engine's
 * result as its cached value (readers that do not recalculate show the right
 * figures too); the Sommaire's error counts come from the checks run on FILE.
 * Comments and notes stay on their cells; those elsewhere, and an earlier
 * *Non repris* sheet, go to the copy's *Non repris* sheet. Each input cell holding a value the checks
 * refuse is marked (a fill and a note, engine/validate/marks.ts). FILE is only read.
 */
import { existsSync } from "node:fs";
import { t, type Lang } from "../i18n";
import { computeRollups, fillPlan, formulaResults, type Rates, type Rollups } from "../engine/rollup";
import type { BudgetFigures } from "../engine/rollup/budget";
import { formatEuros } from "../util/euros";
import { renderPlanToXlsx } from "../hosts/xlsx/renderPlan";
import { addNonRepris, nonReprisName } from "../engine/transfer";
import { langOf } from "../engine/plan";
import { errorMarks, markPlan } from "../engine/validate/marks";
import { carryComments } from "../engine/carryOver";
import { openBilan, sayComments } from "./openBilan";
import { checkWorkbookName, UserError, writeOutput } from "./output";

export interface RollupCliOptions {
  output?: string;
  json: boolean;
  force: boolean;
}

const percent = (v: number | undefined) => (v === undefined ? "—" : `${Math.round(v * 100)} %`);

/** The campaign's budget per axe and for the schéma: planned, voted, committed, paid, and the consumption rate. */
function budgetLines(rollups: Rollups, axeName: string, lang: Lang): string[] {
  const line = (name: string, b: BudgetFigures) =>
    t(lang, "cli.rollup.budget", {
      year: rollups.campaignYear,
      name,
      prevu: b.prevu === undefined ? "—" : formatEuros(b.prevu),
      vote: formatEuros(b.vote),
      engage: formatEuros(b.engage),
      mandate: formatEuros(b.mandate),
      taux: percent(b.taux),
    });
  return [
    ...rollups.axes.map((a) => line(`${axeName} ${a.numero}`, a.budget)),
    line(t(lang, "cli.rollup.total"), rollups.budget),
  ];
}

export async function rollupCommand(file: string, o: RollupCliOptions, lang: Lang): Promise<number> {
  // Without -o nor --json, the per-axe summary alone (printed in every case but --json).
  if (o.output) checkWorkbookName(o.output, lang);
  if (o.output && existsSync(o.output) && !o.force) throw new UserError(t(lang, "file.exists", { file: o.output }));
  const report = await openBilan(file, lang);
  const { schema, meta, plan, values, findings } = report;
  const rollups = computeRollups(schema, meta, values, { findings });
  const resultOf = formulaResults(rollups);
  if (o.output) {
    const copy = fillPlan(plan, schema, values, resultOf, rollups);
    // The copy keeps the file's comments on their cells and its Non repris rows; a comment elsewhere goes there too.
    const comments = carryComments(report, copy);
    sayComments(
      { total: report.comments?.length ?? 0, carried: comments.carried, notCarried: comments.notCarried.length },
      o.output,
      lang,
      nonReprisName(langOf(meta)),
    );
    addNonRepris(copy, comments.notCarried, report.nonRepris, "");
    // The values the checks refuse stay visible in the copy: a fill and a note on each cell.
    markPlan(copy, errorMarks(findings, meta));
    writeOutput(o.output, await renderPlanToXlsx(copy), o.force, lang, [file]);
  }
  if (o.json) {
    const cellules = Object.fromEntries(meta.bindings.filter((b) => b.formula).map((b) => [b.key, resultOf(b)]));
    process.stdout.write(`${JSON.stringify({ source: file, ...rollups, cellules }, null, 2)}\n`);
  } else {
    const line = (name: string, r: Rates) =>
      t(lang, "cli.rollup.line", {
        name,
        avancement: percent(r.avancement),
        retard: r.enRetard ?? "—",
        nonRenseignees: r.nonRenseignees ?? "—",
        completude: percent(r.completude),
        cibles: r.cibles === undefined ? "—" : `${r.cibles} (${percent(r.atteinte)})`,
      });
    const lines = [
      ...rollups.axes.map((a) => line(`${schema.niveaux.axe} ${a.numero}`, a)),
      line(t(lang, "cli.rollup.total"), rollups),
    ];
    lines.push(...budgetLines(rollups, schema.niveaux.axe, lang));
    process.stdout.write(`${lines.join("\n")}\n`);
  }
  return 0;
}
