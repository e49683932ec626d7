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
import { REGLES_SHEET } from "../model/referentiel/regles";
import { renderPlanInExcel, type RenderOptions } from "../hosts/office/renderPlan";
import { controlerClasseur } from "../hosts/office/controler";
import { clearHighlights, highlightFindings } from "../hosts/office/controles";
import { readSnapshot } from "../hosts/office/snapshot";
import {
  echoDuComplement,
  ecritureDuComplement,
  recontroler,
  saisieUtilisateur,
  type Saisie,
} from "../hosts/office/liveCheck";
import type { Snapshot } from "../engine/snapshot";
import type { Bilingual, Lang } from "../i18n";
import type { Consolidation } from "../engine/consolidate";
import { mergeIntoWorkbook } from "../hosts/office/consolider";
import { refreshDashboard } from "../hosts/office/dashboard";
import { drawIndicatorChart } from "../hosts/office/indicatorChart";
import type { Indicateur, Schema } from "../model/schema";
import { tidyRows, type TidyRow } from "../engine/tidy";
import { writeTidyTable } from "../hosts/office/tidyTable";

/**
 * Every run of the pane may start while the user is typing in a cell (the pane stays clickable, and live
 * checking reacts to edits): Excel then waits for the edit to end instead of failing the run.
 */
const RUN: Excel.RunOptions = { delayForCellEdit: true };

/** A run that writes into the workbook: its echoes in onChanged are the add-in's, not the user's. */
const ecrire = <T>(batch: (ctx: Excel.RequestContext) => Promise<T>) =>
  ecritureDuComplement(() => Excel.run(RUN, batch));

export async function generer(plan: WorkbookPlan, options: RenderOptions): Promise<void> {
  await ecrire((ctx) => renderPlanInExcel(ctx, plan, options));
}

export async function controler(options: ValidateOptions & { lang: Lang }): Promise<ValidationReport> {
  return (await ecrire((ctx) => controlerClasseur(ctx, options))).report;
}

export async function lireClasseur(): Promise<Snapshot> {
  return (await Excel.run(RUN, (ctx) => readSnapshot(ctx, "classeur ouvert"))).snapshot;
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
  await Excel.run(RUN, async (ctx) => {
    const ws = ctx.workbook.worksheets.getItem(sheet);
    ws.activate();
    ws.getRange(cell).select();
    await ctx.sync();
  });
}

export const surligner = (findings: Finding[], plan: WorkbookPlan) =>
  ecrire((ctx) => highlightFindings(ctx, findings, plan));
export const effacerSurlignage = (plan: WorkbookPlan) => ecrire((ctx) => clearHighlights(ctx, plan));

/** The selection, or the used range of the active sheet when one cell is selected: a référentiel table. */
export async function lireTableSelection(): Promise<Table> {
  return Excel.run(RUN, async (ctx) => {
    const selection = ctx.workbook.getSelectedRange().load("address,cellCount");
    const sheet = ctx.workbook.worksheets.getActiveWorksheet().load("name");
    // The model's rules, on their own sheet of the same workbook (referentiel/regles.ts).
    const regles = ctx.workbook.worksheets.getItemOrNullObject(REGLES_SHEET).load("name");
    await ctx.sync();
    const range = selection.cellCount > 1 ? selection : sheet.getUsedRange(true);
    range.load("values,address,rowIndex");
    const reglesRange =
      regles.isNullObject || regles.name === sheet.name
        ? undefined
        : regles.getUsedRangeOrNullObject(true).load("values,rowIndex");
    await ctx.sync();
    const table = (name: string, r: { values: unknown[][]; rowIndex: number }): Table => ({
      source: `[classeur]${name}`,
      fileName: sheet.name,
      firstRow: r.rowIndex + 1,
      rows: r.values.map((line) => line.map((v) => (v === "" ? undefined : (v as string | number | boolean)))),
    });
    return {
      ...table(sheet.name, range),
      ...(reglesRange && !reglesRange.isNullObject ? { regles: table(REGLES_SHEET, reglesRange) } : {}),
    };
  });
}

