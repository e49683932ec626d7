import { parseSchema, parseSchemaJson } from "../../src/model/parse";
import { formatIssue } from "../../src/model/issues";
import { validModel, type Mutable } from "./fixtures";

type Model = Mutable;

function errorsOf(mutate: (m: Model) => void) {
  const m = validModel();
  mutate(m);
  const r = parseSchema(m);
  if (r.ok) throw new Error("expected errors, the model was accepted");
  return r.errors;
}

describe("a valid model", () => {
  test("parses, gets stable ids, resolves references and defaults", () => {
    const r = parseSchema(validModel());
    if (!r.ok) throw new Error(r.errors.map((e) => formatIssue(e)).join("\n"));
    const s = r.schema;
    expect(r.warnings).toEqual([]);
    const fiche = s.axes[0]!.fiches[0]!;
    expect(s.axes.map((a) => a.id)).toEqual(["axe_1", "axe_2"]);
    expect(fiche.id).toBe("fa_1");
    expect(fiche.objectif).toBe("axe_1.obj_1");
    expect(fiche.sousActions.map((x) => x.id)).toEqual(["fa_1.sa_1", "fa_1.sa_1.2"]);
    expect(fiche.indicateurs.map((x) => x.id)).toEqual([
      "fa_1.ind_1",
      "fa_1.ind_2",
      "fa_1.ind_3",
      "fa_1.ind_4",
      "fa_1.ind_5",
    ]);
    expect(fiche.pilotes).toEqual(["p_conseil_departemental"]);
    // by sigle, and case-insensitively by name
    expect(fiche.partenaires).toEqual(["p_caisse_d_allocations_familiales", "p_pjj"]);
    expect(fiche.indicateurs[3]!.sousAction).toBe("fa_1.sa_1.2");
    expect(fiche.indicateurs.map((i) => i.agregation)).toEqual(["sum", "ratio", "mean", "share", "count"]);
    expect(fiche.indicateurs[0]!.obligatoire).toBe(true);
    expect(fiche.indicateurs[4]!.obligatoire).toBe(false);
    expect(s.territoires.map((t) => t.id)).toEqual(["t_tad_nord", "t_tad_sud"]);
  });

  test("explicit ids are kept", () => {
    const m = validModel();
    m.axes[0].fiches[0].id = "fa_perinatalite";
    m.axes[0].fiches[0].indicateurs[0].id = "nb_reunions";
    const r = parseSchema(m);
    expect(r.ok && r.schema.axes[0]!.fiches[0]!.indicateurs[0]!.id).toBe("nb_reunions");
    expect(r.ok && r.schema.axes[0]!.fiches[0]!.id).toBe("fa_perinatalite");
  });

  test("a model without indicators nor calendars is accepted", () => {
    const m = validModel();
    m.axes[0].fiches[0].indicateurs = [];
    m.axes[0].fiches[0].sousActions = [{ libelle: "Une action" }];
    expect(parseSchema(m).ok).toBe(true);
  });

  test("a period or a milestone finer than the granularity keeps its precision, without a warning", () => {
    const m = validModel();
    m.axes[0].fiches[0].sousActions[0].calendrier.periodes = ["2023-M08"];
    m.axes[0].fiches[0].sousActions[0].calendrier.jalons = [
      { periode: "2023-T1", echeance: "1er trimestre 2023", libelle: "Lancement" },
    ];
    const r = parseSchema(m);
    expect(r.ok && r.warnings).toEqual([]);
    const cal = r.ok ? r.schema.axes[0]!.fiches[0]!.sousActions[0]!.calendrier : undefined;
    expect(cal?.periodes).toEqual(["2023-M08"]);
    expect(cal?.jalons[0]).toEqual({ periode: "2023-T1", echeance: "1er trimestre 2023", libelle: "Lancement" });
  });

  test("a calendar may start before the schéma (debut), not during or after its start", () => {
    const m = validModel();
    m.axes[0].fiches[0].calendrier = { dureeSchema: true, debut: "2021", texte: "2021/2026" };
    expect(parseSchema(m).ok).toBe(true);
    m.axes[0].fiches[0].calendrier.debut = "2023-S1";
    const r = parseSchema(m);
    expect(r.ok ? [] : r.errors.map((e) => formatIssue(e))).toEqual([
      "axes[0].fiches[0].calendrier.debut : début « 2023-S1 » : « debut » dit un début antérieur au schéma (2022) ; un calendrier qui commence pendant le schéma se dit par ses périodes",
    ]);
  });
});

