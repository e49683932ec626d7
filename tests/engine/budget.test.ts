/**
 * The budget of a bilan: each fiche's budget table (bindings, inputs,
 * validations, merged year columns, helper markers), the Sommaire's budget
 * table, the engine's figures per fiche, objectif, axe and schéma and the
 * values its formula cells must show, the tidy rows, and the consolidation's
 * sums across partner workbooks.
 */
import { loadBuiltin } from "../../src/model/builtins";
import { parseSchemaOrThrow } from "../../src/model/parse";
import { MONTANT_MAX, type Schema } from "../../src/model/schema";
import { consolidate, type ConsolidationSource } from "../../src/engine/consolidate";
import { budgetNode } from "../../src/engine/rollup/budget";
import { computeRollups, formulaResults, type CellValue } from "../../src/engine/rollup";
import type { CellBinding, SheetPlan, WorkbookPlan } from "../../src/engine/plan";
import { tidyRows } from "../../src/engine/tidy";
import { transferValues } from "../../src/engine/transfer";
import { validateSnapshot } from "../../src/engine/validate";
import { snapshotOf } from "../support/snapshotOf";
import { a1, parseA1 } from "../../src/util/a1";
import { fillValid, readBack } from "../support/fill";
import { bindingCell, expand, planOf, setInput } from "../support/plans";
import { validModel } from "../model/fixtures";
import { euros, typo } from "../../src/util/typography";

jest.setTimeout(60_000);

/** validModel with planned amounts: fiche 2 (1 200 000 €, in the fixture), objectif 1 and axe 1. */
function budgetSchema(): Schema {
  const m = validModel();
  m.axes[0].objectifs[0].budget = 800_000;
  m.axes[0].budget = 2_000_000;
  m.budget = {
    libelle: "Politique enfance",
    montant: 3_200_000,
    postes: [
      { libelle: "Prévention", montant: 1_200_000 },
      { libelle: "Hébergement", montant: 2_000_000, precision: "dont 500 000 € MNA" },
    ],
  };
  return parseSchemaOrThrow(m, "budget");
}

const schema = budgetSchema();
const plan = planOf(schema); // campaign 2024, schéma 2022–2026
const CAMPAIGN = 2024;
const years = [2022, 2023, 2024, 2025, 2026];
const binding = (key: string): CellBinding => {
  const b = plan.meta.bindings.find((x) => x.key === key);
  if (!b) throw new Error(`no binding ${key}`);
  return b;
};
const sheetOf = (name: string): SheetPlan => plan.sheets.find((s) => s.name === name)!;
const cellAt = (sheet: SheetPlan, address: string) => {
  const { row, col } = parseA1(address);
  return sheet.cells.find((c) => c.row === row && c.col === col);
};

