/**
 * The consolidation engine's decisions, on workbooks written and read back
 * by the .xlsx host: no source is ever counted twice (same file under two
 * names, a master merged again with one of its sources, a whole-schéma copy
 * beside cuts), copies of one cut merge cell by cell, a file of another model
 * than the expected one is refused; the master records its sources in its
 * metadata, and that metadata still passes its proof.
 */
import { loadBuiltin } from "../../src/model/builtins";
import type { Schema } from "../../src/model/schema";
import type { WorkbookPlan } from "../../src/engine/plan";
import { consolidate, sourceReport, type ConsolidationSource } from "../../src/engine/consolidate";
import { masterPlan } from "../../src/engine/consolidateMaster";
import { wordKinds } from "../../src/engine/valueWords";
import { inLangOf, readStatut } from "../../src/model/vocabulaire";
import { validateSnapshot } from "../../src/engine/validate";
import { snapshotOf } from "../support/snapshotOf";
import { fillValid, readBack, sheetNamed } from "../support/fill";
import { GENERATED_AT, bindingCell, planOf, setInput } from "../support/plans";

jest.setTimeout(60_000);

const orne = loadBuiltin("orne_2017_2021");
const YEAR = orne.periode.debut + 2;

// A fiche three partenaires share, with a count indicator.
const fiche = orne.axes
  .flatMap((a) => a.fiches)
  .find((f) => new Set([...f.pilotes, ...f.partenaires]).size >= 3 && f.indicateurs.some((i) => i.type === "count"))!;
const [pA, pB, pC] = [...new Set([...fiche.pilotes, ...fiche.partenaires])] as [string, string, string];
const KEY = `${fiche.indicateurs.find((i) => i.type === "count")!.id}@valeur:${YEAR}`;

async function source(file: string, plan: WorkbookPlan): Promise<ConsolidationSource> {
  return { file, report: validateSnapshot(snapshotOf(await readBack(plan), file)) };
}

function partner(id: string, value: number, schema: Schema = orne): WorkbookPlan {
  const plan = fillValid(planOf(schema, { cut: { kind: "partenaire", id } }), schema);
  setInput(plan, KEY, value);
  return plan;
}

async function master(sources: ConsolidationSource[], file = "maitre.xlsx"): Promise<ConsolidationSource> {
  const m = masterPlan(consolidate(sources), GENERATED_AT);
  if (!m.ok) throw new Error(m.error.message);
  return source(file, m.plan);
}

let a: ConsolidationSource, b: ConsolidationSource, c: ConsolidationSource;
beforeAll(async () => {
  [a, b, c] = await Promise.all([
    source("a.xlsx", partner(pA, 7)),
    source("b.xlsx", partner(pB, 5)),
    source("c.xlsx", partner(pC, 3)),
  ]);
});

test("the same partner file under two names is counted once; the copy is set aside, naming the file kept", () => {
  const r = consolidate([{ ...a, file: "copie-de-a.xlsx" }, b, a]);
  expect(r.values.get(KEY)).toBe(12);
  expect(r.accepted.map((x) => x.file)).toEqual(["a.xlsx", "b.xlsx"]);
  expect(r.setAside).toEqual([
    {
      file: "copie-de-a.xlsx",
      reason: expect.objectContaining({ message: expect.stringMatching(/mêmes valeurs que a\.xlsx/) }),
    },
  ]);
  expect(r.rejected).toEqual([]);
});

test("a master of A and B records them in its metadata; its proof holds; merged again with A, A is not counted twice", async () => {
  const m = await master([a, b]);
  expect(m.report.findings.filter((f) => f.structure)).toEqual([]);
  expect(m.report.meta?.sources?.map((s) => s.fichier)).toEqual(expect.arrayContaining(["a.xlsx", "b.xlsx"]));
  expect(m.report.values.get(KEY)).toBe(12);

  const again = consolidate([m, a]);
  expect(again.values.get(KEY)).toBe(12);
  expect(again.setAside.map((s) => [s.file, s.reason.message])).toEqual([
    ["a.xlsx", "déjà compté dans le classeur consolidé maitre.xlsx"],
  ]);
  // With a new partner, the master counts as its two sources, C as one: 7 + 5 + 3.
  const more = consolidate([m, a, c]);
  expect(more.values.get(KEY)).toBe(15);
  expect(more.sources.map((s) => s.fichier).sort()).toEqual(["a.xlsx", "b.xlsx", "c.xlsx"]);
  // The master beside both its sources: the master is the one set aside, the sources are merged.
  const beside = consolidate([a, b, { ...m, file: "z-maitre.xlsx" }]);
  expect(beside.values.get(KEY)).toBe(12);
  expect(beside.setAside.map((s) => s.file)).toEqual(["z-maitre.xlsx"]);
  expect(beside.sources).toEqual(consolidate([a, b]).sources);
});