describe("budgets", () => {
  const withBudget = (postes: number[]) => {
    const m = validModel();
    m.budget = { montant: 1_000_000, postes: postes.map((montant, i) => ({ libelle: `Ligne ${i + 1}`, montant })) };
    return parseSchema(m);
  };

  test("published lines that add up to the total (within 0,05 M€ of rounding) raise nothing", () => {
    for (const r of [withBudget([600_000, 400_000]), withBudget([600_000, 449_999]), withBudget([])]) {
      expect(r.ok).toBe(true);
      expect(r.warnings).toEqual([]);
    }
  });

  test("lines that miss the total by more than 0,05 M€ are a warning that gives both sums", () => {
    const r = withBudget([600_000, 450_001.5]);
    expect(r.ok).toBe(true);
    expect(r.warnings.map((w) => [w.code, w.path])).toEqual([["check.budgetPostes", "budget.postes"]]);
    expect(formatIssue(r.warnings[0]!)).toContain("1 050 001,50 € et le total publié 1 000 000 € (écart 50 001,50 €)");
  });

  test("planned amounts on axe, objectif and fiche are kept; negative ones or beyond 999 999 999,99 € are refused", () => {
    const m = validModel();
    m.axes[0].budget = 2_500_000;
    m.axes[0].objectifs[0].budget = 1_000_000.5;
    const r = parseSchema(m);
    expect(r.ok && [r.schema.axes[0]!.budget, r.schema.axes[0]!.objectifs[0]!.budget]).toEqual([
      2_500_000, 1_000_000.5,
    ]);
    const bad = validModel();
    bad.axes[0].budget = -1;
    bad.axes[1].fiches[0].budget = 1e9;
    const refused = parseSchema(bad);
    expect(refused.ok ? [] : refused.errors.map((e) => [e.path, e.code])).toEqual([
      ["axes[0].budget", "model.tooSmall"],
      ["axes[1].fiches[0].budget", "model.tooBig"],
    ]);
  });
});

