/** The Contrôles sheet: an empty findings table, filled by validation. */
import { colLetter } from "../../util/a1";
import type { Lang } from "../../i18n";
import { langOf, type PlanMeta } from "../plan";
import { SheetBuilder } from "./sheetBuilder";
import { COLORS } from "./styles";
import { wordsOf, type Words } from "./words";

/** The sheet's name in a workbook of this language. */
export const controlesName = (lang: Lang): string => wordsOf(lang)("sheet.controles");
/** Its name in a French workbook. */
export const CONTROLES = controlesName("fr");
/** Its name in a workbook, from the workbook's metadata. */
export const controlesOf = (meta: Pick<PlanMeta, "lang">): string => controlesName(langOf(meta));
export const CONTROLES_HEADER_ROW = 3;
/** The findings table's columns: the key of each heading (`workbook.controles.col.*`) and its width. */
export const CONTROLES_COLUMNS = [
  ["gravite", 12],
  ["regle", 18],
  ["feuille", 22],
  ["cellule", 9],
  ["axe", 8],
  ["fiche", 8],
  ["element", 16],
  ["valeur", 16],
  ["attendu", 22],
  ["message", 70],
] as const;

export function buildControles(campaignYear: number, w: Words = wordsOf()): SheetBuilder {
  const sheet = new SheetBuilder(controlesName(w.lang), "controles", w.lang);
  const s = sheet.plan;
  s.tabColor = COLORS.controles;
  sheet.set(1, 1, "title", w("controles.title", { year: campaignYear }));
  sheet.set(2, 1, "note", w("controles.note"));
  CONTROLES_COLUMNS.forEach(([key, width], i) => {
    sheet.set(CONTROLES_HEADER_ROW, i + 1, "tableHeader", w(`controles.col.${key}`));
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
