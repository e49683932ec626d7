/** The Contrôles sheet: an empty findings table, filled by validation. */
import { colLetter } from "../../util/a1";
import { SheetBuilder } from "./sheetBuilder";
import { COLORS } from "./styles";

export const CONTROLES = "Contrôles";
export const CONTROLES_HEADER_ROW = 3;
export const CONTROLES_COLUMNS = [
  ["Gravité", 12],
  ["Règle", 18],
  ["Feuille", 22],
  ["Cellule", 9],
  ["Axe", 8],
  ["Fiche", 8],
  ["Élément", 16],
  ["Valeur trouvée", 16],
  ["Attendu", 22],
  ["Message", 70],
] as const;

export function buildControles(campaignYear: number): SheetBuilder {
  const sheet = new SheetBuilder(CONTROLES, "controles");
  const s = sheet.plan;
  s.tabColor = COLORS.controles;
  sheet.set(1, 1, "title", `Contrôles de la campagne ${campaignYear}`);
  sheet.set(
    2,
    1,
    "note",
    "Rempli par « Contrôler » (complément Excel ou commande bilan validate). Vide tant qu'aucun contrôle n'a été lancé.",
  );
  CONTROLES_COLUMNS.forEach(([text, width], i) => {
    sheet.set(CONTROLES_HEADER_ROW, i + 1, "tableHeader", text);
    s.columnWidths[i + 1] = width;
  });
  s.freeze = { rows: CONTROLES_HEADER_ROW, columns: 0 };
  s.autoFilter = `A${CONTROLES_HEADER_ROW}:${colLetter(CONTROLES_COLUMNS.length)}${CONTROLES_HEADER_ROW}`;
  s.print = {
    orientation: "landscape",
    paperSize: "A4",
    titleColumns: "A:A",
    titleRows: `${CONTROLES_HEADER_ROW}:${CONTROLES_HEADER_ROW}`,
  };
  return sheet;
}
