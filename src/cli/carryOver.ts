/**
 * `bilan carry-over FILE --year NEXT -o NEW.xlsx` and `bilan upgrade FILE
 * --schema NEWMODEL -o NEW.xlsx`: a new workbook that keeps every entered
 * value by stable id, and every comment or note as a note on the same cell;
 * what has no place any more goes to a *Non repris* sheet.
 */
import { inLang, t, type Lang } from "../i18n";
import type { Schema } from "../model/schema";
import { layoutWorkbook } from "../engine/layout";
import { langOf } from "../engine/plan";
import { valuesIn } from "../engine/valueWords";
import { addNonRepris, nonReprisName, transferValues } from "../engine/transfer";
import { nodeIndex } from "../engine/validate/locate";
import { renderPlanToXlsx } from "../hosts/xlsx/renderPlan";
import { loadSchemaOrFail } from "./loadSchema";
import { carryComments, openBilan, type OpenedBilan } from "./openBilan";
import { checkWorkbookName, UserError, writeOutput } from "./output";

export interface RemakeOptions {
  output: string;
  force: boolean;
  /** The new workbook's language, when `--lang` gives one; the old workbook's otherwise. */
  lang?: Lang;
}

async function remake(
  file: string,
  report: OpenedBilan,
  schema: Schema,
  campaignYear: number,
  why: string,
  o: RemakeOptions,
  lang: Lang,
  /** Every file read besides FILE (the new model), which the output may not replace. */
  otherInputs: string[] = [],
): Promise<number> {
  const { meta } = report;
  const workbookLang = o.lang ?? langOf(meta);
  const layout = layoutWorkbook(schema, {
    campaignYear,
    granularite: meta.granularite as Schema["granularite"],
    ...(meta.cut ? { cut: { kind: meta.cut.kind, id: meta.cut.id } } : {}),
    lang: workbookLang,
  });
  if (!layout.ok) throw new UserError(inLang(lang, layout.error));
  const oldNodes = nodeIndex(report.schema);
  // Statuses and Oui/Non said in the new workbook's language (the same words when it keeps the old one's).
  const { carried, notCarried } = transferValues(
    valuesIn(report.values, schema, workbookLang),
    report.plan,
    layout.plan,
    (id) => oldNodes.get(id)?.label ?? id,
  );
  const commentsNotCarried = carryComments(report, layout.plan, o.output, lang);
  addNonRepris(layout.plan, [...notCarried, ...commentsNotCarried], report.nonRepris, why);
  writeOutput(o.output, await renderPlanToXlsx(layout.plan), o.force, lang, [file, ...otherInputs]);
  process.stderr.write(
    `${t(lang, "cli.reuse.done", { file: o.output, carried, notCarried: notCarried.length + report.nonRepris.length, sheet: nonReprisName(workbookLang) })}\n`,
  );
  return 0;
}

export async function carryOverCommand(file: string, o: RemakeOptions & { year: number }, lang: Lang): Promise<number> {
  checkWorkbookName(o.output, lang);
  const report = await openBilan(file, lang);
  if (o.year <= report.meta.campaignYear)
    throw new UserError(t(lang, "cli.carryOver.notLater", { year: o.year, current: report.meta.campaignYear }));
  return remake(
    file,
    report,
    report.schema,
    o.year,
    t(o.lang ?? langOf(report.meta), "cli.carryOver.why", { year: report.meta.campaignYear }),
    o,
    lang,
  );
}

export async function upgradeCommand(file: string, o: RemakeOptions & { schema: string }, lang: Lang): Promise<number> {
  checkWorkbookName(o.output, lang);
  const report = await openBilan(file, lang);
  const schema = await loadSchemaOrFail(o.schema, lang);
  if (schema.id !== report.schema.id)
    throw new UserError(t(lang, "cli.upgrade.otherModel", { found: report.schema.id, expected: schema.id }));
  const why = t(o.lang ?? langOf(report.meta), "cli.upgrade.why", { from: report.schema.version, to: schema.version });
  return remake(file, report, schema, report.meta.campaignYear, why, o, lang, [o.schema]);
}
