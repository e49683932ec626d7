/**
 * Moving entered values into a new plan, by binding key (stable id + what +
 * period): for a carry-over to next year's campaign and for an upgrade to a
 * new model version; comments and notes on cells likewise, as notes. Whatever
 * has no place in the new plan is returned, never dropped: the caller keeps it
 * in a *Non repris* sheet.
 */
import { t, type Lang } from "../i18n";
import { LANGS } from "../model/vocabulaire";
import { bindingsByKey, langOf, type CellPlan, type Scalar, type WorkbookPlan } from "./plan";
import { wordsOf } from "./layout/words";
import { sheetOf, type SnapComment, type SnapValue, type Snapshot } from "./snapshot";
import type { PlacedComment } from "./validate";
import { paginate } from "./layout/print";
import { buildTableSheet, TABLE_HEADER_ROW } from "./layout/tableSheet";
import { parseA1 } from "../util/a1";
import { excelSerial } from "../util/excelDate";
import { STYLES } from "./layout/styles";

const DATE_FORMAT = STYLES.inputDate.numberFormat;

export interface NotCarried {
  key: string;
  /** Label of the node in the old model. */
  label: string;
  /** Where it was: `'Axe 1'!E12`. */
  from: string;
  value: SnapValue;
  /** Why it found no place, when not the run's reason. */
  why?: string;
}

/** The sheet's name in a workbook of this language. */
export const nonReprisName = (lang: Lang): string => wordsOf(lang)("nonRepris.sheet");
/** Its name in a French workbook. */
export const NON_REPRIS = nonReprisName("fr");

export function transferValues(
  values: Map<string, SnapValue>,
  oldPlan: WorkbookPlan,
  newPlan: WorkbookPlan,
  labelOf: (node: string) => string,
): { carried: number; notCarried: NotCarried[] } {
  const cellOf = boundCells(newPlan, false);
  const oldBinding = bindingsByKey(oldPlan.meta.bindings);
  let carried = 0;
  const notCarried: NotCarried[] = [];
  for (const [key, value] of values) {
    const cell = cellOf(key);
    if (cell) {
      // A date read back as `YYYY-MM-DD` goes back as a date (Excel's serial), not as text.
      const isDate = newPlan.styles[cell.style]?.numberFormat === DATE_FORMAT;
      cell.value =
        isDate && typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value) ? excelSerial(value) : value;
      carried++;
      continue;
    }
    const was = oldBinding(key);
    notCarried.push({
      key,
      label: was ? labelOf(was.node) : key,
      from: was ? `${was.sheet}!${was.address}` : "",
      value,
    });
  }
  return { carried, notCarried };
}

/**
 * Comments and notes onto the cell of the same binding in the new plan, as
 * notes (a thread with its author and replies, said to be « repris comme
 * note »); those whose cell has no binding, or whose binding has no cell in
 * the new plan, are returned for *Non repris*.
 */
export function transferComments(
  comments: PlacedComment[],
  newPlan: WorkbookPlan,
  labelOf: (node: string) => string,
): { carried: number; notCarried: NotCarried[] } {
  // The words the new workbook adds to a comment are in its language.
  const lang = langOf(newPlan.meta);
  const cellOf = boundCells(newPlan, true);
  let carried = 0;
  const notCarried: NotCarried[] = [];
  for (const c of comments) {
    const cell = c.binding && cellOf(c.binding.key);
    if (cell) {
      cell.note = noteText(c.comment, lang);
      carried++;
      continue;
    }
    const node = c.binding?.node ?? c.node;
    notCarried.push({
      key: commentKey(c),
      label: node !== undefined ? labelOf(node) : c.sheet,
      from: `${c.sheet}!${c.address}`,
      value: noteText(c.comment, lang),
      why: t(lang, "transfer.comment.why"),
    });
  }
  return { carried, notCarried };
}

/** How a comment is named where it is listed: its cell's binding key, else its place in the old workbook. */
export const commentKey = (c: PlacedComment) =>
  c.binding ? `${c.binding.key}#commentaire` : `commentaire@${c.sheet}!${c.address}`;

/** The text of a comment as a note of the new workbook: a thread says whose it was and keeps its replies. */
export function noteText(c: SnapComment, lang: Lang = "fr"): string {
  if (c.kind === "note")
    return c.author && !c.text.startsWith(c.author) ? `${c.author}${lang === "fr" ? " :" : ":"}\n${c.text}` : c.text;
  const head = c.author
    ? t(lang, "transfer.comment.threadBy", { author: c.author })
    : t(lang, "transfer.comment.thread");
  const replies = (c.replies ?? []).map((r) =>
    r.author ? t(lang, "transfer.comment.replyBy", { author: r.author, text: r.text }) : r.text,
  );
  return [head, c.text, ...replies].join("\n");
}

/** The cell of a binding key in a plan (formula cells only when asked: values never go there, comments may). */
function boundCells(plan: WorkbookPlan, withFormulas: boolean): (key: string) => CellPlan | undefined {
  const bindings = new Map(plan.meta.bindings.filter((b) => withFormulas || !b.formula).map((b) => [b.key, b]));
  const sheets = new Map(plan.sheets.map((s) => [s.name, new Map(s.cells.map((c) => [`${c.row}:${c.col}`, c]))]));
  return (key) => {
    const b = bindings.get(key);
    if (!b) return undefined;
    const { row, col } = parseA1(b.address);
    return sheets.get(b.sheet)?.get(`${row}:${col}`);
  };
}

/** The rows of a workbook's *Non repris* sheet (in whichever language), so that the next workbook made from it keeps them too. */
export function nonReprisRows(snapshot: Snapshot): Scalar[][] {
  const sheet = LANGS.map((l) => sheetOf(snapshot, nonReprisName(l))).find((s) => s !== undefined);
  if (!sheet) return [];
  const rows: Scalar[][] = [];
  for (let r = TABLE_HEADER_ROW + 1; sheet.cells.has(`A${r}`); r++)
    rows.push(["A", "B", "C", "D", "E"].map((c) => sheet.cells.get(`${c}${r}`)?.value ?? ""));
  return rows;
}

/** The *Non repris* sheet: this run's values that found no place, after those an earlier run had kept. */
export function addNonRepris(plan: WorkbookPlan, notCarried: NotCarried[], earlier: Scalar[][], why: string): void {
  const rows: Scalar[][] = [...earlier, ...notCarried.map((n) => [n.key, n.label, n.from, n.value, n.why ?? why])];
  if (!rows.length) return;
  const lang = langOf(plan.meta);
  const w = wordsOf(lang);
  const sheet = buildTableSheet({
    name: nonReprisName(lang),
    title: w("nonRepris.title"),
    note: w("nonRepris.note"),
    columns: [
      [w("nonRepris.col.cle"), 34],
      [w("nonRepris.col.element"), 48],
      [w("nonRepris.col.ancienne"), 28],
      [w("nonRepris.col.valeur"), 40],
      [w("nonRepris.col.motif"), 30],
    ],
    rows,
    lang,
  });
  const { titre } = JSON.parse(plan.modelJson) as { titre: string };
  paginate([sheet.plan], { schema: titre, campaignYear: plan.meta.campaignYear, styles: plan.styles, lang });
  // Before the metadata sheet, which stays last.
  plan.sheets.splice(plan.sheets.length - 1, 0, sheet.plan);
}
