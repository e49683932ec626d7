/**
 * Limits on text from the model: lengths that fit a cell, no lone UTF-16 surrogate, JSON nesting; and the
 * cross-field checks that must say the root cause once (a reversed period, no fiche at all).
 */
import { BUILTIN_IDS } from "../../src/model/builtins";
import { formatIssue } from "../../src/model/issues";
import { MAX_JSON_DEPTH, parseSchema, parseSchemaJson } from "../../src/model/parse";
import { CELL_TEXT_MAX, LINE_MAX, TEXT_MAX } from "../../src/model/schema";
import { readCsv, writeCsv } from "../../src/model/referentiel/csv";
import { fromTable } from "../../src/model/referentiel/fromTable";
import { toTable } from "../../src/model/referentiel/toTable";
import { layoutWorkbook } from "../../src/engine/layout";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { validModel, type Mutable } from "./fixtures";

function errorsOf(m: Mutable) {
  const r = parseSchema(m);
  if (r.ok) throw new Error("expected errors, the model was accepted");
  return r.errors;
}

/** Every string of a JSON value with its key, to measure the built-ins. */
function strings(v: unknown, key = ""): [string, string][] {
  if (typeof v === "string") return [[key, v]];
  if (Array.isArray(v)) return v.flatMap((x) => strings(x, key));
  if (v && typeof v === "object") return Object.entries(v).flatMap(([k, x]) => strings(x, k));
  return [];
}

describe("text lengths", () => {
  test("every built-in fits the limits with room, and three lines fit one cell", () => {
    const dir = join(__dirname, "../../src/model/schemas");
    const files = readdirSync(dir).filter((f) => f.endsWith(".json"));
    expect(files).toHaveLength(BUILTIN_IDS.length);
    const longest = Math.max(
      ...files.flatMap((f) => strings(JSON.parse(readFileSync(join(dir, f), "utf8"))).map(([, s]) => s.length)),
    );
    expect(longest).toBeGreaterThan(1_000);
    expect(longest * 2).toBeLessThan(LINE_MAX);
    expect(3 * LINE_MAX + 100).toBeLessThan(CELL_TEXT_MAX);
    expect(TEXT_MAX).toBeLessThan(CELL_TEXT_MAX);
  });

  test("a 10 MB title is refused with its path and its length, not its text", () => {
    const m = validModel();
    m.titre = "x".repeat(10_000_000);
    const errors = errorsOf(m);
    expect(errors.map((e) => [e.path, e.code])).toEqual([["titre", "model.tooLong"]]);
    expect(formatIssue(errors[0]!)).toBe(`titre : texte de 10000000 caractères : ${LINE_MAX} au plus`);
    expect(errors[0]!.messageEn).toBe(`text of 10000000 characters: at most ${LINE_MAX}`);
  });

  test("a line at the limit passes and its workbook keeps it whole; one more character is refused", () => {
    const m = validModel();
    m.axes[0].fiches[0].titre = "é".repeat(LINE_MAX);
    m.axes[0].fiches[0].numero = "9".repeat(LINE_MAX);
    const r = parseSchema(m);
    if (!r.ok) throw new Error(r.errors.map((e) => formatIssue(e)).join("\n"));
    const layout = layoutWorkbook(r.schema, { campaignYear: 2024 });
    if (!layout.ok) throw new Error(layout.error.message);
    const cells = layout.plan.sheets.flatMap((s) => s.cells);
    const header = cells.find((c) => typeof c.value === "string" && c.value.endsWith("é".repeat(LINE_MAX)));
    expect(header).toBeDefined();
    expect(cells.every((c) => typeof c.value !== "string" || c.value.length <= CELL_TEXT_MAX)).toBe(true);

    m.axes[0].fiches[0].indicateurs[1].libelle = "a".repeat(LINE_MAX + 1);
    m.axes[1].principe = "b".repeat(TEXT_MAX + 1);
    expect(errorsOf(m).map((e) => [e.path, e.code])).toEqual([
      ["axes[0].fiches[0].indicateurs[1].libelle", "model.tooLong"],
      ["axes[1].principe", "model.tooLong"],
    ]);
  });

  test("long milestones of one period each have a row of their own, whole, within a cell", () => {
    const m = validModel();
    const libelle = "j".repeat(TEXT_MAX);
    m.axes[0].fiches[0].calendrier = { jalons: [1, 2, 3, 4].map(() => ({ periode: "2024-S1", libelle })) };
    const r = parseSchema(m);
    if (!r.ok) throw new Error(r.errors.map((e) => formatIssue(e)).join("\n"));
    const layout = layoutWorkbook(r.schema, { campaignYear: 2024 });
    if (!layout.ok) throw new Error(layout.error.message);
    const cells = layout.plan.sheets.flatMap((s) => s.cells);
    const jalons = cells.filter((c) => typeof c.value === "string" && c.value.endsWith(libelle));
    expect(jalons).toHaveLength(4);
    expect(new Set(jalons.map((c) => c.row)).size).toBe(4);
    for (const c of jalons) expect(String(c.value).length).toBeLessThanOrEqual(CELL_TEXT_MAX);
  });

  test("the référentiel table enforces the same limits, naming the row", () => {
    const r = parseSchema(validModel());
    if (!r.ok) throw new Error("fixture");
    const rows = toTable(r.schema);
    const col = rows[0]!.indexOf("Fiche");
    rows[1]![col] = "y".repeat(LINE_MAX + 1);
    const t = fromTable(readCsv(writeCsv(rows), "ref.csv"));
    if (t.ok) throw new Error("expected errors");
    expect(t.errors.map((e) => e.code)).toContain("model.tooLong");
    expect(t.errors.find((e) => e.code === "model.tooLong")!.path).toMatch(
      /^ref\.csv, ligne 2 : axes\[0\]\.fiches\[0\]\.titre$/,
    );
  });
});

