/**
 * What the pane asks of the open workbook, each through `Excel.run` and the
 * Office.js host. The pane's views call these and never touch Excel objects.
 */
import type { WorkbookPlan } from "../engine/plan";
import type { Finding } from "../engine/validate/findings";
import {
  trustedReport,
  validateSnapshot,
  type TrustedReport,
  type ValidateOptions,
  type ValidationReport,
} from "../engine/validate";
import type { Table } from "../model/referentiel/cells";
import { renderPlanInExcel, type RenderOptions } from "../hosts/office/renderPlan";
import { controlerClasseur } from "../hosts/office/controler";
import { clearHighlights, highlightFindings } from "../hosts/office/controles";
import { readSnapshot } from "../hosts/office/snapshot";
import type { Snapshot } from "../engine/snapshot";
import type { Bilingual, Lang } from "../i18n";
import type { Consolidation } from "../engine/consolidate";
import { mergeIntoWorkbook } from "../hosts/office/consolider";
import { refreshDashboard } from "../hosts/office/dashboard";
import { drawIndicatorChart } from "../hosts/office/indicatorChart";
import type { Indicateur, Schema } from "../model/schema";

export async function generer(plan: WorkbookPlan, options: RenderOptions): Promise<void> {
  await Excel.run((ctx) => renderPlanInExcel(ctx, plan, options));
}

export async function controler(options: ValidateOptions & { lang: Lang }): Promise<ValidationReport> {
  return (await Excel.run((ctx) => controlerClasseur(ctx, options))).report;
}

export async function lireClasseur(): Promise<Snapshot> {
  return (await Excel.run((ctx) => readSnapshot(ctx, "classeur ouvert"))).snapshot;
}

/** The open workbook cannot be reused (not a bilan, or its structure altered): the sentence says why. */
export class ClasseurNonFiable extends Error {
  constructor(readonly text: Bilingual) {
    super(text.message);
  }
}

/** The open workbook read and checked, for the views that reuse its values (Calculer, Consolider, Exporter). */
export async function lireBilan(): Promise<TrustedReport> {
  const trusted = trustedReport(validateSnapshot(await lireClasseur()));
  if (!trusted.ok) throw new ClasseurNonFiable(trusted.reason);
  return trusted.report;
}

/** Selects a finding's cell (showing its sheet first: a hidden sheet cannot be selected). */
export async function allerA(sheet: string, cell: string): Promise<void> {
  await Excel.run(async (ctx) => {
    const ws = ctx.workbook.worksheets.getItem(sheet);
    ws.activate();
    ws.getRange(cell).select();
    await ctx.sync();
  });
}

export const surligner = (findings: Finding[], plan: WorkbookPlan) =>
  Excel.run((ctx) => highlightFindings(ctx, findings, plan));
export const effacerSurlignage = (plan: WorkbookPlan) => Excel.run((ctx) => clearHighlights(ctx, plan));

/** The selection, or the used range of the active sheet when one cell is selected: a référentiel table. */
export async function lireTableSelection(): Promise<Table> {
  return Excel.run(async (ctx) => {
    const selection = ctx.workbook.getSelectedRange().load("address,cellCount");
    const sheet = ctx.workbook.worksheets.getActiveWorksheet().load("name");
    await ctx.sync();
    const range = selection.cellCount > 1 ? selection : sheet.getUsedRange(true);
    range.load("values,address,rowIndex");
    await ctx.sync();
    return {
      source: `[classeur]${sheet.name}`,
      fileName: sheet.name,
      firstRow: range.rowIndex + 1,
      rows: range.values.map((line) =>
        line.map((v: unknown) => (v === "" ? undefined : (v as string | number | boolean))),
      ),
    };
  });
}

/**
 * Calls `onChange` (debounced) whenever a cell of the workbook changes; the
 * returned function stops listening.
 */
export async function surveillerSaisies(onChange: () => void, delayMs = 600): Promise<() => Promise<void>> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const fire = () => {
    clearTimeout(timer);
    timer = setTimeout(onChange, delayMs);
  };
  const registration = await Excel.run(async (ctx) => {
    const handler = ctx.workbook.worksheets.onChanged.add(async () => fire());
    await ctx.sync();
    return handler;
  });
  return async () => {
    clearTimeout(timer);
    await Excel.run(registration.context, async (ctx) => {
      registration.remove();
      await ctx.sync();
    });
  };
}

export const fusionner = (c: Consolidation, open: TrustedReport) =>
  Excel.run((ctx) => mergeIntoWorkbook(ctx, c, open.plan, open.schema));

export const calculerTableauDeBord = (plan: WorkbookPlan) => Excel.run((ctx) => refreshDashboard(ctx, plan));

export const tracerIndicateur = (plan: WorkbookPlan, schema: Schema, ind: Indicateur) =>
  Excel.run((ctx) => drawIndicatorChart(ctx, plan, schema, ind));
