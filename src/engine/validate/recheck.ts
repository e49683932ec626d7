/**
 * Checking again after a user's edit, without reading or checking the whole
 * workbook: the edit's scope is every bound cell of the fiches whose input
 * cells changed (their rows' rules, ratio pairs, previous years, completeness
 * of the fiche) and the rollups above them (the axe's synthesis, the
 * Sommaire). The rest of the last full report stands: an edit of values
 * moves no row, so the places found then still hold.
 */
import { parseA1, range } from "../../util/a1";
import { bounds } from "../../util/rectangles";
import type { CellBinding } from "../plan";
import type { SheetSnapshot, SnapCell, SnapValue } from "../snapshot";
import { sommaireOf } from "../layout/sommaire";
import { sortFindings, type Finding } from "./findings";
import { nodeIndex, type NodeInfo } from "../../model/nodes";
import { isEntered, placeOf, type Located, type Location } from "./locate";
import { checkRegles } from "./regles";
import { justify } from "./justify";
import { checkValues, type Completion } from "./checkValues";
import { checkFormulas } from "./structure";
import type { TrustedReport, ValidateOptions, ValidationReport } from "./index";

/** A change Excel reported: a sheet and an A1 range on it. */
export interface CellChange {
  sheet: string;
  address: string;
}

export interface RecheckScope {
  fiches: Set<string>;
  /** The bound cells to read again and check. */
  bindings: CellBinding[];
}

const ficheOf = (b: CellBinding, nodes: Map<string, NodeInfo>) => nodes.get(b.node.split("#")[0]!)?.fiche?.id;

/** The input cells a change covers (its address may carry the sheet: `'Axe 1'!C5:D9`). */
export function inputsIn(bindings: CellBinding[], change: CellChange): CellBinding[] {
  const area = bounds(change.address.slice(change.address.lastIndexOf("!") + 1));
  return bindings.filter((b) => {
    if (!b.input || b.sheet !== change.sheet) return false;
    const { row, col } = parseA1(b.address);
    return row >= area.top && row <= area.bottom && col >= area.left && col <= area.right;
  });
}

/**
 * What the changes can affect, or undefined when they touch no input cell of the bilan (the add-in's own
 * sheets, labels, a user's notes beside the tables): such changes need no check.
 */
export function recheckScope(report: TrustedReport, changes: CellChange[]): RecheckScope | undefined {
  const nodes = nodeIndex(report.schema);
  const fiches = new Set<string>();
  const sheets = new Set<string>();
  for (const change of changes)
    for (const b of inputsIn(report.meta.bindings, change)) {
      const fiche = ficheOf(b, nodes);
      if (fiche) fiches.add(fiche);
      sheets.add(b.sheet);
    }
  if (!fiches.size) return undefined;
  const sommaire = sommaireOf(report.meta);
  const bindings = report.meta.bindings.filter((b) => {
    const fiche = ficheOf(b, nodes);
    if (fiche) return fiches.has(fiche);
    // Rollups above the fiches: their axe sheet's syntheses and the Sommaire.
    return !b.input && (sheets.has(b.sheet) || b.sheet === sommaire);
  });
  return { fiches, bindings };
}

/** The cells to read for a scope: one rectangle per sheet, bounding its bound cells. */
export function scopeRanges(scope: RecheckScope): { sheet: string; address: string }[] {
  const boxes = new Map<string, { top: number; left: number; bottom: number; right: number }>();
  for (const b of scope.bindings) {
    const { row, col } = parseA1(b.address);
    const box = boxes.get(b.sheet);
    if (!box) boxes.set(b.sheet, { top: row, left: col, bottom: row, right: col });
    else {
      box.top = Math.min(box.top, row);
      box.left = Math.min(box.left, col);
      box.bottom = Math.max(box.bottom, row);
      box.right = Math.max(box.right, col);
    }
  }
  return [...boxes].map(([sheet, b]) => ({ sheet, address: range(b.top, b.left, b.bottom, b.right) }));
}