// [description, mutation, expected path, expected code, expected French text (substring)]
const cases: [string, (m: Model) => void, string, string, string][] = [
  [
    "unknown value type",
    (m) => (m.axes[0].fiches[0].indicateurs[2].type = "pourcent"),
    "axes[0].fiches[0].indicateurs[2].type",
    "model.enum",
    "valeur « pourcent » inconnue (attendu : count, rate, ratio, boolean, amount, number, text, date, echelle)",
  ],
  ["missing titre", (m) => delete m.titre, "titre", "model.missing", "champ obligatoire manquant (attendu : texte)"],
  [
    "number instead of text",
    (m) => (m.axes[1].titre = 12),
    "axes[1].titre",
    "model.type",
    "nombre reçu (attendu : texte)",
  ],
  ["empty axes", (m) => (m.axes = []), "axes", "model.tooFewItems", "au moins 1 élément(s) attendu(s)"],
  [
    "empty fiche title",
    (m) => (m.axes[0].fiches[0].titre = "  "),
    "axes[0].fiches[0].titre",
    "model.emptyText",
    "texte vide",
  ],
  [
    "misspelt field with suggestion",
    (m) => (m.axes[0].fiches[0].indicateurs[0].libele = "x"),
    "axes[0].fiches[0].indicateurs[0].libele",
    "model.unknownKeysSuggest",
    "vouliez-vous dire « libelle » ?",
  ],
  ["invalid id", (m) => (m.axes[0].id = "axe-1"), "axes[0].id", "model.format.id", "identifiant « axe-1 » invalide"],
  [
    "invalid period",
    (m) => (m.axes[0].fiches[0].sousActions[0].calendrier.periodes = ["2023-S3"]),
    "axes[0].fiches[0].sousActions[0].calendrier.periodes[0]",
    "model.format.periode",
    "période « 2023-S3 » invalide",
  ],
  [
    "line break in a list item",
    (m) => (m.axes[0].fiches[0].objectifs = ["a\nb"]),
    "axes[0].fiches[0].objectifs[0]",
    "model.format.line",
    "retour à la ligne",
  ],
  [
    "year that is not a year",
    (m) => (m.periode.debut = 2022.5),
    "periode.debut",
    "model.notInteger",
    "nombre entier attendu (reçu : 2022.5)",
  ],
  [
    "target key not a year",
    (m) => (m.axes[0].fiches[0].indicateurs[0].cibles = { "24": 3 }),
    'axes[0].fiches[0].indicateurs[0].cibles["24"]',
    "model.format.annee",
    "année « 24 » invalide",
  ],
  [
    "target of a wrong kind",
    (m) => (m.axes[0].fiches[0].indicateurs[0].cibles = { "2024": "beaucoup" }),
    'axes[0].fiches[0].indicateurs[0].cibles["2024"]',
    "model.valeurText",
    'texte "beaucoup" invalide',
  ],
  [
    "unsupported format version",
    (m) => (m.formatVersion = 2),
    "formatVersion",
    "model.literal",
    "valeur « 2 » non prise en charge (attendu : 1)",
  ],
  [
    "period outside the schéma",
    (m) => (m.axes[0].fiches[0].sousActions[0].calendrier.periodes = ["2027-S1"]),
    "axes[0].fiches[0].sousActions[0].calendrier.periodes[0]",
    "check.periodOutside",
    "période « 2027-S1 » hors du schéma (2022–2026)",
  ],
  [
    "milestone outside the schéma",
    (m) => (m.axes[1].fiches[0].calendrier.jalons[0].periode = "2019"),
    "axes[1].fiches[0].calendrier.jalons[0].periode",
    "check.periodOutside",
    "hors du schéma",
  ],
  [
    "target for an unknown year",
    (m) => (m.axes[0].fiches[0].indicateurs[0].cibles = { "2030": 5 }),
    'axes[0].fiches[0].indicateurs[0].cibles["2030"]',
    "check.targetYear",
    "cible pour l'année 2030 inconnue : le schéma couvre 2022–2026",
  ],
  [
    "duplicate explicit id",
    (m) => (m.axes[1].fiches[0].id = "fa_1"),
    "axes[1].fiches[0].id",
    "check.duplicateId",
    "identifiant « fa_1 » déjà utilisé par axes[0].fiches[0]",
  ],
  [
    "duplicate fiche number",
    (m) => (m.axes[1].fiches[0].numero = "1"),
    "axes[1].fiches[0].numero",
    "check.duplicateNumero",
    "numéro « 1 » déjà utilisé par axes[0].fiches[0]",
  ],
  [
    "ratio without denominator",
    (m) => delete m.axes[0].fiches[0].indicateurs[1].denominateur,
    "axes[0].fiches[0].indicateurs[1]",
    "check.ratioParts",
    "(manque : denominateur.libelle)",
  ],
  [
    "numerator on a count",
    (m) => (m.axes[0].fiches[0].indicateurs[0].numerateur = { libelle: "x" }),
    "axes[0].fiches[0].indicateurs[0].numerateur",
    "check.partsNotRatio",
    "type : count",
  ],
  [
    "bounds min > max",
    (m) => (m.axes[0].fiches[0].indicateurs[2].bornes = { min: 50, max: 10 }),
    "axes[0].fiches[0].indicateurs[2].bornes",
    "check.boundsOrder",
    "min 50 > max 10",
  ],
  [
    "rate bound above 100",
    (m) => (m.axes[0].fiches[0].indicateurs[2].bornes = { max: 120 }),
    "axes[0].fiches[0].indicateurs[2].bornes.max",
    "check.boundsType",
    "pourcentage de 0 à 100",
  ],
  [
    "rate target above 100",
    (m) => (m.axes[0].fiches[0].indicateurs[2].cibles = { "2024": 140 }),
    'axes[0].fiches[0].indicateurs[2].cibles["2024"]',
    "check.valueType",
    "valeur 140 incompatible avec le type rate",
  ],
  [
    "decimal count target",
    (m) => (m.axes[0].fiches[0].indicateurs[0].cibles = { "2024": 2.5 }),
    'axes[0].fiches[0].indicateurs[0].cibles["2024"]',
    "check.valueType",
    "entier ≥ 0",
  ],
  [
    "target outside bounds",
    (m) => (m.axes[0].fiches[0].indicateurs[0].bornes = { max: 5 }),
    'axes[0].fiches[0].indicateurs[0].cibles["2024"]',
    "check.valueBounds",
    "valeur 10 hors des bornes",
  ],
  [
    "target on a text indicator",
    (m) => (m.axes[0].fiches[0].indicateurs[4].cibles = { "2024": 3 }),
    'axes[0].fiches[0].indicateurs[4].cibles["2024"]',
    "check.textTarget",
    "pas de cible chiffrée",
  ],
  [
    "summing rates",
    (m) => (m.axes[0].fiches[0].indicateurs[2].agregation = "sum"),
    "axes[0].fiches[0].indicateurs[2].agregation",
    "check.aggregation",
    "agrégation « sum » impossible pour le type rate",
  ],
  [
    "unknown partenaire",
    (m) => m.axes[0].fiches[0].partenaires.push("ARS"),
    "axes[0].fiches[0].partenaires[2]",
    "check.unknownPartenaire",
    "partenaire « ARS » inconnu",
  ],
  [
    "unknown objectif",
    (m) => (m.axes[0].fiches[0].objectif = "Autre objectif"),
    "axes[0].fiches[0].objectif",
    "check.unknownObjectif",
    "objectif « Autre objectif » introuvable dans l'axe 1",
  ],
  [
    "unknown sous-action",
    (m) => (m.axes[0].fiches[0].indicateurs[3].sousAction = "9.9"),
    "axes[0].fiches[0].indicateurs[3].sousAction",
    "check.unknownSousAction",
    "sous-action « 9.9 » introuvable dans la fiche 1",
  ],
  [
    "whole period and periods",
    (m) => (m.axes[0].fiches[0].sousActions[1].calendrier.periodes = ["2023"]),
    "axes[0].fiches[0].sousActions[1].calendrier.dureeSchema",
    "check.dureeAndPeriods",
    "choisir l'un ou l'autre",
  ],
  [
    "period end before start",
    (m) => (m.periode = { debut: 2026, fin: 2022 }),
    "periode",
    "check.periodOrder",
    "début après fin",
  ],
  [
    "ambiguous reference",
    (m) => m.partenaires.push({ nom: "Caisse des écoles", sigle: "CAF" }),
    "axes[0].fiches[0].partenaires[0]",
    "check.ambiguousRef",
    "« CAF » désigne plusieurs éléments",
  ],
];

