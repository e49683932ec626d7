/** Excel's day numbers: day 0 is 1899-12-30, so that serial 60 is the phantom 29/02/1900. */
export const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** `2024-06-30` → 45473. */
export const excelSerial = (day: string): number =>
  Math.round((Date.parse(`${day}T00:00:00Z`) - EXCEL_EPOCH) / 86_400_000);

/** 45473 → `2024-06-30` (the time of day, if any, is dropped). */
export const dayOfSerial = (serial: number): string =>
  new Date(EXCEL_EPOCH + Math.round(serial) * 86_400_000).toISOString().slice(0, 10);