/**
 * The previous report with the scope checked again over fresh cells (sheet → address → cell): the scope's
 * findings, values and completion replaced, everything else kept.
 */
export function recheck(
  previous: TrustedReport,
  scope: RecheckScope,
  fresh: Map<string, Map<string, SnapCell>>,
  options: ValidateOptions = {},
): TrustedReport {
  const { schema, meta, plan } = previous;
  const nodes = nodeIndex(schema);
  const sheets = new Map<string, SheetSnapshot>();
  const location: Location = { cells: new Map<string, Located>(), rowOf: new Map(), findings: [] };
  for (const b of scope.bindings) {
    let sheet = sheets.get(b.sheet);
    if (!sheet) sheets.set(b.sheet, (sheet = { name: b.sheet, visible: true, protected: true, cells: new Map() }));
    const cell = fresh.get(b.sheet)?.get(b.address);
    if (cell) sheet.cells.set(b.address, cell);
    location.cells.set(b.key, { sheet, address: b.address, cell });
  }
  const scoped = { ...meta, bindings: scope.bindings };
  const checked = checkValues(
    schema,
    scoped,
    location,
    nodes,
    options.plausibilityFactor ?? 3,
    options.outlierThreshold,
  );
  const formulas = checkFormulas({ ...plan, meta: scoped }, location, nodes);

  const values = new Map<string, SnapValue>(previous.values);
  for (const b of scope.bindings) {
    const v = location.cells.get(b.key)?.cell?.value;
    if (isEntered(b, v)) values.set(b.key, v);
    else values.delete(b.key);
  }
  // The ODPE's rules cross fiches: all of them are checked again over the values as they are now, each placed
  // where its binding was (an edit of values moves no row).
  const regles = checkRegles({
    schema: { ...schema, regles: options.expected?.regles ?? schema.regles },
    campaign: meta.campaignYear,
    bindings: meta.bindings,
    values: (key) => values.get(key),
    place: (b) => placeOf(b, b, nodes.get(b.node), values.get(b.key)),
  });

  // Replaced: what the value and formula checks say about the scope, and every rule. Kept: structure (labels,
  // rows, sheets), which an edit of input cells cannot change and which only a full check reads.
  const addresses = new Set(scope.bindings.map((b) => `${b.sheet}\u0000${b.address}`));
  // Statuses typed off the plan are in cells no binding covers: only a full check reads them.
  const rechecked = (f: Finding) =>
    (!f.rule.startsWith("structure.") || f.rule === "structure.formule-remplacee") &&
    f.rule !== "calendrier.statut-hors-prevision";
  const inScope = (f: Finding) =>
    f.rule.startsWith("regle.") ||
    (rechecked(f) &&
      ((f.fiche !== undefined && scope.fiches.has(f.fiche)) ||
        (f.sheet !== undefined && f.cell !== undefined && addresses.has(`${f.sheet}\u0000${f.cell}`))));
  const findings = sortFindings(
    [
      ...previous.findings.filter((f) => !inScope(f)),
      ...justify([...checked.findings, ...formulas, ...regles], meta.campaignYear, (key) => values.get(key)),
    ],
    plan.sheets.map((s) => s.name),
  );

  const fichesCompletion: Record<string, Completion> = { ...previous.completion.fiches };
  for (const id of scope.fiches) delete fichesCompletion[id];
  Object.assign(fichesCompletion, checked.completion.fiches);
  const axes: Record<string, Completion> = {};
  const total = { required: 0, filled: 0 };
  for (const [id, c] of Object.entries(fichesCompletion)) {
    const axe = (axes[nodes.get(id)!.axe.id] ??= { required: 0, filled: 0 });
    axe.required += c.required;
    axe.filled += c.filled;
    total.required += c.required;
    total.filled += c.filled;
  }
  const report: ValidationReport = {
    ...previous,
    findings,
    values,
    completion: { fiches: fichesCompletion, axes, total },
  };
  return report as TrustedReport;
}
