/**
 * Partners as published, in the fiche headers: the document's own word for them (« Acteurs », « Partenaires
 * associés », « Contributeurs »), a direction with its services, names by alias, and a list kept as published
 * when it carries qualifiers (« notamment ») or stays open (« … »).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { loadBuiltin } from "../../../src/model/builtins";
import { parseSchema } from "../../../src/model/parse";
import { planOf } from "../../support/plans";
import { validModel } from "../../model/fixtures";

const seed = (name: string) => readFileSync(join(__dirname, "..", "..", "fixtures", "seeds", name), "utf8");
const headerLines = (schema: ReturnType<typeof loadBuiltin>) =>
  planOf(schema)
    .sheets.flatMap((s) => s.cells)
    .filter((c) => c.style === "ficheInfo")
    .map((c) => String(c.value));

test.each([
  ["essonne_2022_2026", "001_f92ac682515ef611.txt", "ACTEURS", "Acteurs"],
  ["orne_2017_2021", "000_f347ab01f42fc101.txt", "Partenaires associés", "Partenaires associés"],
])("%s: the published heading « %s » gives the word of the fiche headers", (id, file, published, word) => {
  expect(seed(file)).toMatch(new RegExp(`^(<p>)?${published}(</p>)?$|\\t${published}$`, "m"));
  const schema = loadBuiltin(id);
  expect(schema.niveaux.partenaires).toBe(word);
  const lines = headerLines(schema);
  expect(lines.filter((l) => l.startsWith(`${word}\u00a0: `)).length).toBeGreaterThan(0);
  if (word !== "Partenaires") expect(lines.filter((l) => l.startsWith("Partenaires\u00a0:"))).toEqual([]);
});

test("« Contributeurs »: a model's word for its partenaires, kept through the parser", () => {
  const m = validModel();
  m.niveaux = { ...(m.niveaux ?? {}), partenaires: "Contributeurs" };
  const r = parseSchema(m);
  if (!r.ok) throw new Error("invalid");
  expect(r.schema.niveaux.partenaires).toBe("Contributeurs");
  const lines = headerLines(r.schema);
  expect(lines.some((l) => l.startsWith("Contributeurs\u00a0: "))).toBe(true);
});

test("Essonne fa_24: « Pilotes : DPPE (STE-CST, SAAP-CS, SPOP-CS Pilotage) », the services under their direction", () => {
  const lines = headerLines(loadBuiltin("essonne_2022_2026"));
  expect(lines).toContain("Pilotes\u00a0: DPPE (STE-CST, SAAP-CS, SPOP-CS Pilotage)");
});

describe("a model's partners as published", () => {
  const m = validModel();
  m.partenaires = [
    { nom: "Direction de l'enfance", sigle: "DEF" },
    { nom: "Service de l'aide sociale à l'enfance", sigle: "ASE", rattachement: "DEF", alias: ["Service ASE"] },
    { nom: "Direction départementale de la cohésion sociale", sigle: "DDCS" },
    { nom: "Caisse d'allocations familiales", sigle: "CAF" },
  ];
  const fiche = m.axes[0].fiches[0];
  fiche.pilotes = ["DEF", "Service ASE"];
  fiche.partenaires = ["CAF", "DDCS"];
  fiche.partenairesPublies = "CAF, services de l'État (DDCS notamment)…";

  test("an alias names its actor; the service shows under its direction; the published list is shown as it is", () => {
    const r = parseSchema(m);
    if (!r.ok) throw new Error(r.errors.map((e) => e.message).join("\n"));
    const f = r.schema.axes[0]!.fiches[0]!;
    expect(f.pilotes).toEqual(["p_direction_de_l_enfance", "p_service_de_l_aide_sociale_a_l_enfance"]);
    expect(r.schema.partenaires[1]!.rattachement).toBe("p_direction_de_l_enfance");
    const lines = headerLines(r.schema);
    expect(lines).toContain("Pilotes\u00a0: Direction de l'enfance (Service de l'aide sociale à l'enfance)");
    expect(lines).toContain("Partenaires\u00a0: CAF, services de l'État (DDCS notamment)…");
  });

  test("a rattachement names a known actor, and no actor belongs to itself", () => {
    const bad = structuredClone(m);
    bad.partenaires[0].rattachement = "Service ASE";
    bad.partenaires[3].rattachement = "Préfecture";
    const r = parseSchema(bad);
    expect(r.ok ? [] : r.errors.map((e) => `${e.path} : ${e.message}`)).toEqual([
      "partenaires[3].rattachement : rattachement « Préfecture » introuvable : il nomme un autre acteur de la même liste (connus : Direction de l'enfance, Service de l'aide sociale à l'enfance, Direction départementale de la cohésion sociale, Caisse d'allocations familiales)",
      "partenaires[0].rattachement : « Direction de l'enfance » relève, par ses rattachements, de lui-même : une direction est au sommet",
      "partenaires[1].rattachement : « Service de l'aide sociale à l'enfance » relève, par ses rattachements, de lui-même : une direction est au sommet",
    ]);
  });
});
