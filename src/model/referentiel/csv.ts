/**
 * CSV in and out: the référentiel table read (`,` `;` or tab, detected from the header line; the text decoded by
 * textFile.ts), and every CSV the project writes (référentiel, findings report, tidy export), RFC 4180.
 */
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import type { Cell, Table } from "./cells";

export function detectDelimiter(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const counts = [";", ",", "\t"].map((d) => [d, firstLine.split(d).length] as const);
  return counts.reduce((a, b) => (b[1] > a[1] ? b : a))[0];
}

export function readCsv(text: string, source: string): Table {
  const body = text.replace(/^\uFEFF/, "");
  const rows = parse(body, {
    delimiter: detectDelimiter(body),
    relax_column_count: true,
    skip_empty_lines: false,
  }) as string[][];
  const fileName = source.replace(/^.*[\\/]/, "");
  return { source: fileName, fileName, firstRow: 1, rows };
}

export interface CsvOptions {
  /** `;` suits a French Excel; `,` is the default. */
  delimiter?: string;
  /** A byte-order mark makes Excel read UTF-8 correctly. */
  bom?: boolean;
  /**
   * Text starting with = + - @ (also after blanks or control characters, which spreadsheets skip), a tab or a
   * line break gets a leading apostrophe, so that a spreadsheet never runs it as a formula.
   */
  escapeFormulas?: boolean;
}

// eslint-disable-next-line no-control-regex -- control characters before `=` are exactly what must be caught
const FORMULA_START = /^(?:[\s\u0000-\u001f\u007f-\u009f\u200b\ufeff]*[=+\-@]|[\t\r\n])/;

/** Numbers are written with a decimal comma when the delimiter is `;` (French Excel). */
export function writeCsv(
  rows: Cell[][],
  { delimiter = ",", bom = false, escapeFormulas = false }: CsvOptions = {},
): string {
  const frenchDecimals = delimiter === ";";
  const cell = (c: Cell) => {
    if (typeof c === "number") return frenchDecimals ? String(c).replace(".", ",") : c;
    if (typeof c === "string" && escapeFormulas && FORMULA_START.test(c)) return `'${c}`;
    return c ?? "";
  };
  const text = stringify(
    rows.map((r) => r.map(cell)),
    {
      delimiter,
      record_delimiter: "\r\n",
      // csv-stringify quotes only the record delimiter (CRLF): a bare CR or LF must be quoted too (RFC 4180).
      quoted_match: /[\r\n]/,
      cast: { boolean: (b) => (b ? "Oui" : "Non") },
    },
  );
  return (bom ? "\uFEFF" : "") + text;
}
