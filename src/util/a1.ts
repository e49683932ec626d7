/** A1 addresses, shared by the référentiel table messages and the workbook layout. */

/** 1 → A, 28 → AB. */
export function colLetter(col: number): string {
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

/** A cell's row and column as one number (Excel has 16,384 columns): a key that costs no string. */
export const cellNumber = (row: number, col: number): number => row * 16_384 + col;

export function a1(row: number, col: number): string {
  return `${colLetter(col)}${row}`;
}

export function range(r1: number, c1: number, r2: number, c2: number): string {
  return r1 === r2 && c1 === c2 ? a1(r1, c1) : `${a1(r1, c1)}:${a1(r2, c2)}`;
}

export function absolute(r1: number, c1: number, r2 = r1, c2 = c1): string {
  const one = (r: number, c: number) => `$${colLetter(c)}$${r}`;
  return r1 === r2 && c1 === c2 ? one(r1, c1) : `${one(r1, c1)}:${one(r2, c2)}`;
}

export function parseA1(address: string): { row: number; col: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/i.exec(address);
  if (!m) throw new Error(`not an A1 address: ${address}`);
  return { row: Number(m[2]), col: colNumber(m[1]!) };
}

/** `'Axe 1 - Prévention'!B7`: sheet names are always quoted, quotes doubled. */
export function sheetRef(sheet: string, address: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${address}`;
}

/** Excel refuses a text constant longer than this inside a formula. */
const FORMULA_TEXT_MAX = 255;

/** A text as a formula constant: quotes doubled, split into `"…"&"…"` pieces under Excel's limit. */
export function textConstant(text: string): string {
  const pieces: string[] = [];
  for (let i = 0; i < text.length || pieces.length === 0; i += FORMULA_TEXT_MAX)
    pieces.push(`"${text.slice(i, i + FORMULA_TEXT_MAX).replace(/"/g, '""')}"`);
  return pieces.join("&");
}

/**
 * A link to a place in the workbook as a HYPERLINK formula rather than a cell hyperlink: its text wraps in every
 * spreadsheet (LibreOffice does not wrap a cell hyperlink's text), and it is one formula to write.
 */
export function hyperlinkFormula(sheet: string, address: string, text: string): string {
  return `=HYPERLINK(${textConstant(`#${sheetRef(sheet, address)}`)},${textConstant(text)})`;
}
