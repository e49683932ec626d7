/** Names Excel accepts: sheet names and defined names. */

const SHEET_FORBIDDEN = /[[\]:*?/\\]/g;
export const SHEET_MAX = 31;

/** A valid, unique sheet name: ≤ 31 characters, none of []:*?/\, not starting or ending with a quote. */
export function sheetName(wanted: string, taken: Set<string>): string {
  const clean =
    wanted
      .replace(SHEET_FORBIDDEN, "-")
      .replace(/\s+/g, " ")
      .replace(/^'+|'+$/g, "")
      .trim() || "Feuille";
  let name = cut(clean, SHEET_MAX);
  for (let i = 2; [...taken].some((t) => t.toLowerCase() === name.toLowerCase()); i++) {
    const suffix = ` (${i})`;
    name = cut(clean, SHEET_MAX - suffix.length) + suffix;
  }
  taken.add(name);
  return name;
}

function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const short = text.slice(0, max - 1);
  const space = short.lastIndexOf(" ");
  return `${(space > max / 2 ? short.slice(0, space) : short).trimEnd()}…`;
}

/** Defined name for a node: `bs.` + its id (ids only hold letters, digits, `_` and `.`). */
export function definedName(id: string): string {
  return `bs.${id}`;
}

/** Whether Excel accepts a defined name (no cell-like or R1C1-like names). */
export function isValidDefinedName(name: string): boolean {
  if (!/^[A-Za-z_\\][A-Za-z0-9_.]{0,254}$/.test(name)) return false;
  if (/^[A-Za-z]{1,3}\d+$/.test(name)) return false;
  if (/^[RrCc](\d*|[Rr]?\d*[Cc]\d*)$/.test(name)) return false;
  return true;
}
