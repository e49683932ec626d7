/**
 * The validation corpus: workbooks generated, filled correctly (no finding at
 * all), then one fault planted per variant, each giving exactly its finding.
 */
import { BUILTIN_IDS, loadBuiltin } from "../../../src/model/builtins";
import { parseSchemaOrThrow } from "../../../src/model/parse";
import type { Schema } from "../../../src/model/schema";
import { validateSnapshot, type ValidateOptions } from "../../../src/engine/validate";
import { checkStatut } from "../../../src/engine/validate/values";
import { META_SHEET } from "../../../src/engine/layout/metaSheet";
import type { WorkbookPlan } from "../../../src/engine/plan";
import { snapshotOf } from "../../support/snapshotOf";
import type { ReadWorkbook } from "../../support/readWorkbook";
import { a1, parseA1 } from "../../../src/util/a1";
import { fillValid, readBack, serial, setCell, sheetNamed, shiftRows } from "../../support/fill";
import { planOf, setInput } from "../../support/plans";
import { validModel } from "../../model/fixtures";

describe("a correctly filled workbook gives no finding at all", () => {
  test.each(BUILTIN_IDS)("%s", async (id) => {
    const schema = loadBuiltin(id);
    const report = validateSnapshot(snapshotOf(await readBack(fillValid(planOf(schema), schema)), `${id}.xlsx`));
    expect(report.findings).toEqual([]);
    expect(report.completion.total.filled).toBe(report.completion.total.required);
    expect(report.completion.total.required).toBeGreaterThan(0);
  });
});

/** validModel plus every value type, bounds, a baseline and a filled previous year. */
function corpusSchema(): Schema {
  const m = validModel();
  m.axes[0].fiches[0].indicateurs.push(
    { libelle: "Budget engagé", type: "amount" },
    { libelle: "Date de signature", type: "date" },
    { libelle: "Délai moyen (jours)", type: "number", unite: "jours", bornes: { min: 0, max: 50 } },
    { libelle: "Enfants accueillis", type: "count", reference: { valeur: 40, annee: 2021 } },
    { libelle: "Familles suivies", type: "count" },
  );
  return parseSchemaOrThrow(m, "corpus");
}

const schema = corpusSchema();
const ids = Object.fromEntries(schema.axes[0]!.fiches[0]!.indicateurs.map((i) => [i.libelle, i.id]));
const plan: WorkbookPlan = fillValid(planOf(schema), schema);
// Last year's value, as carried over: the plausibility check compares with it.
setInput(plan, `${ids["Familles suivies"]}@valeur:2023`, 10);
let filled: ReadWorkbook;

beforeAll(async () => {
  filled = await readBack(plan);
});

const binding = (key: string) => {
  const b = plan.meta.bindings.find((x) => x.key === key);
  if (!b) throw new Error(`no binding ${key}`);
  return b;
};
const label = (node: string) => plan.meta.labels.find((l) => l.node === node)!;
/** Where the first label below a deleted row ends up. */
const movedUp = (deleted: { sheet: string; address: string }) => {
  const row = parseA1(deleted.address).row;
  const below = plan.meta.labels
    .filter((l) => l.sheet === deleted.sheet && parseA1(l.address).row > row)
    .map((l) => parseA1(l.address))
    .sort((a, b) => a.row - b.row)[0]!;
  return a1(below.row - 1, below.col);
};
const axeSheet = () => plan.sheets.find((s) => s.kind === "axe")!.name;

function validate(edit: (wb: ReadWorkbook) => void, options: ValidateOptions = {}) {
  const wb = structuredClone(filled);
  edit(wb);
  return validateSnapshot(snapshotOf(wb, "partenaire.xlsx"), options).findings;
}

const put = (key: string, value: string | number | undefined) => (wb: ReadWorkbook) => {
  const b = binding(key);
  setCell(wb, b.sheet, b.address, value);
};

type Expect = { rule: string; cell?: string; severity?: string };
const at = (key: string) => binding(key).address;
const v = (name: string, kind = "valeur", year = 2024) => `${ids[name]}@${kind}:${year}`;
const statut = (i: number, period: string) => `${schema.axes[0]!.fiches[0]!.sousActions[i]!.id}@statut:${period}`;
const long = "x".repeat(1200);
/** The first sous-action's cell in the 2024-S1 column, a period it is not planned on (2022-S2 and 2023 only). */
const offPlan = () => `${at(statut(1, "2024-S1")).replace(/\d+$/, "")}${parseA1(at(statut(0, "2023-S1"))).row}`;
/** A fiche's budget amount of a stage and year. */
const bud = (stage: string, fiche = "fa_1", year = 2024) => `${fiche}@${stage}:${year}`;
const puts =
  (...cells: [string, string | number][]) =>
  (wb: ReadWorkbook) => {
    for (const [key, value] of cells) put(key, value)(wb);
  };

