import { BUILTIN_IDS, loadBuiltin } from "../../src/model/builtins";
import { formatIssue } from "../../src/model/issues";
import { parseSchema } from "../../src/model/parse";
import type { Schema } from "../../src/model/schema";
import type { Cell } from "../../src/model/referentiel/cells";
import { readCsv, writeCsv } from "../../src/model/referentiel/csv";
import { fromTable } from "../../src/model/referentiel/fromTable";
import { toTable } from "../../src/model/referentiel/toTable";
import { readReferentielXlsx, writeReferentielXlsx } from "../../src/hosts/xlsx/referentielSheet";
import { validModel } from "./fixtures";

function ok(r: ReturnType<typeof fromTable>): Schema {
  if (!r.ok) throw new Error(r.errors.map((e) => formatIssue(e)).join("\n"));
  return r.schema;
}

function table(rows: Cell[][], source = "ref.csv") {
  return { source, fileName: source, firstRow: 1, rows };
}

const small = (() => {
  const m = validModel();
  // Exercise what the built-ins do not: custom ids, sigles, bounds, baseline, units, comments, objectifs listed out of use order.
  m.partenaires.push({ id: "ars_idf", nom: "Agence régionale de santé", sigle: "ARS" });
  m.axes[0].objectifs.unshift({ numero: "1.0", titre: "Objectif sans fiche" });
  m.axes[0].fiches[0].indicateurs[0] = {
    ...m.axes[0].fiches[0].indicateurs[0],
    id: "nb_reunions",
    unite: "réunions",
    reference: { valeur: 4, annee: 2021, source: "Rapport ODPE" },
    bornes: { min: 0, max: 500 },
    source: "Tableau de bord DPMIS",
    commentaire: "Compter les réunions plénières",
    formulationPubliee: "Nombre de réunions; et autres",
  };
  m.axes[0].fiches[0].sousActions[0].pilotes = ["ARS"];
  m.axes[0].fiches[0].sousActions[0].details = ["Premier point", "Second point ; avec point-virgule"];
  m.axes[0].fiches[0].diagnostic = ["Un constat, avec virgule", "Un autre « constat »"];
  m.axes.push({ numero: "3", titre: "Axe sans fiche", principe: "Texte\nsur deux lignes", enjeux: ["Enjeu A"] });
  // Budgets at every level; a line with a precision, one without, a decimal amount.
  m.budget = {
    libelle: "Politique enfance",
    montant: 1_500_000.25,
    postes: [
      { libelle: "Prévention", montant: 500_000.25, precision: "dont 100 000 € pour la PMI" },
      { libelle: "Hébergement / accueil", montant: 1_000_000 },
    ],
  };
  m.axes[0].budget = 750_000;
  m.axes[0].objectifs[1].budget = 300_000;
  m.axes[2].budget = 10;
  const r = parseSchema(m);
  if (!r.ok) throw new Error(r.errors.map((e) => formatIssue(e)).join("\n"));
  return r.schema;
})();

const plain = (s: Schema) => JSON.parse(JSON.stringify(s));

describe("round trip model → référentiel table → model", () => {
  const models: [string, Schema][] = [
    ["small test model", small],
    ...BUILTIN_IDS.map((id): [string, Schema] => [id, loadBuiltin(id)]),
  ];

  test.each(models)("%s through CSV (, and ;)", (_name, schema) => {
    for (const delimiter of [",", ";"]) {
      const csv = writeCsv(toTable(schema), { delimiter, bom: true });
      expect(plain(ok(fromTable(readCsv(csv, "ref.csv"))))).toEqual(plain(schema));
    }
  });

  test.each(models)("%s through an .xlsx sheet", async (_name, schema) => {
    const buffer = await writeReferentielXlsx(toTable(schema));
    expect(plain(ok(fromTable(await readReferentielXlsx(buffer, "ref.xlsx"))))).toEqual(plain(schema));
  });

  test("one row per indicator, plus rows for sous-actions and for fiches without either", () => {
    const s = loadBuiltin("orne_2017_2021");
    const fiches = s.axes.flatMap((a) => a.fiches);
    const expected = fiches.reduce(
      (n, f) => n + f.sousActions.length + f.indicateurs.length + (f.sousActions.length + f.indicateurs.length ? 0 : 1),
      0,
    );
    expect(toTable(s).length - 1).toBe(expected);
  });
});

