/**
 * *Bilans précédents*: the narrative of every earlier campaign of the schéma,
 * one row per fiche and year (Réalisations, Difficultés / freins,
 * Perspectives), read-only. Carry-over fills it from last year's workbook,
 * which had it too, so the texts follow the schéma year after year; each
 * fiche's block on its axe sheet recalls last year's perspectives from here.
 */
import { a1, sheetRef } from "../../util/a1";
import type { Fiche, Schema } from "../../model/schema";
import type { CellBinding, PlanMeta } from "../plan";
import { RECIT_KINDS, recitRubrique, type RecitKind } from "./recit";
import { SheetBuilder } from "./sheetBuilder";
import { COLORS } from "./styles";
import { wordsOf, type NiveauxDits, type Words } from "./words";

/** The sheet's name in a workbook of this language. */
export const historiqueName = (w: Words): string => w("sheet.historique");
/** Its name in a French workbook. */
export const HISTORIQUE = historiqueName(wordsOf("fr"));
const HEADER_ROW = 3;
const FIRST_TEXT_COL = 4;

export interface Historique {
  sheet: SheetBuilder;
  /** The reference of a fiche's text of a year, for a formula on another sheet. */
  refOf: (fiche: string, year: number, kind: RecitKind) => string | undefined;
}

/** None when the campaign is the schéma's first year: there is nothing before it. */
export function buildHistorique(
  schema: Schema,
  fiches: Fiche[],
  campaignYear: number,
  bindings: CellBinding[],
  labels: PlanMeta["labels"],
  w: Words,
  niveaux: NiveauxDits,
): Historique | undefined {
  const { debut } = schema.periode;
  if (campaignYear <= debut) return undefined;
  const name = historiqueName(w);
  const sheet = new SheetBuilder(name, "annexe", w.lang);
  const s = sheet.plan;
  s.tabColor = COLORS.muted;
  s.columnWidths = { 1: 4, 2: 36, 3: 8, 4: 60, 5: 50, 6: 50 };
  s.hiddenColumns.push(1);
  s.freeze = { rows: HEADER_ROW, columns: 3 };
  s.protection = { allowFormatRows: true, allowFormatColumns: true, allowAutoFilter: true };
  s.print = {
    orientation: "landscape",
    paperSize: "A4",
    titleRows: `${HEADER_ROW}:${HEADER_ROW}`,
    titleColumns: "B:C",
  };
  sheet.set(1, 2, "title", w("historique.title"));
  sheet.set(2, 2, "note", w("historique.note", { axe: niveaux.axe.toLowerCase() }));
  sheet.merge(2, 2, 2, 6);
  [niveaux.fiche, w("historique.annee"), ...RECIT_KINDS.map((k) => recitRubrique(k, w))].forEach((h, i) =>
    sheet.set(HEADER_ROW, 2 + i, "tableHeader", h),
  );
  s.autoFilter = `B${HEADER_ROW}:F${HEADER_ROW}`;

  const rows = new Map<string, number>();
  let row = HEADER_ROW + 1;
  for (const fiche of fiches)
    for (let year = debut; year < campaignYear; year++) {
      const id = `${fiche.id}#recit:${year}`;
      const text = w("ficheTitle", { fiche: niveaux.fiche, numero: fiche.numero, titre: fiche.titre });
      sheet.set(row, 1, "meta", id);
      sheet.set(row, 2, "rowLabel", text);
      sheet.set(row, 3, "cellInfo", year);
      labels.push({ sheet: name, address: a1(row, 2), node: id, text: sheet.typo(text) });
      RECIT_KINDS.forEach((kind, i) => {
        const col = FIRST_TEXT_COL + i;
        sheet.set(row, col, "lockedNarrative");
        bindings.push({
          key: `${fiche.id}@${kind}:${year}`,
          node: fiche.id,
          kind,
          period: String(year),
          sheet: name,
          address: a1(row, col),
          rowId: id,
          input: false,
        });
      });
      s.rowHeights[row] = 60;
      rows.set(`${fiche.id}:${year}`, row);
      row++;
    }
  return {
    sheet,
    refOf: (fiche, year, kind) => {
      const r = rows.get(`${fiche}:${year}`);
      return r === undefined ? undefined : sheetRef(name, a1(r, FIRST_TEXT_COL + RECIT_KINDS.indexOf(kind)));
    },
  };
}
