/**
 * What the calendar grid's status cells show besides a status: the words the layout writes on planned periods
 * after the campaign and on sous-actions without a published calendar (the grid itself: model/calendarGrid.ts).
 */
import { textIs, type CellValue } from "../rollup/excel";
import type { CellBinding } from "../plan";

/** What a locked planned period after the campaign shows: a word, so that it is not told by its colour alone. */
export const FUTUR_MARK = "prévu";
/** What the period cells of a sous-action without a published calendar show, but the campaign's status cell. */
export const SANS_CALENDRIER_MARK = "—";

/** A status cell holding what the layout wrote there (« prévu »): no entered value. */
export function isMark(b: Pick<CellBinding, "kind" | "input">, value: CellValue): boolean {
  return b.kind === "statut" && !b.input && textIs(value, FUTUR_MARK);
}
