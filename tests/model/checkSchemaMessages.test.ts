/**
 * The check-schema messages found wanting when tried (issue 14): each with the wording an author can act on.
 */
import { formatIssue } from "../../src/model/issues";
import { parseSchema, parseSchemaJson } from "../../src/model/parse";
import type { Cell } from "../../src/model/referentiel/cells";
import { fromTable } from "../../src/model/referentiel/fromTable";
import { validModel, type Mutable } from "./fixtures";

function messages(r: ReturnType<typeof parseSchema>, lang: "fr" | "en" = "fr"): string[] {
  if (r.ok) throw new Error("expected errors, the model was accepted");
  return r.errors.map((e) => formatIssue(e, lang));
}
const broken = (mutate: (m: Mutable) => void) => {
  const m = validModel();
  mutate(m);
  return messages(parseSchema(m));
};

describe("a duplicated number", () => {
  test("is said once, at the second number, naming the first: no error about an id the author never wrote", () => {
    const sa = "axes[0].fiches[0].sousActions";
    expect(
      broken((m) => {
        m.axes[0].fiches[0].sousActions[0].numero = "1";
        m.axes[0].fiches[0].sousActions[1].numero = "1";
        delete m.axes[0].fiches[0].indicateurs[3].sousAction;
      }),
    ).toEqual([`${sa}[1].numero : numéro « 1 » déjà utilisé par ${sa}[0]`]);
  });

  test("of two fiches and of two axes, too", () => {
    expect(broken((m) => (m.axes[1].fiches[0].numero = m.axes[0].fiches[0].numero))).toEqual([
      "axes[1].fiches[0].numero : numéro « 1 » déjà utilisé par axes[0].fiches[0]",
    ]);
    expect(broken((m) => (m.axes[1].numero = "1"))).toEqual(["axes[1].numero : numéro « 1 » déjà utilisé par axes[0]"]);
  });

  test("an id made from a number that another id made from a position took says where each came from", () => {
    expect(
      broken((m) => {
        m.axes[0].fiches[0].sousActions[1].numero = "1";
        delete m.axes[0].fiches[0].indicateurs[3].sousAction;
      }),
    ).toEqual([
      "axes[0].fiches[0].sousActions[1] : identifiant « fa_1.sa_1 », tiré du numéro « 1 », déjà pris par " +
        "axes[0].fiches[0].sousActions[0] : donner un « id » à l'un des deux",
    ]);
  });
});

describe("a JSON syntax error is said in words, with its line and column", () => {
  test("a comma before the closing brace", () => {
    expect(messages(parseSchemaJson('{\n  "id": "x",\n  "titre": "y",\n}'))).toEqual([
      "JSON invalide ligne 3, colonne 15 : virgule en trop avant la fin de l'objet ou de la liste",
    ]);
  });

  test("a field name without quotes, never jsonc-parser's code name", () => {
    expect(messages(parseSchemaJson('{\n  "id": "x",\n  titre: "y"\n}'))).toEqual([
      'JSON invalide ligne 3, colonne 3 : nom de champ « titre » sans guillemets droits (écrire "titre")',
    ]);
    expect(messages(parseSchemaJson('{"id": "x", 12: "y"}'))).toEqual([
      'JSON invalide ligne 1, colonne 13 : nom de champ attendu entre guillemets droits ("titre")',
    ]);
    expect(messages(parseSchemaJson('{"id": "x", 12: "y"}'), "en")).toEqual([
      'invalid JSON at line 1, column 13: field name expected, in straight double quotes ("titre")',
    ]);
  });

  test("a missing comma and a comment", () => {
    expect(messages(parseSchemaJson('{"id": "x" "titre": "y"}'))).toEqual([
      "JSON invalide ligne 1, colonne 12 : virgule attendue entre deux éléments",
    ]);
    expect(messages(parseSchemaJson('{"id": "x" // mon schéma\n}'))).toEqual([
      "JSON invalide ligne 1, colonne 12 : commentaire : le JSON n'en admet pas",
    ]);
  });
});

