/**
 * What the calendar grid's status cells show besides a status: the words the layout writes on planned periods
 * after the campaign and on sous-actions without a published calendar (the grid itself: model/calendarGrid.ts).
 */
import type { Lang } from "../../i18n";
import { LANGS } from "../../model/vocabulaire";
import { textIs, type CellValue } from "../rollup/excel";
import type { JalonDit } from "../../model/calendarGrid";
import { wordsOf, type Words } from "./words";
import type { CellBinding } from "../plan";

/** What a locked planned period after the campaign shows: a word, so that it is not told by its colour alone. */
export const futurMark = (lang: Lang): string => wordsOf(lang)("futur");
/** The mark of a French workbook. */
export const FUTUR_MARK = futurMark("fr");
/** What the period cells of a sous-action without a published calendar show, but the campaign's status cell. */
export const SANS_CALENDRIER_MARK = "—";

/** A status cell holding what the layout wrote there (« prévu », "planned"): no entered value. */
export function isMark(b: Pick<CellBinding, "kind" | "input">, value: CellValue): boolean {
  return b.kind === "statut" && !b.input && LANGS.some((l) => textIs(value, futurMark(l)));
}

/** A milestone's row text in the calendar: « Jalon Septembre 2022 : libellé ». */
export const jalonText = (w: Words, jalon: JalonDit): string =>
  w("calendar.jalon", { period: jalon.quand, libelle: jalon.libelle });