describe("a fiche's budget table", () => {
  test("one bound cell per stage and year: the campaign's are inputs, the other years locked", () => {
    for (const fiche of ["fa_1", "fa_2"])
      for (const stage of ["vote", "engage", "mandate"])
        for (const year of years) {
          const b = binding(`${fiche}@${stage}:${year}`);
          expect([b.key, b.node, b.input]).toEqual([b.key, fiche, year === CAMPAIGN]);
          const cell = cellAt(sheetOf(b.sheet), b.address)!;
          expect(plan.styles[cell.style]!.locked).toBe(year !== CAMPAIGN);
          expect(plan.styles[cell.style]!.numberFormat).toBe('#,##0.00"\u00A0€"');
        }
  });

  test("each year's amount sits in one cell of the year's Valeur column, unmerged and wide enough", () => {
    const b = binding(`fa_1@vote:${CAMPAIGN}`);
    const sheet = sheetOf(b.sheet);
    const { row, col } = parseA1(b.address);
    // The campaign's header sits above the amount, in the indicator table's Valeur column of the year.
    const header = sheet.cells.find((c) => c.value === `${CAMPAIGN} (campagne)` && c.col === col);
    expect(header).toBeDefined();
    // No merged cell inside the table, so that a screen reader reads each amount under its year.
    const inTable = sheet.merges.filter((m) => {
      const [from, to] = m.split(":").map(parseA1);
      return from!.row <= row + 2 && to!.row >= row - 1 && to!.col > 2;
    });
    expect(inTable).toEqual([]);
    // « 999 999 999,99 € » is 16 characters.
    expect(sheet.columnWidths[col] ?? 0).toBeGreaterThanOrEqual(16);
  });

  test("the campaign's amounts accept euros from 0 to 999 999 999,99", () => {
    const b = binding(`fa_1@engage:${CAMPAIGN}`);
    const v = sheetOf(b.sheet).validations.find((x) => expand(x.ranges).includes(b.address))!;
    expect(v.rule).toEqual({ type: "decimal", min: 0, max: MONTANT_MAX });
    expect(v.error.style).toBe("stop");
  });

  test("rows carry their id in column A and the stage and fiche in the hidden helper columns", () => {
    const b = binding(`fa_1@mandate:${CAMPAIGN}`);
    const sheet = sheetOf(b.sheet);
    const { row } = parseA1(b.address);
    const values = sheet.cells.filter((c) => c.row === row).map((c) => c.value);
    expect(values).toEqual(
      expect.arrayContaining(["fa_1#mandate", "Mandaté (mandats émis, payé)", "bmandate", "fa_1"]),
    );
    expect(plan.meta.labels.map((l) => l.node)).toEqual(
      expect.arrayContaining(["fa_1#vote", "fa_1#engage", "fa_1#mandate", "fa_1#consommation"]),
    );
  });

  test("the rate of consumption is a formula per year, mandaté / voté", () => {
    const vote = binding(`fa_1@vote:2023`);
    const mandate = binding(`fa_1@mandate:2023`);
    const taux = binding("fa_1#consommation@synthese:2023");
    expect(taux.formula).toBe(
      `=IF(AND(ISNUMBER(${vote.address}),${vote.address}<>0),SUM(${mandate.address})/${vote.address},"")`,
    );
    expect(parseA1(taux.address).col).toBe(parseA1(vote.address).col);
  });

  test("the planned amount of the model is said first, only for a fiche that has one", () => {
    const cells = plan.sheets.filter((s) => s.kind === "axe").flatMap((s) => s.cells);
    const prevu = cells.filter((c) => String(c.value ?? "").startsWith("Prévu au schéma"));
    expect(prevu.map((c) => c.value)).toEqual([typo(`Prévu au schéma : ${euros(1200000)}`)]);
    // Its line is the first of fiche 2's table, just above the header.
    const header = parseA1(binding(`fa_2@vote:${CAMPAIGN}`).address).row - 1;
    expect(prevu[0]!.row).toBe(header - 1);
  });
});

test("a carry-over brings the campaign's amounts into next year's workbook, locked", () => {
  const next = planOf(schema, { campaignYear: CAMPAIGN + 1 });
  const values = new Map<string, string | number>([
    [`fa_1@vote:${CAMPAIGN}`, 1_000_000],
    [`fa_1@mandate:${CAMPAIGN}`, 250_000.25],
  ]);
  expect(transferValues(values, plan, next, (n) => n)).toEqual({ carried: 2, notCarried: [] });
  const b = next.meta.bindings.find((x) => x.key === `fa_1@mandate:${CAMPAIGN}`)!;
  expect(b.input).toBe(false);
  expect(bindingCell(next, b.key).value).toBe(250_000.25);
  expect(next.styles[bindingCell(next, b.key).style]!.locked).toBe(true);
});

