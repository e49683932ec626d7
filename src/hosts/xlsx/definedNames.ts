/**
 * exceljs keeps defined names as a matrix of single cells (a range of 1,000
 * cells is 1,000 objects) and quotes sheet names without doubling their
 * apostrophes in print titles. `plainDefinedNames` swaps a workbook's name
 * store for a plain list, written and read as is.
 */
import type ExcelJS from "exceljs";

/** A defined name as exceljs' workbook writer and reader see it. */
export interface RawDefinedName {
  name: string;
  /** `'Sheet'!$A$1:$B$2`, several joined with commas in the file. */
  ranges: string[];
  /** Index of the sheet in the workbook for a sheet-scoped name (print titles, filters). */
  localSheetId?: number;
}

/**
 * Replaces the workbook's defined-name store by `names`: what is written is
 * this list, and what a file being loaded holds lands in it.
 */
export function plainDefinedNames(wb: ExcelJS.Workbook, names: RawDefinedName[] = []): RawDefinedName[] {
  let list = names;
  Object.defineProperty(wb.definedNames, "model", {
    configurable: true,
    get: () => list,
    set: (value: RawDefinedName[] | undefined) => {
      list.length = 0;
      list.push(...(value ?? []));
    },
  });
  return list;
}
