/**
 * The built-in schémas, transcribed from published documents. They are parsed
 * (and so checked) the first time they are asked for.
 */

import essonne from "./schemas/essonne-2022-2026.json";
import orne from "./schemas/orne-2017-2021.json";
import puyDeDome from "./schemas/puy-de-dome-2019-2023.json";
import ficheAction5 from "./schemas/fiche-action-5-2022-2026.json";
import { parseSchemaOrThrow } from "./parse";
import type { Schema } from "./schema";
import { countSchema, type SchemaSummary } from "./summary";

const SOURCES: Record<string, unknown> = {
  essonne_2022_2026: essonne,
  orne_2017_2021: orne,
  puy_de_dome_2019_2023: puyDeDome,
  fiche_action_5_2022_2026: ficheAction5,
};

const cache = new Map<string, Schema>();

export const BUILTIN_IDS = Object.keys(SOURCES);

export function isBuiltin(id: string): boolean {
  return id in SOURCES;
}

export function loadBuiltin(id: string): Schema {
  let schema = cache.get(id);
  if (!schema) {
    const source = SOURCES[id];
    if (source === undefined) throw new Error(`unknown built-in schéma: ${id}`);
    schema = parseSchemaOrThrow(source, id);
    cache.set(id, schema);
  }
  return schema;
}

export function builtinSummaries(): SchemaSummary[] {
  return BUILTIN_IDS.map((id) => countSchema(loadBuiltin(id)));
}
