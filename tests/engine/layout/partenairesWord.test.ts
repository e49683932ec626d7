/** The fiche header names the partenaires with the document's own word: « Acteurs » (Essonne), « Partenaires associés » (Orne). */
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