describe("lone UTF-16 surrogates", () => {
  test("a lone high or low surrogate is refused with its path and position; a real pair passes", () => {
    const m = validModel();
    m.titre = "Schéma \uD83D\uDE00 de test"; // an emoji: a pair, valid
    m.axes[0].titre = "Renforcer\uD800 la prévention";
    m.axes[0].fiches[0].sousActions[0].libelle = "\uDC00Consolider";
    const errors = errorsOf(m);
    expect(errors.map((e) => [e.path, e.code])).toEqual([
      ["axes[0].titre", "model.loneSurrogate"],
      ["axes[0].fiches[0].sousActions[0].libelle", "model.loneSurrogate"],
    ]);
    expect(errors[0]!.message).toMatch(/position 10 \(U\+D800/);
    expect(errors[1]!.message).toMatch(/position 1 \(U\+DC00/);
  });

  test("from JSON text, where it arrives as an escape", () => {
    const text = JSON.stringify(validModel()).replace('"Schéma de test"', '"Schéma \\ud800 de test"');
    const r = parseSchemaJson(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => [e.path, e.code])).toEqual([["titre", "model.loneSurrogate"]]);
  });
});

describe("JSON nesting", () => {
  test("200,000 levels: one message with line and column, no stack overflow", () => {
    const text = `{\n  "titre": "x",\n  "axes": ${"[".repeat(200_000)}${"]".repeat(200_000)}\n}`;
    const r = parseSchemaJson(text);
    if (r.ok) throw new Error("accepted");
    expect(r.errors).toHaveLength(1);
    // The `[` that opens level MAX + 1: the object is level 1, so the MAX-th `[` of line 3.
    expect(r.errors[0]!.code).toBe("model.tooDeep");
    expect(r.errors[0]!.message).toBe(
      `JSON imbriqué sur plus de ${MAX_JSON_DEPTH} niveaux ligne 3, colonne ${11 + MAX_JSON_DEPTH - 1} : un modèle n'en compte qu'une dizaine`,
    );
  });

  test("brackets inside strings do not count; unclosed deep JSON is refused the same way", () => {
    const m = validModel();
    m.titre = `${"[{".repeat(500)}\\"`;
    expect(parseSchemaJson(JSON.stringify(m)).ok).toBe(true);
    const r = parseSchemaJson("[".repeat(100_000));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => e.code)).toEqual(["model.tooDeep"]);
  });
});

describe("root causes said once", () => {
  test("a period that ends before it starts: one error, not one per period and target", () => {
    const m = validModel();
    m.periode = { debut: 2026, fin: 2022 };
    expect(errorsOf(m).map((e) => [e.path, e.code])).toEqual([["periode", "check.periodOrder"]]);
  });

  test("a model without any fiche is refused at the model, not at generation", () => {
    const m = validModel();
    for (const axe of m.axes) axe.fiches = [];
    m.axes[0].objectifs = [];
    expect(errorsOf(m).map((e) => [e.path, e.code])).toEqual([["axes", "check.noFiche"]]);
  });
});
