/**
 * Numbers as French users type them: decimal comma, spaces (or thin spaces)
 * between thousands, a trailing `%` or `€`. Returns what was understood.
 */
export interface ReadNumber {
  value: number;
  percent: boolean;
  euro: boolean;
}

export function readFrenchNumber(text: string): ReadNumber | undefined {
  let s = text.trim().replace(/[\u00a0\u202f\s]/g, "");
  const percent = s.endsWith("%");
  const euro = s.endsWith("€");
  if (percent || euro) s = s.slice(0, -1);
  if (!/^[+-]?(\d+([.,]\d*)?|[.,]\d+)$/.test(s)) return undefined;
  const value = Number(s.replace(",", "."));
  return Number.isFinite(value) ? { value, percent, euro } : undefined;
}

/** Writes a number with a decimal comma, the way a French user reads it. */
export function formatFrenchNumber(n: number): string {
  return String(n).replace(".", ",");
}
