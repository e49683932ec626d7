/**
 * The written part of a bilan, which is most of it: for each fiche, the
 * campaign's *Réalisations de l'année*, *Difficultés / freins* and
 * *Perspectives* (with last year's perspectives recalled above, read-only),
 * and for each text indicator an answer row per year, wide enough to read.
 *
 * These texts sit in cells merged across the visible columns, wrapped, on
 * rows of a fixed height (Excel does not fit the height of merged cells).
 * Each row carries its own id in column A (`<fiche>#realisations`,
 * `<indicateur>#reponse:2024`), so that it is found again if rows move.
 */
import { a1 } from "../../util/a1";
import type { Fiche, Indicateur } from "../../model/schema";
import type { BindingKind, CellBinding, ValidationPlan } from "../plan";
import { requis, type StyleKey } from "./styles";
import type { SheetBuilder } from "./sheetBuilder";
import { wordsOf, type Words } from "./words";

export const RECIT_KINDS = ["realisations", "difficultes", "perspectives"] as const satisfies readonly BindingKind[];
export type RecitKind = (typeof RECIT_KINDS)[number];

/** A page of text: enough for a fiche's year, short enough to print on its block. */
export const RECIT_MAX = 3000;

/** Each heading's name, where the year is said elsewhere (a column, a row). */
export const recitRubrique = (kind: RecitKind, w: Words = wordsOf()): string => w(`recit.rubrique.${kind}`);

/** Heights in points: about six lines for a text being written, three for one read back. */
const INPUT_HEIGHT = 96;
const RECALL_HEIGHT = 48;

export function recitValidation(ranges: string[], w: Words = wordsOf()): ValidationPlan {
  return {
    ranges,
    rule: { type: "textLength", max: RECIT_MAX },
    allowBlank: true,
    prompt: { title: w("recit.title"), message: w("recit.prompt", { max: RECIT_MAX }) },
    error: { style: "stop", title: w("input.tooLongTitle"), message: w("input.textError", { max: RECIT_MAX }) },
  };
}

type Bind = (b: Omit<CellBinding, "sheet" | "key" | "address">, row: number, col: number) => void;

export interface RecitContext {
  w: Words;
  campaignYear: number;
  debut: number;
  /** First and last columns the texts span. */
  first: number;
  last: number;
  /** Hidden row-kind column. */
  kindCol: number;
  /** The reference (`'Bilans précédents'!E7`) of a fiche's text of an earlier year, when the history sheet has it. */
  historique?: (fiche: string, year: number, kind: RecitKind) => string | undefined;
  bind: Bind;
  label: (row: number, node: string, text: string) => void;
  /** Addresses of the narrative inputs, for one validation per sheet. */
  inputs: string[];
}

/** A text merged across the visible columns (the merged area takes its first cell's style). */
function textRow(sheet: SheetBuilder, row: number, c: RecitContext, style: StyleKey, height: number): void {
  sheet.set(row, c.first, style);
  sheet.merge(row, c.first, row, c.last);
  sheet.plan.rowHeights[row] = height;
}

/** The fiche's narrative block; returns the row after it. */
export function recitBlock(sheet: SheetBuilder, fiche: Fiche, row: number, c: RecitContext): number {
  const year = c.campaignYear;
  sheet.set(row, c.first - 1, "tableHeader", c.w("recit.header", { year }));
  sheet.merge(row, c.first - 1, row, c.last);
  row++;
  const previous = c.historique?.(fiche.id, year - 1, "perspectives");
  if (previous) {
    const id = `${fiche.id}#rappel`;
    sheet.set(row, 1, "meta", id);
    c.label(row, id, c.w("recit.rappel", { year: year - 1 }));
    sheet.set(row, c.kindCol, "meta", "recit");
    // Read from the history sheet, which keeps every earlier year's texts: one cell holds each text.
    const formula = `=IF(LEN(${previous})=0,"",${previous})`;
    sheet.set(row, c.first, "lockedNarrative", undefined, { formula });
    sheet.merge(row, c.first, row, c.last);
    sheet.plan.rowHeights[row] = RECALL_HEIGHT;
    row++;
  }
  for (const kind of RECIT_KINDS) {
    const id = `${fiche.id}#${kind}`;
    sheet.set(row, 1, "meta", id);
    c.label(row, id, c.w(`recit.label.${kind}`, { year }));
    textRow(sheet, row, c, "inputNarrative", INPUT_HEIGHT);
    sheet.set(row, c.kindCol, "meta", "recit");
    c.inputs.push(a1(row, c.first));
    c.bind({ node: fiche.id, kind, period: String(year), rowId: id, input: true }, row, c.first);
    row++;
  }
  return row;
}

/** The answer rows of a text indicator, one per year up to the campaign; returns the row after them. */
export function reponseRows(
  sheet: SheetBuilder,
  ind: Indicateur,
  row: number,
  c: RecitContext,
  textInputs: string[],
): number {
  for (let y = c.debut; y <= c.campaignYear; y++) {
    const id = reponseRowId(ind, y);
    const now = y === c.campaignYear;
    sheet.set(row, 1, "meta", id);
    c.label(row, id, c.w(now ? "recit.reponseCampagne" : "recit.reponse", { year: y }));
    textRow(sheet, row, c, now ? (ind.obligatoire ? requis("inputText") : "inputText") : "lockedText", now ? 60 : 30);
    // The yellow of an expected, still empty answer (axeSheet's conditional formats) looks for this kind.
    if (now && ind.obligatoire) sheet.set(row, c.kindCol, "meta", "rep");
    if (now) textInputs.push(a1(row, c.first));
    c.bind({ node: ind.id, kind: "valeur", period: String(y), rowId: id, input: now }, row, c.first);
    row++;
  }
  return row;
}

export const reponseRowId = (ind: Indicateur, year: number) => `${ind.id}#reponse:${year}`;