test("a whole-schéma copy merged with the cuts it overlaps is refused, naming both files", async () => {
  const whole = await source("ensemble.xlsx", fillValid(planOf(orne), orne));
  const r = consolidate([whole, a]);
  expect(r.rejected).toEqual([
    {
      file: "ensemble.xlsx",
      reason: expect.objectContaining({
        message:
          "copie de l'ensemble du schéma, qui recouvre les classeurs découpés a.xlsx : leurs valeurs seraient comptées deux fois",
      }),
      unreadable: false,
    },
  ]);
  expect(r.values.get(KEY)).toBe(7);
});

test("two whole-schéma copies, each partly filled by a service, merge cell by cell; a cell filled differently is left empty, listed", async () => {
  const inputs = planOf(orne).meta.bindings.filter((x) => x.input);
  const half = Math.floor(inputs.length / 2);
  const copy = (from: number, to: number) => {
    const plan = fillValid(planOf(orne), orne);
    inputs.forEach((x, i) => {
      if (i < from || i >= to) delete bindingCell(plan, x.key).value;
    });
    return plan;
  };
  // The first service fills the first half and one more cell, the second the rest; both fill KEY, differently.
  const one = copy(0, half + 1);
  const two = copy(half, inputs.length);
  setInput(one, KEY, 4);
  setInput(two, KEY, 6);
  const [s1, s2] = await Promise.all([source("dir-enfance.xlsx", one), source("dir-sante.xlsx", two)]);
  const both = fillValid(planOf(orne), orne);
  const r = consolidate([s1, s2]);
  expect(r.rejected).toEqual([]);
  expect(r.accepted.map((x) => x.file)).toEqual(["dir-enfance.xlsx", "dir-sante.xlsx"]);
  expect(r.divergences).toEqual([
    { key: KEY, label: expect.any(String), answers: "dir-enfance.xlsx : 4 ; dir-sante.xlsx : 6" },
  ]);
  expect(r.values.has(KEY)).toBe(false);
  // Every other cell: the value the one copy (or both, alike) gave.
  const full = await source("plein.xlsx", both);
  const expected = new Map([...full.report.values].filter(([k]) => k !== KEY));
  expect(new Map([...r.values])).toEqual(expected);
  expect(r.sources.map((s) => s.fichier).sort()).toEqual(["dir-enfance.xlsx", "dir-sante.xlsx"]);
});

test("with the open workbook's model expected, a file of another model or campaign is refused with the reason", async () => {
  const essonne = loadBuiltin("essonne_2022_2026");
  const other = await source("essonne.xlsx", fillValid(planOf(essonne), essonne));
  const r = consolidate([other], { schema: orne, campaignYear: YEAR });
  expect(r.accepted).toEqual([]);
  expect(r.parSource).toBeUndefined();
  expect(r.rejected.map((x) => [x.file, x.reason.message])).toEqual([
    [
      "essonne.xlsx",
      `modèle ou campagne différents (essonne_2022_2026 ${essonne.version} / 2024 au lieu de orne_2017_2021 ${orne.version} / ${YEAR})`,
    ],
  ]);
  const late = consolidate([a], { schema: orne, campaignYear: YEAR + 1 });
  expect(late.accepted).toEqual([]);
  expect(late.rejected[0]?.reason.message).toMatch(/au lieu de orne_2017_2021 .* \/ 2020/);
});

test("the master does not depend on the order the files come in", () => {
  const one = consolidate([a, b, c]);
  const two = consolidate([c, a, b]);
  expect([...two.values]).toEqual([...one.values]);
  expect(two.sources).toEqual(one.sources);
  expect(two.parSource).toEqual(one.parSource);
});

