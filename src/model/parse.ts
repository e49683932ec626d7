/**
 * Entry point for reading a schéma model: typed model, or the list of every
 * problem with its JSON path (structure first, then cross-field checks).
 */
import { phrase, type MessageKey } from "../i18n";
import { parseTree, printParseErrorCode, type ParseError } from "jsonc-parser";
import { checkModel } from "./checks";
import { issue, type ModelIssue } from "./issues";
import { normalize } from "./normalize";
import { SchemaModel, type Schema } from "./schema";
import { fromZodIssues } from "./zodIssues";

export type ParseResult =
  { ok: true; schema: Schema; warnings: ModelIssue[] } | { ok: false; errors: ModelIssue[]; warnings: ModelIssue[] };

export function parseSchema(data: unknown): ParseResult {
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    return { ok: false, errors: [issue("", "model.notObject")], warnings: [] };
  }
  const parsed = SchemaModel.safeParse(data, { reportInput: true });
  if (!parsed.success)
    return { ok: false, errors: fromZodIssues(SchemaModel, parsed.error.issues, data), warnings: [] };

  const { schema, paths, errors } = normalize(parsed.data);
  const checks = checkModel(schema, paths);
  const all = [...errors, ...checks.errors];
  return all.length
    ? { ok: false, errors: all, warnings: checks.warnings }
    : { ok: true, schema, warnings: checks.warnings };
}

/**
 * How deep JSON may nest. A model nests ten levels (axes, fiches, sous-actions, calendrier, jalons); far deeper
 * input is refused before anything recursive (zod, jsonc-parser) runs out of stack on it.
 */
export const MAX_JSON_DEPTH = 64;

/** Parses JSON text; a syntax error or too deep a nesting is reported with its line and column. */
export function parseSchemaJson(text: string): ParseResult {
  const body = text.replace(/^\uFEFF/, "");
  const deep = tooDeepAt(body, MAX_JSON_DEPTH);
  if (deep !== undefined)
    return {
      ok: false,
      errors: [issue("", "model.tooDeep", { ...lineColumn(body, deep), max: MAX_JSON_DEPTH })],
      warnings: [],
    };
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch (e) {
    return { ok: false, errors: [jsonSyntaxIssue(body, e)], warnings: [] };
  }
  return parseSchema(data);
}

/**
 * JSON.parse does not always say where; jsonc-parser does (it is only asked after JSON.parse failed). Its error
 * codes (`PropertyNameExpected`) are said in words; a comma before `}` or `]`, the commonest slip, is named as such.
 */
function jsonSyntaxIssue(text: string, e: unknown): ModelIssue {
  const errors: ParseError[] = [];
  parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
  const first = errors[0];
  if (!first)
    return issue("", "model.json", { ...lineColumn(text, 0), detail: e instanceof Error ? e.message : String(e) });
  const where = lineColumn(text, first.offset);
  const code = printParseErrorCode(first.error);
  const before = text.slice(0, first.offset).trimEnd();
  if (
    (code === "PropertyNameExpected" || code === "ValueExpected") &&
    before.endsWith(",") &&
    /^\s*[}\]]/.test(text.slice(first.offset))
  )
    return issue("", "model.jsonTrailingComma", lineColumn(text, before.length - 1));
  // `titre: …` or `'titre': …`, as in JavaScript: a field name without JSON's double quotes.
  const unquoted = /^'?([A-Za-z_$][\w$]*)'?\s*:/.exec(text.slice(first.offset));
  if (code === "InvalidSymbol" && unquoted) return issue("", "model.jsonUnquotedKey", { ...where, name: unquoted[1]! });
  return issue("", "model.json", { ...where, detail: phrase(`model.jsonError.${code}` as MessageKey) });
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  return { line: before.split("\n").length, column: offset - before.lastIndexOf("\n") };
}

/** The offset of the bracket that opens one level more than `max`, outside strings; undefined if none does. */
function tooDeepAt(text: string, max: number): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: the next character is escaped
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return i;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return undefined;
}

/** Parses a model that must be valid (built-ins): throws with every message otherwise. */
export function parseSchemaOrThrow(data: unknown, name: string): Schema {
  const r = parseSchema(data);
  if (!r.ok) throw new Error(`${name}:\n${r.errors.map((e) => `  ${e.path} : ${e.message}`).join("\n")}`);
  return r.schema;
}