describe("a text where an object is expected names the object", () => {
  test("by the numbers the author gave, else by position", () => {
    expect(broken((m) => (m.axes[1].fiches[0] = "Fiche 3"))).toEqual([
      "axes[1].fiches[0] : la fiche en position 1 de l'axe 2 : texte reçu (attendu : objet)",
    ]);
    expect(broken((m) => (m.axes[0].fiches[0].indicateurs[2] = "Taux de dépistage"))).toEqual([
      "axes[0].fiches[0].indicateurs[2] : l'indicateur en position 3 de la fiche 1 de l'axe 1 : texte reçu (attendu : objet)",
    ]);
  });

  test("in English", () => {
    const m = validModel();
    m.axes[0].fiches[0].sousActions[1] = "Former";
    expect(messages(parseSchema(m), "en")).toEqual([
      "axes[0].fiches[0].sousActions[1]: the sous-action at position 2 of fiche 1 of axe 1: got text (expected: object)",
    ]);
  });
});

describe("an unknown partenaire", () => {
  const many = (m: Mutable) => {
    m.partenaires = Array.from({ length: 37 }, (_, i) => ({ nom: `Partenaire ${i + 1}` }));
    m.axes[0].fiches[0].pilotes = ["Partenaire 1"];
    m.axes[0].fiches[0].partenaires = ["Partenaire 2", "Service inconnu"];
  };

  test("lists every known name, each quoted, and never « … » as if it were one", () => {
    const [message, ...rest] = broken(many);
    expect(rest).toEqual([]);
    expect(message).toMatch(/^axes\[0\]\.fiches\[0\]\.partenaires\[1\] : partenaire « Service inconnu » inconnu : /);
    for (let i = 1; i <= 37; i++) expect(message).toContain(`« Partenaire ${i} »`);
    expect(message).not.toContain("…");
    expect(message).toMatch(/« Partenaire 36 », « Partenaire 37 »\)$/);
  });

  test("suggests the closest known name", () => {
    expect(
      broken((m) => {
        many(m);
        m.axes[0].fiches[0].partenaires[1] = "Partenair 12";
      }),
    ).toEqual([expect.stringMatching(/partenaire « Partenair 12 » inconnu : vouliez-vous dire « Partenaire 12 » \?/)]);
  });
});

test("a number typed in quotes is called a text, shown in its quotes", () => {
  expect(broken((m) => (m.axes[0].fiches[0].indicateurs[0].cibles = { "2024": "20" }))).toEqual([
    'axes[0].fiches[0].indicateurs[0].cibles["2024"] : texte "20" invalide (attendu : un nombre, true/false ou ' +
      "une date AAAA-MM-JJ ; un nombre s'écrit sans guillemets)",
  ]);
  const m = validModel();
  m.axes[0].fiches[0].indicateurs[0].reference = { valeur: "20" };
  expect(messages(parseSchema(m), "en")).toEqual([
    'axes[0].fiches[0].indicateurs[0].reference.valeur: invalid text "20" (expected: a number, true/false or a ' +
      "YYYY-MM-DD date; a number is written without quotes)",
  ]);
});

describe("the référentiel's unknown column hint", () => {
  const table = (rows: Cell[][]) => ({ source: "ref.csv", fileName: "ref.csv", firstRow: 1, rows });
  const header = ["Début", "Fin", "Axe", "Fiche", "Indicateur", "Type", "Cibles"];

  test("shows target columns with the schéma's own years", () => {
    const r = fromTable(table([header, [2019, 2023, "Axe", "Fiche", "Nombre", "count", ""]]));
    expect(!r.ok && r.errors.map((e) => formatIssue(e))).toEqual([
      "ref.csv!G1 (Cibles) : colonne « Cibles » inconnue (colonnes reconnues : Axe, Fiche, Indicateur, Type, " +
        "Cible 2019 … Cible 2023)",
    ]);
  });

  test("and a placeholder year when the table gives none", () => {
    const r = fromTable(table([header.slice(2), ["Axe", "Fiche", "Nombre", "count", ""]]));
    expect(!r.ok && r.errors.map((e) => formatIssue(e, "en"))).toEqual([
      "ref.csv!E1 (Cibles): unknown column “Cibles” (known columns: Axe, Fiche, Indicateur, Type, Cible YYYY)",
    ]);
  });
});
