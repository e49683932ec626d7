/**
 * What the progress figures mean, each in one sentence, in French and in
 * English (the catalogues' `workbook.def.*`): printed on the Sommaire under the
 * axe table, in the workbook's language (so that a reader of the workbook knows
 * what « en retard » counts), and in the README. The rules themselves are in
 * rollup/calendrier.ts and rollup/atteinte.ts; these words must say what they do.
 */
import { TOLERANCE_STABLE } from "../rollup/atteinte";
import { SheetBuilder } from "./sheetBuilder";
import { pourcent } from "../../util/typography";
import { wordsOf, type Words } from "./words";

export interface Definition {
  id: string;
  terme: { fr: string; en: string };
  texte: { fr: string; en: string };
}

const IDS = [
  "engagee",
  "etat",
  "retard",
  "avancement",
  "futur",
  "sansCalendrier",
  "saisies",
  "cibles",
  "atteinte",
  "consommation",
  "niveaux",
] as const;

const tolerance = { fr: pourcent(TOLERANCE_STABLE * 100, 0), en: `${Math.round(TOLERANCE_STABLE * 100)}%` };

const inBoth = (f: (w: Words) => string) => ({ fr: f(wordsOf("fr")), en: f(wordsOf("en")) });

export const DEFINITIONS: readonly Definition[] = IDS.map((id) => ({
  id,
  terme: inBoth((w) => w(`def.${id}.terme`)),
  texte: inBoth((w) => w(`def.${id}.texte`, { tolerance: tolerance[w.lang] })),
}));

/** The definitions as a block of the sheet from `row`, text merged from column 2 to `lastCol`; returns the next free row. */
export function definitionsBlock(
  sheet: SheetBuilder,
  row: number,
  lastCol: number,
  width: number,
  w: Words = wordsOf(),
): number {
  sheet.set(row, 2, "label", w("definitions"));
  sheet.merge(row, 2, row, lastCol);
  row++;
  for (const d of DEFINITIONS) {
    const text = w("labelled", { label: d.terme[w.lang], text: d.texte[w.lang] });
    sheet.set(row, 2, "text", text);
    sheet.merge(row, 2, row, lastCol);
    sheet.fitHeight(row, text.length, width);
    row++;
  }
  return row;
}
