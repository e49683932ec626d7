/** Excel's day numbers: day 0 is 1899-12-30, so that serial 60 is the phantom 29/02/1900. */
export const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** `2024-06-30` → 45473. */
export const excelSerial = (day: string): number =>
  Math.round((Date.parse(`${day}T00:00:00Z`) - EXCEL_EPOCH) / 86_400_000);

/** 45473 → `2024-06-30` (the time of day, if any, is dropped). */
export const dayOfSerial = (serial: number): string =>
  new Date(EXCEL_EPOCH + Math.round(serial) * 86_400_000).toISOString().slice(0, 10);

/** A date cell's value as `YYYY-MM-DD`, or undefined when it is no date. */
export function asDate(v: unknown): string | undefined {
  if (typeof v === "number" && v > 0 && v < 2958466) return dayOfSerial(v);
  if (typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v))) return v;
  return undefined;
}