describe("a référentiel typed by hand", () => {
  const header = [
    "AXE",
    "n° fiche",
    "Fiche action",
    "Sous-action",
    "Calendrier",
    "indicateur",
    "type",
    "SENS",
    "Référence",
    "cible 2024",
    "cible 2025",
    "Pilote",
    "Partenaires",
  ];
  const rows: Cell[][] = [
    header,
    [
      "Prévention",
      "1",
      "Périnatalité",
      "Groupes de travail",
      "2024; 2025",
      "",
      "",
      "",
      "",
      "",
      "",
      "DPMIS",
      "CAF; ARS",
    ],
    ["", "", "", "", "", "Nombre de réunions", "nombre", "augmentation", "4", "6", "8", "", ""],
    ["", "", "", "", "", "Taux d'EPP", "taux", "", "8,5 %", "10", "12,5", "", ""],
    ["", "2", "Maison des 1000 jours", "", "", "Ouverture de la maison", "oui/non", "", "", "Oui", "", "DPMIS", ""],
    ["Protection", "3", "Accueil", "", "", "Durée moyenne", "mesure", "diminution", "", "", "", "DEF", ""],
  ];

  test("headers match case- and accent-insensitively, French words are understood, empty cells repeat the row above", () => {
    const s = ok(fromTable(table(rows, "mon référentiel.csv")));
    expect(s.id).toBe("mon_r_f_rentiel");
    expect(s.periode).toEqual({ debut: 2024, fin: 2025 });
    expect(s.axes.map((a) => [a.numero, a.titre, a.fiches.length])).toEqual([
      ["1", "Prévention", 2],
      ["2", "Protection", 1],
    ]);
    const f1 = s.axes[0]!.fiches[0]!;
    expect(f1.sousActions.map((x) => [x.libelle, x.calendrier?.periodes])).toEqual([
      ["Groupes de travail", ["2024", "2025"]],
    ]);
    expect(f1.indicateurs.map((i) => [i.type, i.sens, i.cibles, i.reference?.valeur])).toEqual([
      ["count", "hausse", { "2024": 6, "2025": 8 }, 4],
      ["rate", "aucun", { "2024": 10, "2025": 12.5 }, 8.5],
    ]);
    expect(s.partenaires.map((p) => p.nom)).toEqual(["DPMIS", "CAF", "ARS", "DEF"]);
    expect(f1.partenaires).toEqual(["p_caf", "p_ars"]);
    expect(s.axes[0]!.fiches[1]!.indicateurs[0]).toMatchObject({ type: "boolean", cibles: { "2024": true } });
    expect(s.axes[1]!.fiches[0]!.indicateurs[0]).toMatchObject({ type: "number", sens: "baisse", agregation: "mean" });
  });

  test("an unknown column is reported with its cell, not ignored", () => {
    const r = fromTable(table([[...header, "Observations"], ...rows.slice(1)]));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors.map((e) => formatIssue(e))).toEqual([
      expect.stringMatching(/^ref\.csv!N1 \(Observations\) : colonne « Observations » inconnue/),
    ]);
  });

  test("a duplicated column is reported", () => {
    const r = fromTable(table([[...header, "Type"], ...rows.slice(1)]));
    expect(!r.ok && r.errors[0]!.message).toBe("colonne « Type » présente deux fois (colonnes G et N)");
  });

  test("a table without Fiche column is refused", () => {
    const r = fromTable(
      table([
        ["Axe", "Indicateur"],
        ["A", "B"],
      ]),
    );
    expect(!r.ok && r.errors.map((e) => e.message)).toEqual(["colonne obligatoire « Fiche » absente"]);
  });

  test("a value that is not a number names its cell", () => {
    const bad = rows.map((r) => [...r]);
    bad[2]![9] = "six";
    const r = fromTable(table(bad));
    expect(!r.ok && formatIssue(r.errors[0]!)).toBe("ref.csv!J3 (cible 2024) : « six » n'est pas un nombre");
  });

  test("two different titles for the same fiche are a conflict naming both rows", () => {
    const bad = rows.map((r) => [...r]);
    bad[3]![1] = "1";
    bad[3]![2] = "Périnatalité et parentalité";
    const r = fromTable(table(bad));
    expect(!r.ok && formatIssue(r.errors[0]!)).toBe(
      "ref.csv!C4 (Fiche action) : « Fiche action » vaut « Périnatalité et parentalité » alors que la ligne 2 indique « Périnatalité » pour le même élément",
    );
  });

  test("model errors are located on the row they come from", () => {
    const bad = rows.map((r) => [...r]);
    bad[3]![6] = "pourcent";
    const r = fromTable(table(bad));
    expect(!r.ok && formatIssue(r.errors[0]!)).toBe(
      "ref.csv, ligne 4 : axes[0].fiches[0].indicateurs[1].type : valeur « pourcent » inconnue (attendu : count, rate, ratio, boolean, amount, number, text, date, echelle)",
    );
  });

  test("budgets as published: « 62,8 M€ », « 850 k€ », « 1 200 000 € », one budget line per line", () => {
    const header = ["Axe", "Budget axe", "Fiche", "Budget", "Budget du schéma", "Lignes budgétaires", "Cible 2024"];
    const lines = "Prévention | 9,3 M€\nHébergement | 53 500 000 | dont 9 M € en direction des MNA";
    const s = ok(
      fromTable(
        table([
          header,
          ["Prévention", "850 k€", "Périnatalité", "1 200 000 €", "62,8 M €", lines, ""],
          ["", "", "Accueil", "9,3 M€", "", "", ""],
        ]),
      ),
    );
    expect(s.budget).toEqual({
      montant: 62_800_000,
      postes: [
        { libelle: "Prévention", montant: 9_300_000 },
        { libelle: "Hébergement", montant: 53_500_000, precision: "dont 9 M € en direction des MNA" },
      ],
    });
    expect(s.axes[0]!.budget).toBe(850_000);
    expect(s.axes[0]!.fiches.map((f) => f.budget)).toEqual([1_200_000, 9_300_000]);
  });

  test("a budget line without an amount names its cell", () => {
    const r = fromTable(
      table([
        ["Axe", "Fiche", "Lignes budgétaires"],
        ["A", "F", "Prévention | beaucoup"],
      ]),
    );
    expect(!r.ok && formatIssue(r.errors[0]!)).toBe(
      "ref.csv!C2 (Lignes budgétaires) : ligne budgétaire « Prévention | beaucoup » illisible (attendu : « libellé | montant en euros | précision »)",
    );
  });

  test("semicolon CSV with BOM and decimal commas is read", () => {
    const csv = writeCsv(rows, { delimiter: ";", bom: true });
    expect(csv.startsWith("\uFEFFAXE;n° fiche;")).toBe(true);
    const s = ok(fromTable(readCsv(csv, "ref.csv")));
    expect(s.axes[0]!.fiches[0]!.indicateurs[1]!.cibles).toEqual({ "2024": 10, "2025": 12.5 });
  });

  test("an empty table is refused", () => {
    expect(fromTable(table([])).ok).toBe(false);
    expect(fromTable(table([header])).ok).toBe(false);
  });
});
