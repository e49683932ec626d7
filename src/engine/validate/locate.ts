/**
 * Where each bound cell really is in the workbook read back. Every row of an
 * axe sheet carries its node id in hidden column A: a row that moved (rows
 * inserted or deleted above it) is found by that id, not by its position,
 * and reported where the shift begins; a row that is gone leaves its cells unread.
 */
import type { NodeInfo } from "../../model/nodes";
import { a1, parseA1 } from "../../util/a1";
import { isMark } from "../layout/calendar";
import type { CellBinding, PlanMeta } from "../plan";
import { isBudgetStage } from "../rollup/budget";
import { cellOf, rowIds, sheetOf, type SheetSnapshot, type SnapCell, type SnapValue, type Snapshot } from "../snapshot";
import { finding, type Finding, type FindingPlace } from "./findings";

/** The id column A holds on a bound cell's row. */
export function rowIdOf(b: CellBinding): string {
  if (b.rowId) return b.rowId;
  return b.kind === "numerateur" || b.kind === "denominateur" || isBudgetStage(b.kind) ? `${b.node}#${b.kind}` : b.node;
}

export interface Located {
  sheet: SheetSnapshot;
  address: string;
  cell: SnapCell | undefined;
}

export interface Location {
  /** By binding key; absent when its sheet or its row is gone. */
  cells: Map<string, Located>;
  /** Actual row by sheet and row id; absent when the row is gone. */
  rowOf: Map<string, number>;
  findings: Finding[];
}

export function locate(meta: PlanMeta, snapshot: Snapshot, nodes: Map<string, NodeInfo>): Location {
  const findings: Finding[] = [];
  const rowOf = new Map<string, number>();
  const idsBySheet = new Map<string, Map<string, number[]>>();
  const ids = (sheet: SheetSnapshot) => {
    let m = idsBySheet.get(sheet.name);
    if (!m) idsBySheet.set(sheet.name, (m = rowIds(sheet)));
    return m;
  };
  // Rows inserted above a label shift every label below by the same amount: a move is reported where the shift changes.
  const lastShift = new Map<string, number>();
  for (const label of meta.labels) {
    const sheet = sheetOf(snapshot, label.sheet);
    if (!sheet) continue;
    const expected = parseA1(label.address).row;
    const rows = ids(sheet).get(label.node) ?? [];
    const row = rows.includes(expected) ? expected : rows.length === 1 ? rows[0] : undefined;
    const info = nodes.get(label.node.split("#")[0]!);
    const place = {
      sheet: label.sheet,
      ...(info ? { axe: info.axe.id } : {}),
      ...(info?.fiche ? { fiche: info.fiche.id } : {}),
      node: label.node,
    };
    const ficheName = info?.fiche ? nodes.get(info.fiche.id)!.label : (info?.label ?? label.node);
    if (row === undefined) {
      findings.push(
        finding(
          "structure.ligne-supprimee",
          { ...place, cell: label.address, structure: { valuesTrusted: false } },
          { label: label.text, fiche: ficheName },
        ),
      );
      continue;
    }
    rowOf.set(`${label.sheet}\u0000${label.node}`, row);
    const shift = row - expected;
    const before = lastShift.get(label.sheet) ?? 0;
    lastShift.set(label.sheet, shift);
    if (shift !== before) {
      findings.push(
        finding(
          "structure.lignes-deplacees",
          { ...place, cell: a1(row, parseA1(label.address).col), structure: { valuesTrusted: true } },
          { fiche: ficheName, label: label.text, from: expected, to: row },
        ),
      );
    }
  }

  const cells = new Map<string, Located>();
  // Each sheet by name, the first of a name as sheetOf finds it.
  const sheets = new Map<string, SheetSnapshot>();
  for (const s of snapshot.sheets) if (!sheets.has(s.name)) sheets.set(s.name, s);
  for (const b of meta.bindings) {
    const sheet = sheets.get(b.sheet);
    if (!sheet) continue;
    const at = parseA1(b.address);
    let row = at.row;
    if (b.kind !== "rollup") {
      const found = rowOf.get(`${b.sheet}\u0000${rowIdOf(b)}`);
      if (found === undefined) continue;
      row = found;
    }
    // The layout writes addresses as a1 does: a row where it was keeps its address.
    const address = row === at.row ? b.address : a1(row, at.col);
    cells.set(b.key, { sheet, address, cell: cellOf(sheet, address) });
  }
  return { cells, rowOf, findings };
}

/**
 * Whether a bound cell's content is a value someone entered (or carried over): not a formula's result, not empty,
 * not the mark the layout wrote there (« prévu » in a period after the campaign). The values of a report are those.
 */
export function isEntered(b: CellBinding, v: SnapValue | undefined): v is SnapValue {
  return !b.formula && v !== undefined && v !== "" && !isMark(b, v);
}

/** Where a finding about a located binding is: sheet, cell, axe, fiche, node, and the value found. */
export function placeOf(
  b: CellBinding,
  at: Pick<Located, "address">,
  info: NodeInfo | undefined,
  value?: SnapValue,
): FindingPlace {
  return {
    sheet: b.sheet,
    cell: at.address,
    ...(info ? { axe: info.axe.id } : {}),
    ...(info?.fiche ? { fiche: info.fiche.id } : {}),
    node: b.node,
    ...(value !== undefined ? { value } : {}),
  };
}
