/**
 * The *Règles* sheet of a référentiel workbook: written beside the table when the model has rules, read back to
 * the same rules, typed the way people type (« Erreur », « Jamais »), errors placed on their cell.
 */
import { parseSchemaOrThrow } from "../../src/model/parse";
import { fromTable } from "../../src/model/referentiel/fromTable";
import { toTable } from "../../src/model/referentiel/toTable";
import { reglesToTable } from "../../src/model/referentiel/regles";
import { readReferentielXlsx, writeReferentielXlsx } from "../../src/hosts/xlsx/referentielSheet";
import type { Cell } from "../../src/model/referentiel/cells";
import { validModel } from "./fixtures";

const m = validModel();
m.regles = [
  {
    id: "reunions",
    gauche: "fa_1.ind_1[Y]",
    operateur: ">=",
    droite: "fa_1.ind_1[Y-1]",
    severite: "info",
    message: "Moins de réunions : {gauche} contre {droite}",
    manquants: "jamais",
  },
  { id: "taux", gauche: "fa_1.ind_3", operateur: "<=", droite: "100 - realisees(fa_1)" },
];
const schema = parseSchemaOrThrow(m, "regles");

async function roundTrip(regles: Cell[][]) {
  const file = await writeReferentielXlsx(toTable(schema), regles);
  return fromTable(await readReferentielXlsx(file, "ref.xlsx"));
}

test("the rules go through the Règles sheet and come back the same", async () => {
  const r = await roundTrip(reglesToTable(schema.regles));
  expect(r.ok).toBe(true);
  if (r.ok) expect(r.schema.regles).toEqual(schema.regles);
});

test("a model without rules writes no Règles sheet", () => {
  expect(reglesToTable([])).toEqual([]);
});

test("severities and strategies typed as words; columns named loosely", async () => {
  const r = await roundTrip([
    ["ID", "gauche", "Operateur", "Droite", "Severite", "Manquants"],
    ["r1", "fa_1.ind_1", "<=", "50", "Erreur", "Ignorer si tous manquent"],
  ]);
  expect(r.ok).toBe(true);
  if (r.ok)
    expect(r.schema.regles).toEqual([
      {
        id: "r1",
        gauche: "fa_1.ind_1",
        operateur: "<=",
        droite: "50",
        severite: "erreur",
        manquants: "ignorer-si-tous-manquent",
      },
    ]);
});

test("a rule's error names its cell of the Règles sheet", async () => {
  const r = await roundTrip([
    ["Id", "Gauche", "Opérateur", "Droite", "Portée"],
    ["r1", "fa_1.ind_1", "<=", "fa_1.ind_9"],
    [],
    ["r2", "fa_1.ind_1 * (2", "=<", "1"],
  ]);
  expect(r.ok).toBe(false);
  if (!r.ok) expect(r.errors.map((e) => e.path)).toEqual(["[ref.xlsx]Règles!E1 (Portée)"]);
  // The format first (an unknown operator), then, once it holds, what the rules say.
  const format = await roundTrip([
    ["Id", "Gauche", "Opérateur", "Droite"],
    ["r1", "fa_1.ind_1", "<=", "fa_1.ind_9"],
    [],
    ["r2", "fa_1.ind_1 * (2", "=<", "1"],
  ]);
  expect(format.ok).toBe(false);
  if (!format.ok) expect(format.errors.map((e) => e.path)).toEqual(["[ref.xlsx]Règles!C4 (Opérateur)"]);
  const rules = await roundTrip([
    ["Id", "Gauche", "Opérateur", "Droite"],
    ["r1", "fa_1.ind_1", "<=", "fa_1.ind_9"],
    [],
    ["r2", "fa_1.ind_1 * (2", "<", "1"],
  ]);
  expect(rules.ok).toBe(false);
  if (!rules.ok)
    expect(rules.errors.map((e) => `${e.path} : ${e.message}`)).toEqual([
      "[ref.xlsx]Règles!D2 (Droite) : règle r1 : indicateur « fa_1.ind_9 » inconnu",
      "[ref.xlsx]Règles!B4 (Gauche) : règle r2, colonne 16 : parenthèse ou crochet fermant attendu",
    ]);
});