const variants: [string, (wb: ReadWorkbook) => void, Expect[], ValidateOptions?][] = [
  [
    "text in a count",
    put(v("Nombre de réunions"), "douze"),
    [{ rule: "type.texte-au-lieu-de-nombre", cell: at(v("Nombre de réunions")) }],
  ],
  [
    "decimals in a count",
    put(v("Nombre de réunions"), 12.5),
    [{ rule: "type.decimales", cell: at(v("Nombre de réunions")) }],
  ],
  [
    "a rate given as 0–1",
    put(v("Taux de dépistage"), 0.45),
    [{ rule: "type.proportion", cell: at(v("Taux de dépistage")), severity: "avertissement" }],
  ],
  [
    "a rate given ×100",
    put(v("Taux de dépistage"), 4500),
    [{ rule: "plage.taux-sup-100", cell: at(v("Taux de dépistage")) }],
  ],
  [
    "a date that is text",
    put(v("Date de signature"), "bientôt"),
    [{ rule: "type.date", cell: at(v("Date de signature")) }],
  ],
  [
    "a date typed as text, in the period: the fault is its being text, not its range",
    put(v("Date de signature"), "15/03/2024"),
    [{ rule: "type.date-en-texte", cell: at(v("Date de signature")) }],
  ],
  [
    "a date typed as text, outside the period",
    put(v("Date de signature"), "15/03/2031"),
    [{ rule: "type.date", cell: at(v("Date de signature")) }],
  ],
  [
    "no such day typed as text",
    put(v("Date de signature"), "31/02/2024"),
    [{ rule: "type.date", cell: at(v("Date de signature")) }],
  ],
  [
    "a date outside the period",
    put(v("Date de signature"), serial("2031-01-15")),
    [{ rule: "type.date", cell: at(v("Date de signature")) }],
  ],
  [
    "a status outside the list",
    put(statut(1, "2024-S1"), "Fini"),
    [{ rule: "type.hors-liste", cell: at(statut(1, "2024-S1")) }],
  ],
  [
    "an answer other than Oui/Non",
    put(v("Existence d'une convention"), "Peut-être"),
    [{ rule: "type.hors-liste", cell: at(v("Existence d'une convention")) }],
  ],
  [
    "a comment too long",
    put(`${ids["Nombre de réunions"]}@commentaire:2024`, long),
    [{ rule: "type.texte-trop-long", cell: at(`${ids["Nombre de réunions"]}@commentaire:2024`) }],
  ],
  [
    "a negative count",
    put(v("Nombre de réunions"), -3),
    [{ rule: "plage.negatif", cell: at(v("Nombre de réunions")) }],
  ],
  ["a negative amount", put(v("Budget engagé"), -100), [{ rule: "plage.negatif", cell: at(v("Budget engagé")) }]],
  [
    "a value beyond the model's bounds",
    put(v("Délai moyen (jours)"), 80),
    [{ rule: "plage.bornes", cell: at(v("Délai moyen (jours)")) }],
  ],
  [
    "numerator above denominator",
    put(v("Bilans réalisés / enfants confiés", "numerateur"), 130),
    [{ rule: "plage.numerateur-sup-denominateur", cell: at(v("Bilans réalisés / enfants confiés", "numerateur")) }],
  ],
  [
    "a zero denominator",
    put(v("Bilans réalisés / enfants confiés", "denominateur"), 0),
    [{ rule: "plage.denominateur-nul", cell: at(v("Bilans réalisés / enfants confiés", "denominateur")) }],
  ],
  [
    "a required value left empty",
    put(v("Nombre de réunions"), undefined),
    [{ rule: "completude.valeur-manquante", cell: at(v("Nombre de réunions")), severity: "avertissement" }],
  ],
  [
    "a ratio part left empty",
    put(v("Bilans réalisés / enfants confiés", "denominateur"), undefined),
    [
      {
        rule: "completude.valeur-manquante",
        cell: at(v("Bilans réalisés / enfants confiés", "denominateur")),
        severity: "avertissement",
      },
    ],
  ],
  [
    "a past status left empty",
    put(statut(1, "2023-S2"), undefined),
    [{ rule: "completude.statut-manquant", cell: at(statut(1, "2023-S2")), severity: "avertissement" }],
  ],
  [
    "a value far from last year's",
    put(v("Familles suivies"), 95),
    [{ rule: "plausibilite.ecart-annee-precedente", cell: at(v("Familles suivies")), severity: "avertissement" }],
  ],
  [
    "a value far from the baseline",
    put(v("Enfants accueillis"), 400),
    [{ rule: "plausibilite.ecart-reference", cell: at(v("Enfants accueillis")), severity: "avertissement" }],
  ],
  [
    "Réalisé typed into a locked period after the campaign (« prévu »): not counted, so reported",
    put(statut(1, "2025-S1"), "Réalisé"),
    [{ rule: "calendrier.statut-hors-prevision", cell: at(statut(1, "2025-S1")), severity: "avertissement" }],
  ],
  [
    "a status typed into an unplanned (grey) period: not counted, so reported",
    (wb) => setCell(wb, axeSheet(), offPlan(), "En cours"),
    [{ rule: "calendrier.statut-hors-prevision", cell: offPlan(), severity: "avertissement" }],
  ],
  [
    "Non commencé on a past period",
    put(statut(1, "2023-S1"), "Non commencé"),
    [{ rule: "calendrier.non-commence-passe", cell: at(statut(1, "2023-S1")), severity: "avertissement" }],
  ],
  [
    "metadata sheet deleted",
    (wb) => (wb.sheets = wb.sheets.filter((s) => s.name !== META_SHEET)),
    [{ rule: "structure.meta-absente" }],
  ],
  [
    "a cell address edited in the metadata",
    (wb) => {
      const cells = sheetNamed(wb, META_SHEET).cells;
      const row = Object.entries(cells)
        .find(([a, c]) => a.startsWith("A") && c.value === "meta")![0]
        .slice(1);
      cells[`B${row}`]!.value = String(cells[`B${row}`]!.value).replace(
        /"address":"([A-Z]+)(\d+)"/,
        '"address":"$199"',
      );
    },
    [{ rule: "structure.meta-alteree" }],
  ],
  [
    "the metadata JSON broken",
    (wb) => {
      const cells = sheetNamed(wb, META_SHEET).cells;
      const row = Object.entries(cells)
        .find(([a, c]) => a.startsWith("A") && c.value === "model")![0]
        .slice(1);
      cells[`B${row}`]!.value = String(cells[`B${row}`]!.value).slice(0, 40);
    },
    [{ rule: "structure.meta-alteree" }],
  ],
  [
    "a workbook of another model",
    () => undefined,
    [{ rule: "structure.modele-different" }],
    { expected: { ...schema, id: "autre_schema" } },
  ],
  [
    "a workbook of an older model version",
    () => undefined,
    [{ rule: "structure.version-differente" }],
    { expected: { ...schema, version: "1.1.0" } },
  ],
  ["a workbook of another campaign", () => undefined, [{ rule: "structure.campagne-differente" }], { year: 2025 }],
  [
    "an axe sheet deleted",
    (wb) => (wb.sheets = wb.sheets.filter((s) => s.name !== axeSheet())),
    [{ rule: "structure.feuille-absente" }],
  ],
  [
    "an axe sheet renamed",
    (wb) => (sheetNamed(wb, axeSheet()).name = "Mon axe"),
    [{ rule: "structure.feuille-absente" }],
  ],
  [
    "a row inserted inside a fiche block",
    (wb) => shiftRows(wb, axeSheet(), parseA1(label(ids["Taux de dépistage"]!).address).row, 1),
    [{ rule: "structure.lignes-deplacees" }],
  ],
  [
    "an indicator row deleted",
    (wb) => shiftRows(wb, axeSheet(), parseA1(label(ids["Familles suivies"]!).address).row, -1),
    [
      { rule: "structure.ligne-supprimee", cell: label(ids["Familles suivies"]!).address },
      // The rows below it (the fiche's narrative) moved up by one: said once, where the shift begins.
      { rule: "structure.lignes-deplacees", cell: movedUp(label(ids["Familles suivies"]!)) },
    ],
  ],
  [
    "an indicator label edited",
    (wb) => setCell(wb, axeSheet(), label(ids["Nombre de réunions"]!).address, "Nombre de réunions (toutes)"),
    [{ rule: "structure.libelle-modifie", cell: label(ids["Nombre de réunions"]!).address }],
  ],
  [
    "a rate formula replaced by a constant",
    put(v("Bilans réalisés / enfants confiés", "taux"), 55),
    [{ rule: "structure.formule-remplacee", cell: at(v("Bilans réalisés / enfants confiés", "taux")) }],
  ],
  [
    "sheet protection removed",
    (wb) => (sheetNamed(wb, axeSheet()).protected = false),
    [{ rule: "structure.protection-retiree", severity: "avertissement" }],
  ],
  [
    "an amount typed as text",
    put(bud("vote"), "1,2 M€"),
    [{ rule: "type.texte-au-lieu-de-nombre", cell: at(bud("vote")) }],
  ],
  ["a negative amount", put(bud("mandate"), -300), [{ rule: "plage.negatif", cell: at(bud("mandate")) }]],
  [
    "an amount beyond 999 999 999,99 €",
    put(bud("engage"), 1e9),
    [{ rule: "plage.montant-max", cell: at(bud("engage")) }],
  ],
  [
    "more committed than voted (a warning: credits of earlier years)",
    puts([bud("vote"), 1000], [bud("engage"), 1000.01], [bud("mandate"), 500]),
    [{ rule: "budget.engage-sup-vote", cell: at(bud("engage")), severity: "avertissement" }],
  ],
  [
    "more paid than committed (a warning: payments on earlier commitments)",
    puts([bud("vote"), 1000], [bud("engage"), 800], [bud("mandate"), 900]),
    [{ rule: "budget.mandate-sup-engage", cell: at(bud("mandate")), severity: "avertissement" }],
  ],
  [
    "amounts in order, and only a paid amount: nothing to say",
    (wb) => {
      puts([bud("vote"), 1000], [bud("engage"), 1000], [bud("mandate"), 999.99])(wb);
      put(bud("mandate", "fa_2"), 50)(wb);
    },
    [],
  ],
  [
    "a past year's amount out of order is not the campaign's: nothing to say",
    puts([bud("vote", "fa_1", 2023), 10], [bud("engage", "fa_1", 2023), 20]),
    [],
  ],
];