describe("the Sommaire's budget table", () => {
  const sommaire = plan.sheets[0]!;
  const row = (text: string) => sommaire.cells.find((c) => c.col === 2 && String(c.value).startsWith(text))!.row;
  const at = (r: number, col: number) => sommaire.cells.find((c) => c.row === r && c.col === col);

  test("one row per axe and one for the schéma: prévu, then voté, engagé, mandaté summed live, and the rate", () => {
    const title = row(`Budget ${CAMPAIGN}`);
    expect([3, 4, 5, 6, 7].map((c) => at(title + 1, c)?.value)).toEqual([
      "Prévu au schéma",
      "Voté",
      "Engagé",
      "Mandaté",
      "Taux de consommation",
    ]);
    const axe1 = title + 2;
    expect(at(axe1, 3)?.value).toBe(2_000_000); // the axe's own amount, not its fiches'
    expect(at(axe1 + 1, 3)?.value).toBe(1_200_000); // axe 2: its fiche's
    expect(at(axe1 + 2, 3)?.value).toBe(3_200_000); // the schéma's published total
    const vote = binding(`${budgetNode("axe_1")}@rollup:vote`);
    const sheet = binding(`fa_1@vote:${CAMPAIGN}`).sheet;
    const col = binding(`fa_1@vote:${CAMPAIGN}`).address.replace(/\d+$/, "");
    expect(vote.formula).toMatch(
      new RegExp(`^=SUMIFS\\('${sheet}'!\\$${col}:\\$${col},'${sheet}'!\\$[A-Z]+:\\$[A-Z]+,"bvote"\\)$`),
    );
    expect(binding(`${budgetNode(schema.id)}@rollup:mandate`).formula).toBe(`=SUM(F${axe1}:F${axe1 + 1})`);
    expect(binding(`${budgetNode(schema.id)}@rollup:taux`).formula).toBe(
      `=IF(D${axe1 + 2}=0,"",F${axe1 + 2}/D${axe1 + 2})`,
    );
  });

  test("amount columns are wide enough for 999 999 999,99 €", () => {
    for (const c of [3, 4, 5, 6]) expect(sommaire.columnWidths[c]).toBeGreaterThanOrEqual(18);
  });

  test("then the schéma's budget lines as published, and their total", () => {
    const lines = row("Prévention");
    expect(at(lines, 3)?.value).toBe(1_200_000);
    expect([at(lines + 1, 2)?.value, at(lines + 1, 3)?.value, at(lines + 1, 4)?.value]).toEqual([
      "Hébergement",
      2_000_000,
      "dont 500 000 € MNA",
    ]);
    expect([at(lines + 2, 2)?.value, at(lines + 2, 3)?.value]).toEqual(["Total publié", 3_200_000]);
  });

  test("the Puy-de-Dôme built-in shows its four published lines (62,8 M€)", () => {
    const pdd = planOf(loadBuiltin("puy_de_dome_2019_2023")).sheets[0]!;
    const texts = pdd.cells.map((c) => c.value);
    expect(texts).toEqual(expect.arrayContaining([9_300_000, 10_000_000, 32_100_000, 11_400_000, 62_800_000]));
    expect(texts).toContain("dont 9 M € en direction des MNA");
  });
});

