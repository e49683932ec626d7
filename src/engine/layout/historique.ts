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
import { RECIT_KINDS, RECIT_RUBRIQUE, type RecitKind } from "./recit";
import { SheetBuilder } from "./sheetBuilder";
import { COLORS } from "./styles";
import { typo } from "../../util/typography";

export const HISTORIQUE = "Bilans précédents";
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
): Historique | undefined {
  const { debut } = schema.periode;
  if (campaignYear <= debut) return undefined;
  const sheet = new SheetBuilder(HISTORIQUE, "annexe");
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
  sheet.set(1, 2, "title", "Bilans qualitatifs des campagnes précédentes");
  sheet.set(
    2,
    2,
    "note",
    `Repris des classeurs des années précédentes (bilan carry-over) ; en lecture seule. Le bilan de l'année se saisit sur la feuille de chaque ${schema.niveaux.axe.toLowerCase()}.`,
  );
  sheet.merge(2, 2, 2, 6);
  [schema.niveaux.fiche, "Année", ...RECIT_KINDS.map((k) => RECIT_RUBRIQUE[k])].forEach((h, i) =>
    sheet.set(HEADER_ROW, 2 + i, "tableHeader", h),
  );
  s.autoFilter = `B${HEADER_ROW}:F${HEADER_ROW}`;

  const rows = new Map<string, number>();
  let row = HEADER_ROW + 1;
  for (const fiche of fiches)
    for (let year = debut; year < campaignYear; year++) {
      const id = `${fiche.id}#recit:${year}`;
      const text = `${schema.niveaux.fiche} N° ${fiche.numero} — ${fiche.titre}`;
      sheet.set(row, 1, "meta", id);
      sheet.set(row, 2, "rowLabel", text);
      sheet.set(row, 3, "cellInfo", year);
      labels.push({ sheet: HISTORIQUE, address: a1(row, 2), node: id, text: typo(text) });
      RECIT_KINDS.forEach((kind, i) => {
        const col = FIRST_TEXT_COL + i;
        sheet.set(row, col, "lockedNarrative");
        bindings.push({
          key: `${fiche.id}@${kind}:${year}`,
          node: fiche.id,
          kind,
          period: String(year),
          sheet: HISTORIQUE,
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
      return r === undefined ? undefined : sheetRef(HISTORIQUE, a1(r, FIRST_TEXT_COL + RECIT_KINDS.indexOf(kind)));
    },
  };
}
