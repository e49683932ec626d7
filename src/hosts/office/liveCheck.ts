/**
 * Live checking under Excel's rules. Excel raises `onChanged` for every data
 * change, the add-in's own writes included (the Contrôles sheet that a check
 * writes, merged values, a generated bilan): reacting to those would make each
 * check start the next one. So a change is a user's input only when:
 * - Excel does not say the add-in made it (`triggerSource`, ExcelApi 1.14);
 *   on older builds, which do not say, when no write of the add-in is under
 *   way or just ended (see `ecritureDuComplement`);
 * - it is a data edit on a bilan sheet that touches one of its input cells
 *   (not the Contrôles sheet, nor the metadata, nor a label).
 * Then only what the edit can affect is read and checked again (recheck.ts).
 */
import { controlesOf } from "../../engine/layout/controles";
import type { WorkbookPlan } from "../../engine/plan";
import type { SnapCell } from "../../engine/snapshot";
import type { TrustedReport, ValidateOptions } from "../../engine/validate";
import { inputsIn, recheck, recheckScope, scopeRanges, type CellChange } from "../../engine/validate/recheck";
import type { Lang } from "../../i18n";
import { bounds } from "../../util/rectangles";
import { writeControles } from "./controles";
import { snapCells } from "./snapshot";

/** What live checking needs of Excel's WorksheetChangedEventArgs. */
export type ChangeEvent = Pick<Excel.WorksheetChangedEventArgs, "worksheetId" | "address" | "changeType" | "source"> & {
  triggerSource?: string;
};

/** How long after a write of the add-in an event without `triggerSource` is still taken for its echo. */
export const ECHO_MS = 1500;

let writing = 0;
let quietUntil = 0;

/** Runs a write of the add-in; on builds without `triggerSource`, the changes it causes are recognised by time. */
export async function ecritureDuComplement<T>(write: () => Promise<T>): Promise<T> {
  writing++;
  try {
    return await write();
  } finally {
    writing--;
    quietUntil = Date.now() + ECHO_MS;
  }
}

const echoPossible = () => writing > 0 || Date.now() < quietUntil;

/** A user's change worth checking: a structural one (rows or cells inserted, deleted) asks for a full check. */
export interface Saisie extends CellChange {
  structurelle: boolean;
}

/** The event echoes a write of the add-in (said by Excel, or on older builds inferred from the writes under way). */
export const echoDuComplement = (event: ChangeEvent): boolean =>
  event.triggerSource === "ThisLocalAddin" || (event.triggerSource === undefined && echoPossible());

/** The event as a user's change to the bilan, or undefined when live checking must ignore it. */
export function saisieUtilisateur(
  event: ChangeEvent,
  sheetName: string | undefined,
  plan: WorkbookPlan,
): Saisie | undefined {
  if (echoDuComplement(event)) return undefined;
  if (!sheetName || sheetName === controlesOf(plan.meta)) return undefined;
  const sheet = plan.sheets.find((s) => s.name === sheetName);
  // The add-in's own sheets without inputs (metadata, Contrôles, Non repris…) are not the user's bilan.
  if (!sheet || !plan.meta.bindings.some((b) => b.input && b.sheet === sheetName)) return undefined;
  const structurelle = event.changeType !== "RangeEdited";
  if (!structurelle && !inputsIn(plan.meta.bindings, { sheet: sheetName, address: event.address }).length)
    return undefined;
  return { sheet: sheetName, address: event.address, structurelle };
}

/**
 * Checks again what the user's edits can affect, in two requests (read the scope and the Contrôles table's
 * extent; write the Contrôles table). Undefined when the edits touch no input cell.
 */
export async function recontroler(
  context: Excel.RequestContext,
  previous: TrustedReport,
  saisies: CellChange[],
  options: ValidateOptions & { lang?: Lang } = {},
): Promise<{ report: TrustedReport; syncs: number } | undefined> {
  const scope = recheckScope(previous, saisies);
  if (!scope) return undefined;
  const sheets = context.workbook.worksheets;
  const ranges = scopeRanges(scope).map((r) => ({
    ...r,
    range: sheets.getItem(r.sheet).getRange(r.address).load("address,values,formulas"),
  }));
  const controles = sheets.getItem(controlesOf(previous.meta)).getUsedRangeOrNullObject(true).load("address");
  await context.sync();
  const fresh = new Map<string, Map<string, SnapCell>>();
  for (const { sheet, range } of ranges) {
    const cells = fresh.get(sheet) ?? new Map<string, SnapCell>();
    fresh.set(sheet, cells);
    snapCells(range, cells);
  }
  const report = recheck(previous, scope, fresh, options);
  const lastRow = controles.isNullObject
    ? 0
    : bounds(controles.address.slice(controles.address.lastIndexOf("!") + 1)).bottom;
  await writeControles(context, report.findings, report.schema, lastRow, report.meta);
  return { report, syncs: 2 };
}