describe("the engine's budget figures", () => {
  const values = new Map<string, CellValue>([
    ["fa_1@vote:2024", 1_000_000],
    ["fa_1@engage:2024", 600_000.5],
    ["fa_1@mandate:2024", 250_000.25],
    ["fa_1@vote:2023", 900_000],
    ["fa_1@mandate:2023", 450_000],
    ["fa_2@vote:2024", "un million"], // text: not an amount, as SUMIFS skips it
    ["fa_2@mandate:2024", 100_000],
  ]);
  const r = computeRollups(schema, plan.meta, values);
  const [axe1, axe2] = r.axes as [(typeof r.axes)[0], (typeof r.axes)[0]];

  test("per fiche: the campaign's amounts, the rate, and each year's amounts and rate", () => {
    const f1 = axe1.fiches[0]!.budget;
    expect(f1).toMatchObject({ vote: 1_000_000, engage: 600_000.5, mandate: 250_000.25 });
    expect(f1.prevu).toBeUndefined();
    expect(f1.taux).toBeCloseTo(0.25000025, 12);
    expect(f1.annees["2023"]).toEqual({ vote: 900_000, mandate: 450_000, taux: 0.5 });
    const f2 = axe2.fiches[0]!.budget;
    expect(f2).toMatchObject({ prevu: 1_200_000, vote: 0, engage: 0, mandate: 100_000 });
    expect(f2.taux).toBeUndefined(); // nothing voted (a text is not an amount)
  });

  test("objectif, axe and schéma sum their fiches; prévu is the level's own amount, else its children's", () => {
    expect(axe1.objectifs[0]!.budget).toMatchObject({ prevu: 800_000, vote: 1_000_000 });
    expect(axe1.budget).toMatchObject({ prevu: 2_000_000, vote: 1_000_000, mandate: 250_000.25 });
    expect(axe2.budget).toMatchObject({ prevu: 1_200_000, vote: 0, mandate: 100_000 });
    expect(r.budget).toMatchObject({ prevu: 3_200_000, vote: 1_000_000, engage: 600_000.5, mandate: 350_000.25 });
    expect(r.budget.taux).toBeCloseTo(0.35000025, 12);
    const withoutOwn = { ...schema, budget: undefined, axes: schema.axes.map((a) => ({ ...a, budget: undefined })) };
    const computed = computeRollups(withoutOwn, plan.meta, values);
    expect(computed.budget.prevu).toBe(1_200_000); // only fiche 2 plans an amount
  });

  test("every budget formula cell gets the value it must show", () => {
    const result = formulaResults(r);
    expect(result(binding("fa_1#consommation@synthese:2023"))).toBe(0.5);
    expect(result(binding("fa_2#consommation@synthese:2024"))).toBe("");
    expect(result(binding(`${budgetNode("axe_1")}@rollup:vote`))).toBe(1_000_000);
    expect(result(binding(`${budgetNode(schema.id)}@rollup:mandate`))).toBe(350_000.25);
    expect(result(binding(`${budgetNode("axe_2")}@rollup:taux`))).toBe("");
  });
});

describe("tidy export", () => {
  test("one row per fiche, stage and year entered: type_element budget, the stage, the amount in euros", () => {
    const values = new Map<string, string | number>([
      ["fa_1@vote:2024", 1_000_000],
      ["fa_1@mandate:2023", 450_000],
    ]);
    const rows = tidyRows("a.xlsx", schema, plan.meta, values).filter((x) => x.type_element === "budget");
    expect(rows.map((x) => [x.element, x.periode, x.etape_budget, x.libelle, x.valeur, x.unite, x.fiche])).toEqual([
      ["fa_1", "2023", "mandate", "Mandaté", 450_000, "€", "1"],
      ["fa_1", "2024", "vote", "Voté", 1_000_000, "€", "1"],
    ]);
  });
});

describe("consolidation", () => {
  const orne = loadBuiltin("orne_2017_2021");
  const year = orne.periode.debut + 2;
  const fiche = orne.axes.flatMap((a) => a.fiches).find((f) => new Set([...f.pilotes, ...f.partenaires]).size >= 2)!;
  const [pA, pB] = [...new Set([...fiche.pilotes, ...fiche.partenaires])] as [string, string];

  async function partner(file: string, id: string, amounts: Record<string, string | number>) {
    const p: WorkbookPlan = fillValid(planOf(orne, { cut: { kind: "partenaire", id } }), orne);
    for (const [key, v] of Object.entries(amounts)) setInput(p, key, v);
    return { file, report: validateSnapshot(snapshotOf(await readBack(p), file)) } as ConsolidationSource;
  }

  test("amounts of each source are summed; a text among several is left empty and listed", async () => {
    const key = (stage: string) => `${fiche.id}@${stage}:${year}`;
    const a = await partner("a.xlsx", pA, { [key("vote")]: 1000.1, [key("engage")]: 500, [key("mandate")]: "?" });
    const b = await partner("b.xlsx", pB, { [key("vote")]: 2000.2, [key("engage")]: 250, [key("mandate")]: 10 });
    const r = consolidate([a, b]);
    expect(r.values.get(key("vote"))).toBe(3000.3);
    expect(r.values.get(key("engage"))).toBe(750);
    expect(r.values.has(key("mandate"))).toBe(false);
    expect(r.divergences.find((d) => d.key === key("mandate"))?.label).toContain(`Mandaté ${year}`);
  });
});
