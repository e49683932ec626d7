/**
 * exceljsQuirks.ts for the browser bundle (webpack swaps the module): the
 * prebuilt exceljs used there cannot be patched. What is lost: links inside
 * the workbook are written broken (the pane never writes .xlsx files), and
 * sheet protection saved by LibreOffice as true/false reads as absent.
 */
export function installExceljsQuirks(): void {}
