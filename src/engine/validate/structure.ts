/**
 * Structure checks: is this still the workbook that was generated? The model
 * expected, the sheets, the labels, the formulas and the protection.
 */
import type { Schema } from "../../model/schema";
import { a1, parseA1 } from "../../util/a1";
import type { WorkbookPlan } from "../plan";
import { cellOf, sheetOf, type SnapValue, type Snapshot } from "../snapshot";
import { phrase, type Phrase } from "../../i18n";
import { num } from "../../i18n/numbers";
import { finding, type Finding } from "./findings";
import type { NodeInfo } from "../../model/nodes";
import { placeOf, type Location } from "./locate";
import { typo } from "../../util/typography";

/** The expected model against the one the workbook was made from. */
export function checkModel(found: Schema, foundHash: string, expected: Schema, expectedHash: string): Finding[] {
  if (found.id !== expected.id)
    return [
      finding(
        "structure.modele-different",
        { structure: { valuesTrusted: false } },
        { found: found.id, expected: expected.id },
      ),
    ];
  if (found.version !== expected.version)
    return [
      finding(
        "structure.version-differente",
        { structure: { valuesTrusted: true } },
        { found: found.version, expected: expected.version },
      ),
    ];
  if (foundHash !== expectedHash)
    return [
      finding(
        "structure.modele-different",
        { structure: { valuesTrusted: false } },
        { found: `${found.id} (${foundHash})`, expected: `${expected.id} (${expectedHash})` },
      ),
    ];
  return [];
}

export function checkSheets(plan: WorkbookPlan, snapshot: Snapshot): Finding[] {
  const planned = new Set(plan.sheets.map((s) => s.name));
  const extra = snapshot.sheets.filter((s) => !planned.has(s.name)).map((s) => `« ${s.name} »`);
  const out: Finding[] = [];
  for (const s of plan.sheets) {
    const got = sheetOf(snapshot, s.name);
    if (!got) {
      const hint = extra.length ? ` ? ${extra.join(", ")}` : "";
      out.push(
        finding(
          "structure.feuille-absente",
          { sheet: s.name, structure: { valuesTrusted: false } },
          { sheet: s.name, hint },
        ),
      );
    } else if (s.protection && !got.protected)
      out.push(
        finding(
          "structure.protection-retiree",
          { sheet: s.name, structure: { valuesTrusted: true } },
          { sheet: s.name },
        ),
      );
  }
  return out;
}

/** Labels keep their text, on the row where their id is now. */
export function checkLabels(
  plan: WorkbookPlan,
  snapshot: Snapshot,
  location: Location,
  nodes: Map<string, NodeInfo>,
): Finding[] {
  const out: Finding[] = [];
  for (const label of plan.meta.labels) {
    const row = location.rowOf.get(`${label.sheet}\u0000${label.node}`);
    if (row === undefined) continue;
    const address = a1(row, parseA1(label.address).col);
    const found = cellOf(sheetOf(snapshot, label.sheet), address)?.value;
    // The layout writes labels with French typography (typo): a workbook made before or after that still matches.
    if (typo(String(found ?? "")) === typo(label.text)) continue;
    const info = nodes.get(label.node.split("#")[0]!);
    out.push(
      finding(
        "structure.libelle-modifie",
        {
          sheet: label.sheet,
          cell: address,
          ...(info ? { axe: info.axe.id } : {}),
          ...(info?.fiche ? { fiche: info.fiche.id } : {}),
          node: label.node,
          ...(found !== undefined ? { value: found } : {}),
          expected: label.text,
          structure: { valuesTrusted: true },
        },
        { found: String(found ?? ""), expected: label.text },
      ),
    );
  }
  return out;
}

/** The formula with its row numbers shifted by `delta` (rows inserted above it), strings left alone. */
export function shiftFormula(formula: string, delta: number): string {
  return delta
    ? formula.replace(/("[^"]*")|(\$?[A-Z]{1,3}\$?)(\d+)/gi, (m, str: string | undefined, col: string, row: string) =>
        str ? str : `${col}${Number(row) + delta}`,
      )
    : formula;
}

/** `=IF(A1<>0, B2/A1, "")` and `=if(a1<>0,b2/a1,"")` are the same formula; row numbers shifted by `delta`. */
export function normalizeFormula(formula: string, delta = 0): string {
  return shiftFormula(formula, delta)
    .replace(/("[^"]*")|\s+/g, (m, str: string | undefined) => str ?? "")
    .replace(/\$/g, "")
    .toUpperCase();
}

/** What holds a computed cell's place now, in words: another formula, a value, or nothing. */
function foundInstead(formula: string | undefined, value: SnapValue | undefined): Phrase {
  if (formula) return phrase("validate.found.formula", { formula: formula.startsWith("=") ? formula : `=${formula}` });
  if (value === undefined || value === "") return phrase("validate.found.emptyCell");
  if (typeof value === "number") return phrase("validate.found.number", { value: num(value) });
  return phrase("validate.found.text", { value: String(value) });
}

/**
 * Computed cells still hold their formula (rows moved: their references moved with them). A replaced one is named
 * with the formula expected where the row is now and what is there instead, as datapackr reports altered formulas.
 */
export function checkFormulas(plan: WorkbookPlan, location: Location, nodes: Map<string, NodeInfo>): Finding[] {
  const out: Finding[] = [];
  for (const b of plan.meta.bindings) {
    if (!b.formula) continue;
    const at = location.cells.get(b.key);
    if (!at) continue;
    const delta = parseA1(at.address).row - parseA1(b.address).row;
    const found = at.cell?.formula;
    // The very formula written, in place: the same once normalized, without normalizing it (most cells).
    if (
      found &&
      ((delta === 0 && found === b.formula) || normalizeFormula(found) === normalizeFormula(b.formula, delta))
    )
      continue;
    const info = nodes.get(b.node);
    const expected = shiftFormula(b.formula, delta);
    const value = found ?? at.cell?.value;
    out.push(
      finding(
        "structure.formule-remplacee",
        { ...placeOf(b, at, info, value), expected, structure: { valuesTrusted: true } },
        { expected, found: foundInstead(found, at.cell?.value) },
      ),
    );
  }
  return out;
}
