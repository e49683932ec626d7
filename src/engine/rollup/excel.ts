/**
 * What the rollup formulas see in a cell, mirrored so that the engine gives
 * the very numbers Excel and LibreOffice show. TRIM removes spaces (only the
 * space character) at both ends and collapses inner runs; `=` between texts
 * ignores case; a cell counts as filled when LEN(TRIM(cell)) > 0, so a cell
 * holding only spaces is as empty as a blank one, and 0 is filled.
 */
export type CellValue = string | number | boolean | undefined;

export const excelTrim = (s: string): string => s.replace(/^ +| +$/g, "").replace(/ {2,}/g, " ");

/** `LEN(TRIM(cell))>0`. */
export function isFilled(v: CellValue): boolean {
  return typeof v === "string" ? excelTrim(v).length > 0 : v !== undefined;
}

/** How many of `cells` are filled, as a formula: the twin of `isFilled`. */
export const filledFormula = (cells: string[]): string => `=${cells.map((c) => `IF(LEN(TRIM(${c}))>0,1,0)`).join("+")}`;

/** `TRIM(cell)="text"`. */
export function textIs(v: CellValue, text: string): boolean {
  return typeof v === "string" && excelTrim(v).toLowerCase() === text.toLowerCase();
}

/** `ISNUMBER(cell)`. */
export const numberOf = (v: CellValue): number | undefined => (typeof v === "number" ? v : undefined);

/** A ratio's rate, as its `taux` cells compute it: `IF(AND(ISNUMBER(n),ISNUMBER(d),d<>0),n/d*100,"")`. */
export function ratioRate(n: CellValue, d: CellValue): number | undefined {
  return typeof n === "number" && typeof d === "number" && d !== 0 ? (n / d) * 100 : undefined;
}

/**
 * `a=b` between numbers, as the spreadsheets compare them: Excel and LibreOffice take two numbers that differ only
 * in their last bits for equal (`0.1+0.2=0.3` is TRUE), so a rate of 59.999999999999993 meets a target of 60.
 */
export function approxEqual(a: number, b: number): boolean {
  return a === b || Math.abs(a - b) <= Math.max(Math.abs(a), Math.abs(b)) * 2 ** -48;
}

/** `a<=b` as the spreadsheets compare numbers. */
export const atMost = (a: number, b: number): boolean => a < b || approxEqual(a, b);
