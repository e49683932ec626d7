/**
 * Sets of cells as the fewest rectangles a host can address at once: data
 * validations, styles and conditional formats are written per rectangle.
 */
import { colNumber, colLetter } from "./a1";

/** Cells by row: row → columns. */
export type CellSet = Map<number, Set<number>>;

export function bounds(range: string): { top: number; left: number; bottom: number; right: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/i.exec(range.trim());
  if (!m) throw new Error(`not a range: ${range}`);
  const [c1, r1] = [colNumber(m[1]!), Number(m[2])];
  const [c2, r2] = m[3] ? [colNumber(m[3]), Number(m[4])] : [c1, r1];
  return { top: Math.min(r1, r2), left: Math.min(c1, c2), bottom: Math.max(r1, r2), right: Math.max(c1, c2) };
}

/** Adds one cell to a set. */
export function addCell(cells: CellSet, row: number, col: number): void {
  let cols = cells.get(row);
  if (!cols) cells.set(row, (cols = new Set()));
  cols.add(col);
}

/** The cells covered by ranges (`C5`, `C5:E7`). */
export function cellsOf(ranges: string[], into: CellSet = new Map()): CellSet {
  for (const range of ranges) {
    const { top, left, bottom, right } = bounds(range);
    for (let r = top; r <= bottom; r++) for (let c = left; c <= right; c++) addCell(into, r, c);
  }
  return into;
}

/** Cells (row → columns) as rectangles: runs of columns in each row, stacked while the same run goes on. */
export function rectangles(cells: CellSet): string[] {
  const done: [number, number, number, number][] = [];
  let open = new Map<string, [number, number, number, number]>();
  let previous = -1;
  for (const row of [...cells.keys()].sort((a, b) => a - b)) {
    const next = new Map<string, [number, number, number, number]>();
    const cols = [...cells.get(row)!].sort((a, b) => a - b);
    for (let i = 0; i < cols.length;) {
      let j = i;
      while (j + 1 < cols.length && cols[j + 1] === cols[j]! + 1) j++;
      const key = `${cols[i]}:${cols[j]}`;
      const above = row === previous + 1 ? open.get(key) : undefined;
      if (above) {
        above[2] = row;
        open.delete(key);
        next.set(key, above);
      } else next.set(key, [row, cols[i]!, row, cols[j]!]);
      i = j + 1;
    }
    done.push(...open.values());
    open = next;
    previous = row;
  }
  done.push(...open.values());
  return done.map(([r1, c1, r2, c2]) =>
    r1 === r2 && c1 === c2 ? `${colLetter(c1)}${r1}` : `${colLetter(c1)}${r1}:${colLetter(c2)}${r2}`,
  );
}
