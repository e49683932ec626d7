/**
 * What a consolidation writes, as plan data both hosts render: the
 * « Valeurs par source » sheet, and the whole master workbook (the model's
 * layout for the campaign, the merged values in its input cells, its sources
 * in its metadata) that the CLI writes, or, merging into an open workbook,
 * its metadata sheet made again with the sources it now holds.
 */
import { both, type Bilingual, type Lang } from "../i18n";
import { wordsOf } from "./layout/words";
import type { Granularite, Schema } from "../model/schema";
import type { Consolidation } from "./consolidate";
import { langOf, type PlanMeta, type Scalar, type SheetPlan, type WorkbookPlan } from "./plan";
import { layoutWorkbook } from "./layout";
import { META_SHEET } from "./layout/metaSheet";
import { layoutOptionsOf } from "./validate/readMeta";
import { buildTableSheet } from "./layout/tableSheet";
import { addNonRepris, transferValues } from "./transfer";
import { retoursNames } from "./layout/retours";

/** The sheet's name in a workbook of this language. */
export const parSourceName = (lang: Lang): string => wordsOf(lang)("parSource.sheet");
/** Its name in a French workbook. */
export const PAR_SOURCE = parSourceName("fr");

/** One row per merged file and value: source, file, key, element, value; in the master's language. */
export function parSourceSheet(lang: Lang, sources: string[], rows: Scalar[][]): SheetPlan {
  const w = wordsOf(lang);
  return buildTableSheet({
    name: parSourceName(lang),
    title: parSourceName(lang),
    note: w("parSource.note", { n: sources.length, sources: sources.join(", ") }),
    columns: [
      [w("parSource.col.source"), 30],
      [w("parSource.col.fichier"), 28],
      [w("nonRepris.col.cle"), 34],
      [w("nonRepris.col.element"), 48],
      [w("nonRepris.col.valeur"), 30],
    ],
    rows,
    lang,
  }).plan;
}

/** The master workbook of a consolidation that merged something, with how many values found their cell. */
export function masterPlan(
  c: Consolidation,
  generatedAt?: Date,
): { ok: true; plan: WorkbookPlan; carried: number } | { ok: false; error: Bilingual } {
  if (!c.schema || !c.meta || !c.parSource) return { ok: false, error: both("consolidate.nothing") };
  const layout = layoutWorkbook(c.schema, {
    campaignYear: c.meta.campaignYear,
    granularite: c.meta.granularite as Granularite,
    sources: c.sources,
    ...(c.lang ? { lang: c.lang } : {}),
    ...(c.register ? { register: c.register } : {}),
    ...(generatedAt ? { generatedAt } : {}),
  });
  if (!layout.ok) return layout;
  const plan = layout.plan;
  // Every key has its cell in a whole workbook; should one not, it is kept aside, not lost.
  const { carried, notCarried } = transferValues(c.values, plan, plan, (id) => id);
  addNonRepris(plan, notCarried, [], wordsOf(c.lang)("parSource.noCell"));
  // Before the metadata sheet, which stays last.
  plan.sheets.splice(plan.sheets.length - 1, 0, c.parSource);
  return { ok: true, plan, carried };
}

/** The sheets of the workbook `c` is merged into that record it: its register's sheets, then its metadata sheet. */
export function mergedSheets(c: Consolidation, schema: Schema, meta: PlanMeta): SheetPlan[] | undefined {
  const layout = layoutWorkbook(schema, {
    ...layoutOptionsOf(meta),
    sources: c.sources,
    ...(c.register ? { register: c.register } : {}),
  });
  if (!layout.ok) return undefined;
  const recorded = [META_SHEET, ...retoursNames(langOf(layout.plan.meta))];
  return layout.plan.sheets.filter((s) => recorded.includes(s.name));
}