test("a master whose list of sources was edited by hand fails its metadata proof and is not merged", async () => {
  const m = masterPlan(consolidate([a, b]), GENERATED_AT);
  if (!m.ok) throw new Error(m.error.message);
  const wb = await readBack(m.plan);
  const meta = Object.values(sheetNamed(wb, "_bilan_meta").cells).find(
    (cell) => typeof cell.value === "string" && cell.value.includes('"sources":['),
  )!;
  meta.value = String(meta.value).replace(/"sources":\[.*?\]/, '"sources":"a.xlsx"');
  const report = validateSnapshot(snapshotOf(wb, "maitre.xlsx"));
  expect(report.meta).toBeUndefined();
  const r = consolidate([{ file: "maitre.xlsx", report }, c]);
  expect(r.rejected.map((x) => x.file)).toEqual(["maitre.xlsx"]);
  expect(r.values.get(KEY)).toBe(3);
});

describe("an English and a French return of the same schéma", () => {
  /** A partner's workbook in English, filled as `partner` fills one, its statuses and Oui/Non said in English. */
  function partnerInEnglish(id: string, value: number): WorkbookPlan {
    const plan = fillValid(planOf(orne, { cut: { kind: "partenaire", id }, lang: "en" }), orne);
    const kindOf = wordKinds(orne);
    for (const b of plan.meta.bindings) {
      const cell = b.input && kindOf(b.key) ? bindingCell(plan, b.key) : undefined;
      if (cell && typeof cell.value === "string") cell.value = String(inLangOf(cell.value, kindOf(b.key), "en"));
    }
    setInput(plan, KEY, value);
    return plan;
  }

  let bEn: ConsolidationSource;
  beforeAll(async () => {
    bEn = await source("b-en.xlsx", partnerInEnglish(pB, 5));
  });

  test("merge: amounts add up, the same answers in two languages agree, the master speaks the reference's language", () => {
    expect(bEn.report.meta?.lang).toBe("en");
    const r = consolidate([a, bEn]);
    expect(r.accepted.map((x) => x.file)).toEqual(["a.xlsx", "b-en.xlsx"]);
    expect(r.rejected).toEqual([]);
    expect(r.values.get(KEY)).toBe(12);
    const statutKeys = [...r.values.keys()].filter((k) => k.includes("@statut:"));
    expect(statutKeys.length).toBeGreaterThan(0);
    expect(statutKeys.every((k) => readStatut(r.values.get(k), "fr", true) !== undefined)).toBe(true);
    // A status or a yes/no both files give, in their own words, is one answer.
    expect(r.divergences.filter((d) => d.key.includes("@statut:") || kindOfOrne(d.key) === "ouiNon")).toEqual([]);
  });

  test("--lang en: an English master, which validates without a word of another language", async () => {
    const r = consolidate([a, bEn], { lang: "en" });
    expect(r.lang).toBe("en");
    const statutKeys = [...r.values.keys()].filter((k) => k.includes("@statut:"));
    expect(statutKeys.every((k) => readStatut(r.values.get(k), "en", true) !== undefined)).toBe(true);
    const m = masterPlan(r, GENERATED_AT);
    if (!m.ok) throw new Error(m.error.message);
    expect(m.plan.meta.lang).toBe("en");
    const read = (await source("maitre-en.xlsx", m.plan)).report;
    expect(read.findings.filter((f) => f.structure || f.rule === "type.autre-langue")).toEqual([]);
    expect(read.values.get(KEY)).toBe(12);
  });
});

const kindOfOrne = wordKinds(orne);

test("a source cut down to what consolidation reads (sourceReport) consolidates as its whole report does", () => {
  const whole = consolidate([a, b, c], undefined, { date: GENERATED_AT });
  const cut = [a, b, c].map((s) => ({ file: s.file, report: sourceReport(s.report) }));
  expect(consolidate(cut, undefined, { date: GENERATED_AT })).toEqual(whole);
  for (const s of cut) {
    expect(Object.keys(s.report).sort()).toEqual(["comments", "findings", "meta", "readable", "schema", "values"]);
    expect(s.report.findings.every((f) => f.severity !== "info" || f.structure)).toBe(true);
  }
  // The infos are what is dropped; every erreur and avertissement stays, for the register's counts.
  const kept = (s: ConsolidationSource) => s.report.findings.filter((f) => f.severity !== "info").length;
  expect(cut.map(kept)).toEqual([a, b, c].map(kept));
});
