/**
 * The rules an ODPE writes in the model: the expression language (a recursive-descent parser, errors at their
 * column) and what `check-schema` says of a rule (unknown ids, years outside the period, syntax).
 */
import { parseExpression, referencesOf, type Expr } from "../../src/model/expression";
import { parseSchema } from "../../src/model/parse";
import { validModel } from "./fixtures";

const expr = (src: string): Expr => {
  const r = parseExpression(src);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.expr;
};

describe("the expression language", () => {
  test("precedence, parentheses, unary minus, decimal commas", () => {
    expect(expr("1 + 2 * 3")).toEqual({
      kind: "binaire",
      op: "+",
      left: { kind: "nombre", value: 1 },
      right: { kind: "binaire", op: "*", left: { kind: "nombre", value: 2 }, right: { kind: "nombre", value: 3 } },
    });
    expect(expr("(1 - 2) / -0,5")).toEqual({
      kind: "binaire",
      op: "/",
      left: { kind: "binaire", op: "-", left: { kind: "nombre", value: 1 }, right: { kind: "nombre", value: 2 } },
      right: { kind: "negatif", operand: { kind: "nombre", value: 0.5 } },
    });
  });

  test("indicator ids with their year selectors, and counting functions", () => {
    const refs = referencesOf(
      expr("fa_3.ind_1[Y] - fa_3.ind_1[Y-1] + fa_6.ind_2 * fa_6.ind_2[2024] / realisees(fa_3)"),
    );
    expect(refs.map((r) => r.text)).toEqual([
      "fa_3.ind_1[Y]",
      "fa_3.ind_1[Y-1]",
      "fa_6.ind_2",
      "fa_6.ind_2[2024]",
      "realisees(fa_3)",
    ]);
    expect(refs.map((r) => (r.kind === "indicateur" ? r.year : r.fn))).toEqual([
      { offset: 0 },
      { offset: -1 },
      { offset: 0 },
      { year: 2024 },
      "realisees",
    ]);
  });

  test.each([
    ["fa_1.ind_1 +", 13, "operandExpected", undefined],
    ["(fa_1.ind_1 + 2", 16, "closingExpected", undefined],
    ["fa_1.ind_1 ] 2", 12, "unexpected", "]"],
    ["fa_1.ind_1 % 2", 12, "unexpected", "%"],
    ["fa_1.ind_1[X]", 12, "yearExpected", "X"],
    ["fa_1.ind_1[Y-a]", 14, "yearExpected", "a"],
    ["somme(fa_1)", 1, "unknownFunction", "somme"],
    ["realisees(3)", 11, "idExpected", "3"],
    ["   ", 4, "empty", undefined],
    ["2 3", 3, "unexpected", "3"],
  ])("« %s »: column %i, %s", (src, column, problem, found) => {
    const r = parseExpression(src);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toEqual({ column, problem, ...(found !== undefined ? { found } : {}) });
  });
  test("a ratio's parts, with or without a year", () => {
    const refs = referencesOf(expr("fa_1.ind_2.numerateur[Y-1] / fa_1.ind_2.denominateur"));
    expect(refs).toEqual([
      {
        kind: "indicateur",
        id: "fa_1.ind_2",
        part: "numerateur",
        year: { offset: -1 },
        text: "fa_1.ind_2.numerateur[Y-1]",
      },
      {
        kind: "indicateur",
        id: "fa_1.ind_2",
        part: "denominateur",
        year: { offset: 0 },
        text: "fa_1.ind_2.denominateur",
      },
    ]);
  });
});

describe("check-schema on rules", () => {
  const withRules = (regles: unknown[]) => {
    const m = validModel();
    m.regles = regles;
    return parseSchema(m);
  };

  test("a good rule passes, with its defaults", () => {
    const r = withRules([
      { id: "r1", gauche: "fa_1.ind_1[Y]", operateur: ">=", droite: "fa_1.ind_1[Y-1] + realisees(fa_1)" },
    ]);
    expect(r.ok).toBe(true);
    if (r.ok)
      expect(r.schema.regles).toEqual([
        {
          id: "r1",
          gauche: "fa_1.ind_1[Y]",
          operateur: ">=",
          droite: "fa_1.ind_1[Y-1] + realisees(fa_1)",
          severite: "avertissement",
          manquants: "ignorer-si-un-manque",
        },
      ]);
  });

  test("a syntax error names the rule, its side and its column", () => {
    const r = withRules([{ id: "r3", gauche: "fa_1.ind_1", operateur: "<=", droite: "fa_1.ind_3 * (2 + )" }]);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors.map((e) => e.path)).toEqual(["regles[0].droite"]);
      expect(r.errors[0]!.message).toBe("règle r3, colonne 19 : opérande attendu (trouvé « ) »)");
      expect(r.errors[0]!.messageEn).toBe("rule r3, column 19: operand expected (found “)”)");
    }
  });

  test("unknown ids, a text indicator, a year outside the period, a duplicate id, an unknown placeholder", () => {
    const r = withRules([
      { id: "r1", gauche: "fa_1.ind_9", operateur: "<=", droite: "fa_1.ind_5 + realisees(fa_7)" },
      { id: "r1", gauche: "fa_1.ind_1[2030]", operateur: "<=", droite: "fa_1.ind_1[Y-9]", message: "{fa_1.ind_2} ?" },
    ]);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors.map((e) => [e.path, e.message])).toEqual([
        ["regles[0].gauche", "règle r1 : indicateur « fa_1.ind_9 » inconnu"],
        ["regles[0].droite", "règle r1 : l'indicateur « fa_1.ind_5 » est de type text, pas un nombre"],
        ["regles[0].droite", "règle r1 : fiche ou sous-action « fa_7 » inconnue"],
        ["regles[1].id", "identifiant « r1 » déjà utilisé par regles[0]"],
        ["regles[1].gauche", "règle r1 : « fa_1.ind_1[2030] » hors de la période du schéma (2022–2026)"],
        ["regles[1].droite", "règle r1 : « fa_1.ind_1[Y-9] » hors de la période du schéma (2022–2026)"],
      ]);
      expect(r.warnings.map((w) => w.path)).toEqual(["regles[1].message"]);
    }
  });

  test("a ratio's part of a ratio passes; of a count, it is refused naming the type", () => {
    expect(
      withRules([{ id: "r1", gauche: "fa_1.ind_2.numerateur", operateur: "<=", droite: "fa_1.ind_2.denominateur" }]).ok,
    ).toBe(true);
    const r = withRules([{ id: "r2", gauche: "fa_1.ind_1.numerateur", operateur: "<=", droite: "fa_1.ind_1" }]);
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.errors.map((e) => [e.path, e.message])).toEqual([
        [
          "regles[0].gauche",
          "règle r2 : « fa_1.ind_1.numerateur » nomme une partie d'un ratio, mais l'indicateur « fa_1.ind_1 » est de type count",
        ],
      ]);
  });

  test("an unknown operator or missing-value strategy is refused by the format", () => {
    const r = withRules([{ id: "r1", gauche: "1", operateur: "=<", droite: "2", manquants: "parfois" }]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => e.path).sort()).toEqual(["regles[0].manquants", "regles[0].operateur"]);
  });
});
