/**
 * The proof of the metadata (readMeta): the stored JSON compared with the one the layout makes again, chunk by
 * chunk when the chunks are the layout's own, else as parsed JSON. Whatever the path, a metadata that says the
 * same thing passes and one edited by hand is `structure.meta-alteree`.
 */
import { loadBuiltin } from "../../../src/model/builtins";
import { META_SHEET } from "../../../src/engine/layout/metaSheet";
import type { WorkbookPlan } from "../../../src/engine/plan";
import type { SnapCell, Snapshot } from "../../../src/engine/snapshot";
import { readMeta } from "../../../src/engine/validate/readMeta";
import { a1 } from "../../../src/util/a1";
import { planOf } from "../../support/plans";

const plan = planOf(loadBuiltin("essonne_2022_2026"));

/** The metadata sheet's rows as the layout wrote them: [key, value]. */
function rowsOf(p: WorkbookPlan): [string, string][] {
  const sheet = p.sheets.find((s) => s.name === META_SHEET)!;
  const rows: [string, string][] = [];
  for (const c of sheet.cells) {
    const row = (rows[c.row - 1] ??= ["", ""]);
    row[c.col - 1] = String(c.value ?? "");
  }
  return rows;
}

/** A workbook read back holding only the metadata sheet, with these rows. */
function snapshotOf(rows: [string, string][]): Snapshot {
  const cells = new Map<string, SnapCell>();
  rows.forEach(([k, v], i) => {
    cells.set(a1(i + 1, 1), { value: k });
    if (v !== "") cells.set(a1(i + 1, 2), { value: v });
  });
  return { source: "t.xlsx", sheets: [{ name: META_SHEET, visible: false, protected: true, cells }] };
}

/** The rows with the metadata JSON replaced by `text`, cut into chunks of `size`. */
function withMetaText(text: string, size: number): [string, string][] {
  const rows = rowsOf(plan);
  const first = rows.findIndex(([k]) => k === "meta");
  const kept = rows.filter(([k]) => k !== "meta");
  const chunks: [string, string][] = [];
  for (let i = 0; i < text.length; i += size) chunks.push(["meta", text.slice(i, i + size)]);
  kept.splice(first, 0, ...chunks);
  return kept;
}

const metaJson = JSON.stringify(plan.meta);

test("the metadata is long enough to be cut into several chunks", () => {
  expect(rowsOf(plan).filter(([k]) => k === "meta").length).toBeGreaterThan(2);
});

test("the layout's own chunks pass, and the metadata read is the plan's", () => {
  const read = readMeta(snapshotOf(rowsOf(plan)));
  expect(read.ok).toBe(true);
  if (read.ok) expect(JSON.stringify(read.meta)).toBe(metaJson);
});

test.each([
  ["cut into other chunks", metaJson, 7_000],
  ["in one cell", metaJson, 1_000_000],
  ["spaced out by hand, same JSON", JSON.stringify(plan.meta, null, 1), 30_000],
])("the same metadata %s passes", (_what, text, size) => {
  expect(readMeta(snapshotOf(withMetaText(text, size))).ok).toBe(true);
});

describe("an edited metadata is caught", () => {
  const bindings = plan.meta.bindings.map((b, i, all) =>
    i === all.length - 1 ? { ...b, address: `${b.address}9` } : b,
  );
  const edited = JSON.stringify({ ...plan.meta, bindings });

  test("the edit is in the JSON, past its first chunk", () => {
    expect(edited).not.toBe(metaJson);
    expect(edited.slice(0, 30_000)).toBe(metaJson.slice(0, 30_000));
  });

  test.each([
    ["in the layout's chunks", 30_000],
    ["cut into other chunks", 7_000],
  ])("%s", (_what, size) => {
    expect(readMeta(snapshotOf(withMetaText(edited, size)))).toEqual({
      ok: false,
      missing: false,
      detail: "carte des cellules",
    });
  });

  test("a chunk left out", () => {
    const rows = rowsOf(plan);
    rows.splice(rows.findIndex(([k]) => k === "meta") + 1, 1);
    expect(readMeta(snapshotOf(rows)).ok).toBe(false);
  });
});
