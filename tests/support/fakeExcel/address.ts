/**
 * A1 addresses as the fake Excel understands them: cells, rectangles, whole
 * columns (`C:H`) and whole rows (`3:5`), with or without `$`. Written apart
 * from src/util/a1.ts on purpose, so that a bug there cannot hide itself here.
 */
import { FakeOfficeError } from "./errors";

export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;

/** 1-based, inclusive. */
export interface Rect {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

export function colToLetters(col: number): string {
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function lettersToCol(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

function bad(address: string): FakeOfficeError {
  return new FakeOfficeError(
    "InvalidArgument",
    `The argument is invalid or missing or has an incorrect format: "${address}".`,
  );
}

/** One area: `B7`, `$B$7`, `B7:C9`, `C:H`, `3:5`. */
export function parseArea(address: string): Rect {
  const a = address.trim();
  let m = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(a);
  if (m) {
    const c1 = lettersToCol(m[1]!);
    const r1 = Number(m[2]);
    const c2 = m[3] ? lettersToCol(m[3]) : c1;
    const r2 = m[4] ? Number(m[4]) : r1;
    return check(address, { r1: Math.min(r1, r2), c1: Math.min(c1, c2), r2: Math.max(r1, r2), c2: Math.max(c1, c2) });
  }
  m = /^\$?([A-Za-z]{1,3}):\$?([A-Za-z]{1,3})$/.exec(a);
  if (m) {
    const c1 = lettersToCol(m[1]!);
    const c2 = lettersToCol(m[2]!);
    return check(address, { r1: 1, c1: Math.min(c1, c2), r2: MAX_ROWS, c2: Math.max(c1, c2) });
  }
  m = /^\$?(\d+):\$?(\d+)$/.exec(a);
  if (m) {
    const r1 = Number(m[1]);
    const r2 = Number(m[2]);
    return check(address, { r1: Math.min(r1, r2), c1: 1, r2: Math.max(r1, r2), c2: MAX_COLS });
  }
  throw bad(address);
}

function check(address: string, r: Rect): Rect {
  if (r.r1 < 1 || r.c1 < 1 || r.r2 > MAX_ROWS || r.c2 > MAX_COLS) throw bad(address);
  return r;
}

/** Several areas separated by `,` or `;` (Worksheet.getRanges). */
export function parseAreas(address: string): Rect[] {
  const parts = address.split(/[,;]/);
  if (parts.some((p) => p.trim() === "")) throw bad(address);
  return parts.map(parseArea);
}

export function isWholeColumns(r: Rect): boolean {
  return r.r1 === 1 && r.r2 === MAX_ROWS;
}

export function isWholeRows(r: Rect): boolean {
  return r.c1 === 1 && r.c2 === MAX_COLS;
}

export function formatRect(r: Rect, absolute = false): string {
  const d = absolute ? "$" : "";
  if (isWholeColumns(r) && !isWholeRows(r)) return `${d}${colToLetters(r.c1)}:${d}${colToLetters(r.c2)}`;
  if (isWholeRows(r) && !isWholeColumns(r)) return `${d}${r.r1}:${d}${r.r2}`;
  const one = (row: number, col: number) => `${d}${colToLetters(col)}${d}${row}`;
  return r.r1 === r.r2 && r.c1 === r.c2 ? one(r.r1, r.c1) : `${one(r.r1, r.c1)}:${one(r.r2, r.c2)}`;
}

export function cellCount(r: Rect): number {
  return (r.r2 - r.r1 + 1) * (r.c2 - r.c1 + 1);
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.r1 <= b.r2 && b.r1 <= a.r2 && a.c1 <= b.c2 && b.c1 <= a.c2;
}

/** `'Axe 1 - x'!` or `Feuil1!`: quoted when the name needs it, as Excel writes addresses. */
export function sheetPrefix(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? `${name}!` : `'${name.replace(/'/g, "''")}'!`;
}

/**
 * Cells of a set, as few rectangles as a simple sweep finds: runs in each row,
 * merged down while the next row has the same run.
 */
export function rectsOf(cells: Iterable<[number, number]>): Rect[] {
  const byRow = new Map<number, number[]>();
  for (const [r, c] of cells) {
    let list = byRow.get(r);
    if (!list) byRow.set(r, (list = []));
    list.push(c);
  }
  const out: Rect[] = [];
  let open = new Map<string, Rect>();
  for (const r of [...byRow.keys()].sort((a, b) => a - b)) {
    const cols = [...new Set(byRow.get(r))].sort((a, b) => a - b);
    const next = new Map<string, Rect>();
    for (let i = 0; i < cols.length;) {
      let j = i;
      while (j + 1 < cols.length && cols[j + 1] === cols[j]! + 1) j++;
      const key = `${cols[i]}-${cols[j]}`;
      const prev = open.get(key);
      if (prev && prev.r2 === r - 1) {
        prev.r2 = r;
        next.set(key, prev);
      } else {
        const rect = { r1: r, c1: cols[i]!, r2: r, c2: cols[j]! };
        out.push(rect);
        next.set(key, rect);
      }
      i = j + 1;
    }
    open = next;
  }
  return out.sort((a, b) => a.r1 - b.r1 || a.c1 - b.c1);
}
