/** Writes schema/bilan-schema.json from the zod model (run after changing src/model/schema.ts). */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { jsonSchemaText } from "../src/model/jsonSchema";

const file = join(__dirname, "..", "schema", "bilan-schema.json");
writeFileSync(file, jsonSchemaText());
console.log(`écrit : ${file}`);
