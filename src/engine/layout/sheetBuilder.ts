/** Accumulates the content of one sheet of the plan. */
import { a1, cellNumber } from "../../util/a1";
import { CELL_TEXT_MAX } from "../../model/schema";
import type { CellPlan, ConditionalFormatPlan, Scalar, SheetKind, SheetPlan, ValidationPlan } from "../plan";
import { STYLES, type StyleKey } from "./styles";
import type { Lang } from "../../i18n";
import { typoOf } from "./words";

export class SheetBuilder {
  readonly plan: SheetPlan;
  /** The cells written, by `cellNumber`: each is written once. */
  private written = new Set<number>();
  /** French typography in a French workbook; an English one's texts as written. */
  readonly typo: (text: string) => string;

  constructor(name: string, kind: SheetKind, lang: Lang = "fr") {
    this.typo = typoOf(lang);
    this.plan = {
      name,
      kind,
      visibility: kind === "meta" ? "veryHidden" : "visible",
      columnWidths: {},
      hiddenColumns: [],
      rowHeights: {},
      cells: [],
      merges: [],
      validations: [],
      conditionalFormats: [],
    };
  }

  /** Writes a text of the layout or of the model: what it shows follows the typography of its language. */
  set(row: number, col: number, style: StyleKey, value?: Scalar, extra?: Partial<Pick<CellPlan, "formula">>): CellPlan {
    return this.write(row, col, style, value, extra, true);
  }

  /** Writes a value someone typed (a carried or consolidated value, a comment): as it is, whatever its style. */
  setAsTyped(row: number, col: number, style: StyleKey, value?: Scalar): CellPlan {
    return this.write(row, col, style, value, undefined, false);
  }

  private write(
    row: number,
    col: number,
    style: StyleKey,
    value: Scalar | undefined,
    extra: Partial<Pick<CellPlan, "formula">> | undefined,
    typographic: boolean,
  ): CellPlan {
    const at = cellNumber(row, col);
    if (this.written.has(at)) throw new Error(`layout: cell ${this.plan.name}!${a1(row, col)} written twice`);
    // Texts of the model fit in a cell one by one (schema.ts); several of them joined (a period's jalons) may not:
    // the cell shows the start, the model in _bilan_meta keeps them whole.
    if (typeof value === "string" && value.length > CELL_TEXT_MAX) value = `${value.slice(0, CELL_TEXT_MAX - 1)}…`;
    // What the workbook shows follows French typography; what is typed (inputs) and read back (meta) stays as it is.
    if (typographic && typeof value === "string" && this.shown(style) && !extra?.formula) value = this.typo(value);
    // Made field by field, in this order (row, col, style, value, formula): spreads cost on every cell of a large plan.
    const cell: CellPlan = { row, col, style };
    if (value !== undefined && value !== "") cell.value = value;
    if (extra) Object.assign(cell, extra);
    this.written.add(at);
    this.plan.cells.push(cell);
    return cell;
  }

  merge(r1: number, c1: number, r2: number, c2: number): void {
    if (r1 !== r2 || c1 !== c2) this.plan.merges.push(`${a1(r1, c1)}:${a1(r2, c2)}`);
  }

  validate(v: ValidationPlan): void {
    // Excel's limits: 32 characters of title, 255 of message.
    const text = (x: { title: string; message: string }) => ({
      title: this.typo(x.title).slice(0, 32),
      message: this.typo(x.message).slice(0, 255),
    });
    this.plan.validations.push({ ...v, prompt: text(v.prompt), error: { ...v.error, ...text(v.error) } });
  }

  /** A text of the layout or of the model that the workbook shows, not a value typed or read back. */
  private shown(style: StyleKey): boolean {
    return this.plan.kind !== "meta" && style !== "meta" && STYLES[style].locked;
  }

  conditional(c: ConditionalFormatPlan): void {
    this.plan.conditionalFormats.push(c);
  }

  /** Height for a wrapped text of `length` characters in a column `width` characters wide. */
  fitHeight(row: number, length: number, width: number, lineHeight = 15): void {
    const lines = Math.min(12, Math.max(1, Math.ceil(length / Math.max(8, width - 2))));
    if (lines > 1) this.plan.rowHeights[row] = Math.max(this.plan.rowHeights[row] ?? 0, lines * lineHeight);
  }
}