describe.each(cases)("malformed: %s", (_name, mutate, path, code, text) => {
  test(`reports ${code} at ${path}`, () => {
    const errors = errorsOf(mutate);
    const hit = errors.find((e) => e.path === path && e.code === code);
    if (!hit) throw new Error(`not found; got:\n${errors.map((e) => `${e.code} ${formatIssue(e)}`).join("\n")}`);
    expect(hit.message).toContain(text);
    expect(hit.messageEn.length).toBeGreaterThan(0);
    expect(hit.messageEn).not.toBe(hit.message);
  });
});

describe("JSON text", () => {
  test("a syntax error gives line and column", () => {
    const r = parseSchemaJson('{\n  "id": "x",\n  "titre": oops\n}');
    expect(r.ok).toBe(false);
    const e = !r.ok ? r.errors[0]! : undefined;
    expect(e?.code).toBe("model.json");
    expect(e?.message).toMatch(/^JSON invalide ligne 3, colonne \d+/);
  });
  test("an array is not a model", () => {
    const r = parseSchemaJson("[]");
    expect(!r.ok && r.errors[0]!.message).toBe("le fichier doit contenir un objet JSON (le modèle du schéma)");
  });
  test("a BOM is accepted", () => {
    expect(parseSchemaJson(`\uFEFF${JSON.stringify(validModel())}`).ok).toBe(true);
  });
  test("English messages", () => {
    const errors = errorsOf((m) => (m.axes[0].fiches[0].indicateurs[2].type = "pourcent"));
    expect(formatIssue(errors[0]!, "en")).toBe(
      "axes[0].fiches[0].indicateurs[2].type: unknown value “pourcent” (expected: count, rate, ratio, boolean, amount, number, text, date, echelle)",
    );
  });
});
