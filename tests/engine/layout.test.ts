import { BUILTIN_IDS, loadBuiltin } from "../../src/model/builtins";
import type { Schema } from "../../src/model/schema";
import { layoutWorkbook, type LayoutOptions } from "../../src/engine/layout";
import { statuts } from "../../src/model/vocabulaire";
import { RECIT_MAX } from "../../src/engine/layout/recit";
import { SOMMAIRE_ROLLUPS } from "../../src/engine/layout/sommaire";
import { FIGURES } from "../../src/engine/rollup/figures";
import { isValidDefinedName } from "../../src/engine/layout/naming";
import type { CellBinding, SheetPlan, ValidationRule } from "../../src/engine/plan";
import { a1, parseA1 } from "../../src/util/a1";
import { expand, planOf } from "../support/plans";
import { typo } from "../../src/util/typography";

const STATUTS = statuts("fr");

const plan = planOf;

/** The partenaire that pilots the most fiches: a realistic cut. */
function busiestPilote(schema: Schema): string | undefined {
  const count = new Map<string, number>();
  for (const f of schema.axes.flatMap((a) => a.fiches))
    for (const p of f.pilotes) count.set(p, (count.get(p) ?? 0) + 1);
  return [...count].sort((x, y) => y[1] - x[1])[0]?.[0];
}

const cases: [string, Schema, Partial<LayoutOptions>][] = BUILTIN_IDS.flatMap((id) => {
  const s = loadBuiltin(id);
  const p = busiestPilote(s);
  return [
    [`${id}`, s, {}] as [string, Schema, Partial<LayoutOptions>],
    ...(p
      ? [
          [`${id} cut for ${p}`, s, { cut: { kind: "partenaire" as const, id: p } }] as [
            string,
            Schema,
            Partial<LayoutOptions>,
          ],
        ]
      : []),
  ];
});

