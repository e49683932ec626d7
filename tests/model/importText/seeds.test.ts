/**
 * The import of each shared seed compared with the built-in transcribed by hand from the same document: fiches
 * matched by number and normalised title, then their sous-actions, indicator lines (before splitting lines of
 * several measures: a built-in line is its `formulationPubliee`, else its `libelle`), value types and calendars.
 * The table is printed; the test fails under the targets of issue 16. The importer never reads the built-ins.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { importText } from "../../../src/model/importText";
import { parseSchema } from "../../../src/model/parse";
import type { SchemaInput } from "../../../src/model/schema";
import { fold } from "../../../src/util/text";

const SEEDS: [string, string][] = [
  ["000_f347ab01f42fc101.txt", "orne-2017-2021.json"],
  ["001_f92ac682515ef611.txt", "essonne-2022-2026.json"],
  ["002_1cf57db32b0c75ec.txt", "puy-de-dome-2019-2023.json"],
  ["004_0b9c7487d1540e19.txt", "fiche-action-5-2022-2026.json"],
];

type Fiche = NonNullable<SchemaInput["axes"][number]["fiches"]>[number];
type Cal = Fiche["calendrier"];

const norm = (s: string) =>
  fold(s)
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
const ficheList = (m: SchemaInput) => m.axes.flatMap((a) => a.fiches ?? []);

/**
 * Periods a calendar plans (milestones' periods included) and whether it is the schéma's whole duration, at the
 * grid's precision (the year) or as published (`exact`: months, quarters, a start before the schéma — what the
 * built-ins keep since the fidelity issue, and the import does not always read).
 */
function calSignature(c: Cal, exact: boolean): string {
  if (!c) return "";
  const periods = [...(c.periodes ?? []), ...(c.jalons ?? []).map((j) => j.periode)].map((p) =>
    exact ? p : p.slice(0, 4),
  );
  const debut = exact && "debut" in c && c.debut ? `>${String(c.debut)}` : "";
  return `${c.dureeSchema ? "D" : ""}${debut}${[...new Set(periods)].sort().join(",")}`;
}
const ficheCalendars = (f: Fiche, exact = false) =>
  [calSignature(f.calendrier, exact), ...(f.sousActions ?? []).map((s) => calSignature(s.calendrier, exact))].join("|");

interface Row {
  seed: string;
  axes: string;
  fiches: string;
  sousActions: number;
  indicateurs: number;
  types: number;
  calendriers: number;
  /** As published, months and starts before the schéma included: reported, not a target. */
  calendriersExacts: number;
  decisions: number;
  valid: boolean;
}

const pct = (a: number, b: number) => (b === 0 ? 100 : Math.round((1000 * a) / b) / 10);

function compare(seed: string, builtinFile: string): Row {
  const text = readFileSync(join(__dirname, "..", "..", "fixtures", "seeds", seed), "utf8");
  const built = JSON.parse(
    readFileSync(join(__dirname, "..", "..", "..", "src", "model", "schemas", builtinFile), "utf8"),
  ) as SchemaInput;
  const { model, decisions } = importText(text);

  const axesMatched = built.axes.filter((b) =>
    model.axes.some(
      (a) =>
        a.numero === b.numero && (norm(a.titre).startsWith(norm(b.titre)) || norm(b.titre).startsWith(norm(a.titre))),
    ),
  ).length;
  const mine = ficheList(model);
  let fichesMatched = 0;
  let sa = [0, 0];
  let ind = [0, 0];
  let types = [0, 0];
  let cals = [0, 0];
  let exacts = 0;
  for (const b of ficheList(built)) {
    const f = mine.find((x) => x.numero === b.numero && norm(x.titre) === norm(b.titre));
    const saTotal = (b.sousActions ?? []).length;
    const lines = new Map<string, string>();
    for (const i of b.indicateurs ?? []) {
      const k = norm(i.formulationPubliee ?? i.libelle);
      if (!lines.has(k)) lines.set(k, i.type);
    }
    sa = [sa[0]!, sa[1]! + saTotal];
    ind = [ind[0]!, ind[1]! + lines.size];
    const hasCal = Boolean(b.calendrier) || (b.sousActions ?? []).some((s) => s.calendrier);
    if (hasCal) cals = [cals[0]!, cals[1]! + 1];
    if (!f) continue;
    fichesMatched++;
    const mySa = new Set((f.sousActions ?? []).map((s) => norm(s.libelle)));
    sa[0]! += (b.sousActions ?? []).filter((s) => mySa.has(norm(s.libelle))).length;
    const myLines = new Map<string, string>();
    for (const i of f.indicateurs ?? []) {
      const k = norm(i.formulationPubliee ?? i.libelle);
      if (!myLines.has(k)) myLines.set(k, i.type);
    }
    for (const [k, type] of lines) {
      if (!myLines.has(k)) continue;
      ind[0]!++;
      types[1]!++;
      if (myLines.get(k) === type) types[0]!++;
    }
    if (hasCal && ficheCalendars(f) === ficheCalendars(b)) cals[0]!++;
    if (hasCal && ficheCalendars(f, true) === ficheCalendars(b, true)) exacts++;
  }
  const bFiches = ficheList(built).length;
  return {
    seed: seed.slice(0, 3),
    axes: `${axesMatched}/${built.axes.length} (${model.axes.length})`,
    fiches: `${fichesMatched}/${bFiches} (${mine.length})`,
    sousActions: pct(sa[0]!, sa[1]!),
    indicateurs: pct(ind[0]!, ind[1]!),
    types: pct(types[0]!, types[1]!),
    calendriers: pct(cals[0]!, cals[1]!),
    calendriersExacts: pct(exacts, cals[1]!),
    decisions: decisions.length,
    valid: parseSchema(model).ok,
  };
}

describe("import-text on the shared seeds, compared with the built-ins", () => {
  const rows = SEEDS.map(([seed, builtin]) => compare(seed, builtin));

  beforeAll(() => {
    process.stdout.write(
      `${["seed", "axes", "fiches", "sous-actions %", "indicateurs %", "types %", "calendriers %", "calendriers exacts %", "décisions", "valide"].join(" | ")}\n${rows
        .map((r) =>
          [
            r.seed,
            r.axes,
            r.fiches,
            r.sousActions,
            r.indicateurs,
            r.types,
            r.calendriers,
            r.calendriersExacts,
            r.decisions,
            r.valid,
          ].join(" | "),
        )
        .join("\n")}\n`,
    );
  });

  it.each(SEEDS.map(([s]) => s.slice(0, 3)))("seed %s: valid draft, targets met", (seed) => {
    const r = rows.find((x) => x.seed === seed)!;
    expect(r.valid).toBe(true);
    const [axesOk, axesTotal, axesMine] = /^(\d+)\/(\d+) \((\d+)\)$/.exec(r.axes)!.slice(1).map(Number);
    expect([axesOk, axesMine]).toEqual([axesTotal, axesTotal]);
    const [fOk, fTotal, fMine] = /^(\d+)\/(\d+) \((\d+)\)$/.exec(r.fiches)!.slice(1).map(Number);
    expect([fOk, fMine]).toEqual([fTotal, fTotal]);
    expect(r.sousActions).toBeGreaterThanOrEqual(95);
    expect(r.indicateurs).toBeGreaterThanOrEqual(95);
    expect(r.types).toBeGreaterThanOrEqual(85);
    expect(r.calendriers).toBeGreaterThanOrEqual(90);
    expect(r.decisions).toBeLessThan(60);
  });
});