test(`the corpus plants ${variants.length} faults of ${new Set(variants.flatMap(([, , e]) => e.map((x) => x.rule))).size} kinds`, () => {
  expect(variants.length).toBeGreaterThanOrEqual(30);
  expect(validateSnapshot(snapshotOf(filled, "corpus.xlsx")).findings).toEqual([]);
});

describe.each(variants)("%s", (_name, edit, expected, options) => {
  test("gives exactly the expected finding", () => {
    const findings = validate(edit, options);
    expect(findings.map((f) => ({ rule: f.rule, ...(expected[0]?.cell ? { cell: f.cell } : {}) }))).toEqual(
      expected.map((e) => ({ rule: e.rule, ...(e.cell ? { cell: e.cell } : {}) })),
    );
    for (const [i, e] of expected.entries()) {
      expect(findings[i]!.severity).toBe(e.severity ?? "erreur");
      expect(findings[i]!.message.length).toBeGreaterThan(20);
      expect(findings[i]!.messageEn.length).toBeGreaterThan(20);
    }
  });
});

test("a moved row is found by its id: its values are still checked where they are now", () => {
  const row = parseA1(label(ids["Taux de dépistage"]!).address).row;
  const findings = validate((wb) => {
    shiftRows(wb, axeSheet(), row, 2);
    const b = binding(v("Nombre de réunions"));
    const moved =
      parseA1(b.address).row >= row ? `${b.address.replace(/\d+/, "")}${parseA1(b.address).row + 2}` : b.address;
    setCell(wb, b.sheet, moved, -1);
  });
  expect(findings.map((f) => f.rule)).toEqual(["structure.lignes-deplacees", "plage.negatif"]);
  expect(findings[0]!.message).toMatch(/Les valeurs saisies restent lisibles/);
});

test("structure findings come first and say whether values can be trusted", () => {
  const findings = validate((wb) => {
    put(v("Nombre de réunions"), -3)(wb);
    sheetNamed(wb, axeSheet()).protected = false;
  });
  expect(findings.map((f) => f.rule)).toEqual(["structure.protection-retiree", "plage.negatif"]);
  expect(findings[0]!.structure).toEqual({ valuesTrusted: true });
});

test("a workbook that is not a bilan is unreadable, with one finding", () => {
  const report = validateSnapshot({
    source: "autre.xlsx",
    sheets: [{ name: "Feuil1", visible: true, protected: false, cells: new Map() }],
  });
  expect(report.readable).toBe(false);
  expect(report.findings.map((f) => f.rule)).toEqual(["fichier.illisible"]);
  expect(report.findings[0]!.message).toMatch(/pas été généré par Bilan Schéma/);
});

test("a status is read case aside, as Excel's list accepts it and the rollups count it", () => {
  expect(checkStatut(" réalisé ", "2023", 2024)).toBeUndefined();
  expect(checkStatut("EN COURS", "2024-S1", 2024)).toBeUndefined();
  expect(checkStatut("Fini", "2024", 2024)?.rule).toBe("type.hors-liste");
});