/** What live checking reports to the pane. */
export interface Surveillance {
  /** The report the next edit is checked against (the latest shown). */
  courant: () => ValidationReport | undefined;
  /** A new report, from a partial or a full check. */
  rapport: (report: ValidationReport) => void;
  echec: (error: unknown) => void;
  options: ValidateOptions & { lang: Lang };
  delayMs?: number;
}

/**
 * Live checking: each user's edit of an input cell of the bilan is checked again (debounced; edits made
 * meanwhile are checked together), only what it can affect; a structural change (rows inserted or deleted)
 * or a workbook not trusted yet gets a full check. The add-in's own writes and changes to its sheets are
 * ignored (hosts/office/liveCheck.ts). The returned function stops listening.
 */
export async function surveillerSaisies(s: Surveillance): Promise<() => Promise<void>> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pending: Saisie[] = [];
  // One check at a time: the next one starts from the report the previous one gave, so no edit's findings are lost.
  let checks: Promise<void> = Promise.resolve();
  const sheetNames = new Map<string, string>();

  const checkPending = async () => {
    const saisies = pending;
    pending = [];
    try {
      const previous = s.courant();
      const trusted = previous ? trustedReport(previous) : undefined;
      if (!trusted?.ok || saisies.some((x) => x.structurelle)) return s.rapport(await controler(s.options));
      const partial = await ecritureDuComplement(() =>
        Excel.run(RUN, (ctx) => recontroler(ctx, trusted.report, saisies, s.options)),
      );
      if (partial) s.rapport(partial.report);
    } catch (e) {
      s.echec(e);
    }
  };

  const onChanged = async (event: Excel.WorksheetChangedEventArgs) => {
    const plan = s.courant()?.plan;
    // The add-in's own writes (a new bilan's sheets among them) cost no request, not even to name their sheet.
    if (!plan || echoDuComplement(event)) return;
    if (!sheetNames.has(event.worksheetId)) await loadSheetNames(sheetNames);
    const saisie = saisieUtilisateur(event, sheetNames.get(event.worksheetId), plan);
    if (!saisie) return;
    pending.push(saisie);
    clearTimeout(timer);
    timer = setTimeout(() => (checks = checks.then(checkPending)), s.delayMs ?? 600);
  };

  const registration = await Excel.run(RUN, async (ctx) => {
    const sheets = ctx.workbook.worksheets.load("items/id,items/name");
    const handler = ctx.workbook.worksheets.onChanged.add(onChanged);
    await ctx.sync();
    for (const ws of sheets.items) sheetNames.set(ws.id, ws.name);
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

async function loadSheetNames(into: Map<string, string>): Promise<void> {
  await Excel.run(RUN, async (ctx) => {
    const sheets = ctx.workbook.worksheets.load("items/id,items/name");
    await ctx.sync();
    into.clear();
    for (const ws of sheets.items) into.set(ws.id, ws.name);
  });
}

export const fusionner = (c: Consolidation, open: TrustedReport) =>
  ecrire((ctx) => mergeIntoWorkbook(ctx, c, open.plan, open.schema));

export const calculerTableauDeBord = (plan: WorkbookPlan) => ecrire((ctx) => refreshDashboard(ctx, plan));

/** The open workbook's values in the tidy long format, with the report they come from. */
export async function lireExport(): Promise<{ rows: TidyRow[]; report: TrustedReport }> {
  const report = await lireBilan();
  return { rows: tidyRows("classeur ouvert", report.schema, report.meta, report.values), report };
}

/** The tidy rows into the workbook, as an Excel table on the add-in's export sheet. */
export const ecrireExport = (rows: TidyRow[], modelId: string) =>
  Excel.run((ctx) => writeTidyTable(ctx, rows, modelId));

export const tracerIndicateur = (plan: WorkbookPlan, schema: Schema, ind: Indicateur) =>
  ecrire((ctx) => drawIndicatorChart(ctx, plan, schema, ind));
