import { readFileSync } from "node:fs";
import { join } from "node:path";
import { jsonSchemaText } from "../../src/model/jsonSchema";

test("the shipped JSON Schema is the one generated from the zod model (run `npm run schema:json` after changing it)", () => {
  const shipped = readFileSync(join(__dirname, "..", "..", "schema", "bilan-schema.json"), "utf8");
  expect(shipped).toBe(jsonSchemaText());
});

test("the JSON Schema documents the value types and requires the core fields", () => {
  const schema = JSON.parse(jsonSchemaText());
  expect(schema.required).toEqual(expect.arrayContaining(["id", "version", "titre", "departement", "periode", "axes"]));
  const text = JSON.stringify(schema);
  expect(text).toContain('"enum":["count","rate","ratio","boolean","amount","number","text","date","echelle"]');
  expect(text).toContain("Cibles par année");
});

test("built-in models point editors to the JSON Schema", () => {
  for (const f of ["essonne-2022-2026", "orne-2017-2021", "puy-de-dome-2019-2023", "fiche-action-5-2022-2026"]) {
    const json = JSON.parse(readFileSync(join(__dirname, "..", "..", "src", "model", "schemas", `${f}.json`), "utf8"));
    expect(json.$schema).toBe("../../../schema/bilan-schema.json");
  }
});
