/** Reading and writing the cells of a référentiel table. */
import { fold } from "../../util/text";
import { readFrenchNumber } from "../../util/frenchNumber";
import type { Valeur } from "../schema";

export type Cell = string | number | boolean | null | undefined;

/** A table as read from CSV or a worksheet: `rows[0]` is the header. */
export interface Table {
  /** Where it comes from, as cell locations start: `file.csv` or `[file.xlsx]Sheet`. */
  source: string;
  /** The file it was read from (its base name gives default id and title). */
  fileName: string;
  /** Row number of `rows[0]` in the source (1 for a CSV; the header row of a sheet). */
  firstRow: number;
  rows: Cell[][];
  /** The *Règles* sheet of the same workbook, when it has one (referentiel/regles.ts). */
  regles?: Table;
}

export function cellText(cell: Cell): string {
  if (cell === null || cell === undefined) return "";
  if (typeof cell === "boolean") return cell ? "Oui" : "Non";
  return String(cell).trim();
}

/** One item per line. */
export function splitLines(cell: Cell): string[] {
  return cellText(cell)
    .split(/\r?\n/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** References typed by people: one per line, or separated by `;`. */
export function splitRefs(cell: Cell): string[] {
  return cellText(cell)
    .split(/\r?\n|;/)
    .map((s) => s.trim())
    .filter(Boolean);
}

export function readNumber(cell: Cell): number | undefined | "invalid" {
  if (typeof cell === "number") return cell;
  const text = cellText(cell);
  if (!text) return undefined;
  return readFrenchNumber(text)?.value ?? "invalid";
}

/** Published amounts are often in millions or thousands of euros: « 62,8 M€ », « 9,3 M € », « 850 k€ ». */
const MULTIPLE = /^(.*?)\s*([MK])\s*€$/i;

/** An amount in euros, as typed or published: `1 200 000`, `1 200 000 €`, `62,8 M€`, `850 k€`. */
export function readMontant(cell: Cell): number | undefined | "invalid" {
  const m = typeof cell === "string" ? MULTIPLE.exec(cell.trim()) : null;
  if (!m) return readNumber(cell);
  const n = readFrenchNumber(m[1]!);
  if (!n || n.percent || n.euro) return "invalid";
  // Rounded to the cent: 9,3 × 1 000 000 is 9 300 000.000000002 in binary.
  return Math.round(n.value * (m[2]!.toUpperCase() === "M" ? 1_000_000 : 1_000) * 100) / 100;
}

const YES = new Set(["oui", "o", "yes", "y", "vrai", "true", "1", "x"]);
const NO = new Set(["non", "n", "no", "faux", "false", "0"]);

export function readBoolean(cell: Cell): boolean | undefined | "invalid" {
  if (typeof cell === "boolean") return cell;
  const text = fold(cellText(cell));
  if (!text) return undefined;
  if (YES.has(text)) return true;
  if (NO.has(text)) return false;
  return "invalid";
}

/** A target or baseline: number, Oui/Non, or a date (ISO or JJ/MM/AAAA). */
export function readValeur(cell: Cell): Valeur | undefined | "invalid" {
  if (typeof cell === "number" || typeof cell === "boolean") return cell;
  const text = cellText(cell);
  if (!text) return undefined;
  const n = readFrenchNumber(text);
  if (n) return n.value;
  const b = readBoolean(text);
  if (typeof b === "boolean") return b;
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return text;
  const fr = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  if (fr) return `${fr[3]}-${fr[2]!.padStart(2, "0")}-${fr[1]!.padStart(2, "0")}`;
  return "invalid";
}

export function writeValeur(v: Valeur | undefined): Cell {
  if (v === undefined) return "";
  if (typeof v === "boolean") return v ? "Oui" : "Non";
  return v;
}