describe.each(cases)("layout of %s", (_name, schema, options) => {
  const p = plan(schema, options);
  const cut = p.meta.cut;
  const fiches = schema.axes
    .flatMap((a) => a.fiches)
    .filter(
      (f) => !cut || [...f.pilotes, ...f.partenaires, ...f.sousActions.flatMap((s) => s.pilotes)].includes(cut.id),
    );
  const axes = schema.axes.filter((a) => a.fiches.some((f) => fiches.includes(f)));
  const bySheet = new Map(p.sheets.map((s) => [s.name, s]));

  test("sheets: Sommaire, one per axe, Contrôles, very hidden metadata", () => {
    // From the schéma's second year on, the earlier campaigns' narrative has a sheet of its own.
    const annexe = p.meta.campaignYear > schema.periode.debut ? ["annexe"] : [];
    expect(p.sheets.map((s) => s.kind)).toEqual(["sommaire", ...axes.map(() => "axe"), ...annexe, "controles", "meta"]);
    expect(p.sheets.filter((s) => s.kind === "axe").map((s) => s.axeId)).toEqual(axes.map((a) => a.id));
    expect(p.sheets.map((s) => s.visibility)).toEqual([...p.sheets.slice(0, -1).map(() => "visible"), "veryHidden"]);
  });

  test("sheet names are valid Excel names and unique", () => {
    for (const s of p.sheets) {
      expect(s.name.length).toBeLessThanOrEqual(31);
      expect(s.name).not.toMatch(/[[\]:*?/\\]/);
      expect(s.name).not.toMatch(/^'|'$/);
    }
    expect(new Set(p.sheets.map((s) => s.name.toLowerCase())).size).toBe(p.sheets.length);
  });

  test("one fiche block and one named range per fiche and per indicator", () => {
    const names = new Set(p.names.map((n) => n.name));
    const ficheNames = new Set(fiches.map((f) => `bs.${f.id}`));
    expect(p.names.filter((n) => ficheNames.has(n.name)).length).toBe(fiches.length);
    for (const f of fiches) {
      expect(names).toContain(`bs.${f.id}`);
      for (const i of f.indicateurs) expect(names).toContain(`bs.${i.id}`);
    }
    expect(p.names.length).toBe(fiches.length + fiches.reduce((n, f) => n + f.indicateurs.length, 0));
    for (const n of p.names) {
      expect(isValidDefinedName(n.name)).toBe(true);
      expect(bySheet.has(n.sheet)).toBe(true);
    }
  });

  test("calendar: one status cell per planned period of each sous-action", () => {
    const statuts = p.meta.bindings.filter((b) => b.kind === "statut");
    const perSa = new Map<string, number>();
    for (const b of statuts) perSa.set(b.node, (perSa.get(b.node) ?? 0) + 1);
    expect(new Set(statuts.map((b) => b.node))).toEqual(new Set(fiches.flatMap((f) => f.sousActions.map((s) => s.id))));
    const periods =
      (schema.periode.fin - schema.periode.debut + 1) *
      ({ annee: 1, semestre: 2, trimestre: 4, mois: 12 } as const)[schema.granularite];
    for (const n of perSa.values()) expect(n).toBeGreaterThanOrEqual(1);
    for (const n of perSa.values()) expect(n).toBeLessThanOrEqual(periods);
  });

  test("indicators: one row each, plus numérateur and dénominateur rows for a ratio", () => {
    for (const f of fiches)
      for (const ind of f.indicateurs) {
        const name = p.names.find((n) => n.name === `bs.${ind.id}`)!;
        const [from, to] = name.ref.replace(/\$/g, "").split(":") as [string, string];
        // A text indicator's answers have a row per year up to the campaign, wide enough to read.
        const answers = p.meta.campaignYear - schema.periode.debut + 1;
        expect(parseA1(to).row - parseA1(from).row + 1).toBe(
          ind.type === "ratio" ? 3 : ind.type === "text" ? 1 + answers : 1,
        );
        const campaign = p.meta.bindings.filter(
          (b) =>
            b.node === ind.id &&
            b.input &&
            (b.kind === "valeur" || b.kind === "numerateur" || b.kind === "denominateur"),
        );
        expect(campaign.map((b) => b.kind).sort()).toEqual(
          ind.type === "ratio" ? ["denominateur", "numerateur"] : ["valeur"],
        );
      }
  });

  test("input cells are exactly the unlocked cells; every other cell is locked on protected sheets", () => {
    const inputs = new Set(p.meta.bindings.filter((b) => b.input).map((b) => `${b.sheet}!${b.address}`));
    const unlocked = new Set<string>();
    for (const s of p.sheets)
      for (const c of s.cells) if (!p.styles[c.style]!.locked) unlocked.add(`${s.name}!${a1(c.row, c.col)}`);
    expect(unlocked).toEqual(inputs);
    for (const s of p.sheets.filter((x) => x.kind !== "controles")) expect(s.protection).toBeDefined();
  });

  test("every input cell has the data validation of its type", () => {
    const rules = new Map<string, ValidationRule>();
    for (const s of p.sheets)
      for (const v of s.validations) for (const addr of expand(v.ranges)) rules.set(`${s.name}!${addr}`, v.rule);
    const indicators = new Map(fiches.flatMap((f) => f.indicateurs).map((i) => [i.id, i]));
    for (const b of p.meta.bindings.filter((x) => x.input)) {
      const rule = rules.get(`${b.sheet}!${b.address}`);
      expect([b.key, rule]).toEqual([b.key, expect.anything()]);
      expect([b.key, rule]).toEqual([b.key, expectedRule(b, indicators.get(b.node)?.type)]);
    }
  });

  test("input and rollup cells each have one binding, and bindings point to existing cells", () => {
    const keys = p.meta.bindings.map((b) => b.key);
    expect(new Set(keys).size).toBe(keys.length);
    const places = p.meta.bindings.map((b) => `${b.sheet}!${b.address}`);
    expect(new Set(places).size).toBe(places.length);
    for (const b of p.meta.bindings) {
      const sheet = bySheet.get(b.sheet) as SheetPlan;
      expect(sheet.cells.some((c) => a1(c.row, c.col) === b.address)).toBe(true);
    }
  });

  test("the Sommaire links every axe sheet and holds the rollups of each axe and of the schéma", () => {
    const sommaire = p.sheets[0]!;
    // HYPERLINK formulas, whose text wraps in LibreOffice too (a cell hyperlink's does not).
    const links = sommaire.cells.filter((c) => c.formula?.startsWith("=HYPERLINK(")).map((c) => c.formula!);
    const axeSheets = p.sheets.filter((s) => s.kind === "axe");
    expect(links.map((f) => /^=HYPERLINK\("#'((?:[^']|'')+)'!A1"/.exec(f)?.[1]?.replace(/''/g, "'"))).toEqual(
      axeSheets.map((s) => s.name),
    );
    // The budget table's rollups are tested with it (tests/engine/budget.test.ts).
    const rollups = p.meta.bindings.filter((b) => b.kind === "rollup" && !b.node.endsWith("#budget"));
    const perNode = [...SOMMAIRE_ROLLUPS.map(([k]) => k), ...FIGURES];
    expect(rollups.map((b) => b.key).sort()).toEqual(
      [...axes.map((a) => a.id), schema.id].flatMap((n) => perNode.map((k) => `${n}@rollup:${k}`)).sort(),
    );
    // The errors found are written with the checks; every other rollup is a formula.
    expect(rollups.filter((b) => !b.formula).map((b) => b.period)).toEqual(Array(axes.length + 1).fill("controles"));
    const texts = sommaire.cells.map((c) => String(c.value ?? ""));
    expect(texts).toContain(schema.titre);
    expect(texts).toContain(`Bilan de la campagne ${schema.periode.debut + 2}`);
    expect(texts.some((t) => t.includes("généré le 23/11/2026") && t.includes(schema.version))).toBe(true);
    if (cut) expect(texts.some((t) => t.includes(typo(`« ${cut.nom} »`)))).toBe(true);
  });

  test("axe sheets print landscape A4 with repeated headers, a page per fiche, and freeze the labels", () => {
    for (const s of p.sheets.filter((x) => x.kind === "axe")) {
      const fiches = s.cells.filter((c) => c.style === "ficheHeader").map((c) => c.row);
      expect(s.print).toMatchObject({ orientation: "landscape", paperSize: "A4", titleRows: "1:2" });
      expect(s.print!.rowBreaks).toEqual(expect.arrayContaining(fiches.slice(1)));
      expect(s.freeze).toEqual({ rows: 2, columns: 2 });
    }
  });
});

function expectedRule(b: CellBinding, type: string | undefined): ValidationRule | object {
  if (b.kind === "statut") return { type: "list", values: [...STATUTS] };
  if (b.kind === "realisations" || b.kind === "difficultes" || b.kind === "perspectives")
    return { type: "textLength", max: RECIT_MAX };
  // A ratio's target is the rate it aims at.
  if (b.kind === "cible" && type === "ratio") return expectedRule({ ...b, kind: "valeur" }, "rate");
  if (b.kind === "source" || b.kind === "commentaire") return { type: "textLength", max: 1000 };
  // Each part is checked against the other, just below or above it.
  if (b.kind === "numerateur") return { type: "ratioPart", part: "numerateur", other: { rows: 1, cols: 0 } };
  if (b.kind === "denominateur") return { type: "ratioPart", part: "denominateur", other: { rows: -1, cols: 0 } };
  if (b.kind === "vote" || b.kind === "engage" || b.kind === "mandate")
    return { type: "decimal", min: 0, max: 999_999_999.99 };
  switch (type) {
    case "count":
      return expect.objectContaining({ type: "whole", min: 0 });
    case "rate":
      return expect.objectContaining({ type: "decimal", min: 0, max: 100 });
    case "amount":
      return expect.objectContaining({ type: "decimal", min: 0 });
    case "number":
      return expect.objectContaining({ type: "decimal" });
    case "boolean":
      return { type: "list", values: ["Oui", "Non"] };
    case "date":
      return expect.objectContaining({ type: "date" });
    default:
      return { type: "textLength", max: 1000 };
  }
}

describe("layout details", () => {
  const orne = loadBuiltin("orne_2017_2021");

  test("the S1/S2 grid of the Orne schéma is kept: fiche 1's first déclinaison is planned from 2018-S2 to 2021-S2", () => {
    const p = plan(orne, { campaignYear: 2019 });
    const sa = orne.axes[0]!.fiches[0]!.sousActions[0]!;
    const periods = p.meta.bindings.filter((b) => b.node === sa.id && b.kind === "statut").map((b) => b.period);
    expect(periods).toEqual(["2018-S2", "2019-S1", "2019-S2", "2020-S1", "2020-S2", "2021-S1", "2021-S2"]);
  });

  test("a yearly granularity can be asked for: semesters fold into their year", () => {
    const p = plan(orne, { campaignYear: 2019, granularite: "annee" });
    const sa = orne.axes[0]!.fiches[0]!.sousActions[0]!;
    expect(p.meta.bindings.filter((b) => b.node === sa.id && b.kind === "statut").map((b) => b.period)).toEqual([
      "2018",
      "2019",
      "2020",
      "2021",
    ]);
  });

  test("a ratio's rate is a formula on its numérateur and dénominateur rows, for every year", () => {
    const p = plan(orne, { campaignYear: 2019 });
    const ratio = orne.axes
      .flatMap((a) => a.fiches)
      .flatMap((f) => f.indicateurs)
      .find((i) => i.type === "ratio")!;
    const taux = p.meta.bindings.filter((b) => b.node === ratio.id && b.kind === "taux");
    expect(taux.map((b) => b.period)).toEqual(["2017", "2018", "2019", "2020", "2021"]);
    const num = p.meta.bindings.find((b) => b.node === ratio.id && b.kind === "numerateur" && b.period === "2019")!;
    const den = p.meta.bindings.find((b) => b.node === ratio.id && b.kind === "denominateur" && b.period === "2019")!;
    const t2019 = taux.find((b) => b.period === "2019")!;
    expect(t2019.formula).toBe(
      `=IF(AND(ISNUMBER(${num.address}),ISNUMBER(${den.address}),${den.address}<>0),${num.address}/${den.address}*100,"")`,
    );
  });

  test("values of other years are locked but visible; only the campaign year is an input", () => {
    const p = plan(orne, { campaignYear: 2019 });
    const valeurs = p.meta.bindings.filter((b) => b.kind === "valeur");
    expect(new Set(valeurs.filter((b) => b.input).map((b) => b.period))).toEqual(new Set(["2019"]));
    expect(new Set(valeurs.filter((b) => !b.input).map((b) => b.period))).toEqual(
      new Set(["2017", "2018", "2020", "2021"]),
    );
  });

  test("the metadata sheet holds the model and the bindings, in chunks below Excel's cell limit", () => {
    const p = plan(loadBuiltin("essonne_2022_2026"));
    const meta = p.sheets.find((s) => s.kind === "meta")!;
    const get = (key: string) =>
      meta.cells
        .filter((c) => c.col === 1 && c.value === key)
        .map((c) => meta.cells.find((d) => d.row === c.row && d.col === 2)!.value as string);
    expect(get("modelId")).toEqual(["essonne_2022_2026"]);
    expect(JSON.parse(get("model").join(""))).toEqual(JSON.parse(p.modelJson));
    expect(JSON.parse(get("meta").join("")).bindings.length).toBe(p.meta.bindings.length);
    for (const c of meta.cells) expect(String(c.value ?? "").length).toBeLessThanOrEqual(32767);
  });

  test("a password, when given, protects every protected sheet", () => {
    const p = plan(orne, { password: "odpe" });
    for (const s of p.sheets) if (s.protection) expect(s.protection.password).toBe("odpe");
    expect(plan(orne).sheets.some((s) => s.protection?.password)).toBe(false);
  });

  test("the structure hash changes with the structure, not with the wording", () => {
    const p1 = plan(orne);
    const renamed = structuredClone(orne);
    renamed.axes[0]!.fiches[0]!.titre = "Autre titre";
    expect(plan(renamed).meta.structureHash).toBe(p1.meta.structureHash);
    const changed = structuredClone(orne);
    changed.axes[0]!.fiches[0]!.indicateurs.pop();
    expect(plan(changed).meta.structureHash).not.toBe(p1.meta.structureHash);
  });

  test("bad options give a French sentence", () => {
    const r1 = layoutWorkbook(orne, { campaignYear: 2030 });
    expect(!r1.ok && r1.error.message).toBe("année de campagne 2030 hors de la période du schéma (2017–2021)");
    const r2 = layoutWorkbook(orne, { campaignYear: 2019, cut: { kind: "partenaire", id: "inconnu" } });
    expect(!r2.ok && r2.error.message).toMatch(/^partenaire « inconnu » inconnu \(partenaires du schéma : p_/);
    const r3 = layoutWorkbook(orne, { campaignYear: 2019, cut: { kind: "territoire", id: "nord" } });
    expect(!r3.ok && r3.error.message).toBe("territoire « nord » inconnu (territoires du schéma : —)");
  });

  test("a partner can be named by its sigle", () => {
    const r = layoutWorkbook(orne, { campaignYear: 2019, cut: { kind: "partenaire", id: "CAF" } });
    expect(r.ok && r.plan.meta.cut?.nom).toBe("CAF");
  });
});

test("each milestone has a row of its own, its words in the wide label column and a ◆ in its period's column", () => {
  const essonne = loadBuiltin("essonne_2022_2026");
  const p = plan(essonne, { campaignYear: 2024 });
  const fiche = essonne.axes[0]!.fiches[0]!;
  const jalons = [...(fiche.calendrier?.jalons ?? []), ...fiche.sousActions.flatMap((s) => s.calendrier?.jalons ?? [])];
  expect(jalons.length).toBeGreaterThan(0);
  const sheet = p.sheets.find((s) => s.kind === "axe")!;
  for (const j of jalons) {
    const label = sheet.cells.find(
      (c) => c.col === 2 && String(c.value ?? "").startsWith("Jalon ") && String(c.value).includes(j.libelle),
    )!;
    expect(label).toBeDefined();
    expect(p.styles[label.style]!.wrap).toBe(true);
    const marks = sheet.cells.filter((c) => c.row === label.row && c.value === "◆");
    expect(marks).toHaveLength(1);
  }
});
