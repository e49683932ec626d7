/** The JSON Schema of the model, derived from the zod schemas, for completion in authors' editors. */
import { z } from "zod";
import { SchemaModel } from "./schema";

export function jsonSchemaText(): string {
  const schema = z.toJSONSchema(SchemaModel, { io: "input", target: "draft-2020-12" });
  const titled = {
    $schema: schema.$schema,
    title: "Modèle de schéma départemental de l'enfance et de la famille (Bilan Schéma)",
    ...schema,
  };
  return `${JSON.stringify(titled, null, 2)}\n`;
}
