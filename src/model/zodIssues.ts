/** Turns zod's issues into ModelIssues with readable French/English messages. */
import type { z } from "zod";
import { closest } from "../util/text";
import { issue, type ModelIssue, type PathSegment } from "./issues";
import { DATE_PATTERN, ID_PATTERN, LINE_PATTERN, LONE_SURROGATE, PERIODE_PATTERN, YEAR_PATTERN } from "./schema";

const TYPE_NAMES: Record<string, string> = {
  string: "texte",
  number: "nombre",
  int: "nombre entier",
  boolean: "booléen (true/false)",
  object: "objet",
  array: "liste",
  undefined: "rien",
  null: "null",
};

function typeName(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return TYPE_NAMES.array!;
  return TYPE_NAMES[typeof value] ?? typeof value;
}

function show(value: unknown): string {
  if (typeof value === "string") return value;
  const json = JSON.stringify(value);
  return json === undefined ? String(value) : json.length > 60 ? `${json.slice(0, 57)}…` : json;
}

/** Which human rule a regex stands for (zod reports the pattern as `/source/`). */
function formatCode(pattern: string | undefined) {
  switch (pattern?.replace(/^\/(.*)\/[a-z]*$/, "$1")) {
    case ID_PATTERN.source:
      return "model.format.id" as const;
    case PERIODE_PATTERN.source:
      return "model.format.periode" as const;
    case LINE_PATTERN.source:
      return "model.format.line" as const;
    case YEAR_PATTERN.source:
      return "model.format.annee" as const;
    case DATE_PATTERN.source:
      // Only a target or baseline (a number, true/false or a date) is checked against it.
      return "model.valeur" as const;
    default:
      return "model.format.other" as const;
  }
}

type AnySchema = z.ZodType & { _zod: { def: Record<string, unknown> & { type: string } } };

/** The field names allowed by the object schema found at `path`, for "did you mean" hints. */
function keysAt(schema: AnySchema, path: readonly PathSegment[]): string[] {
  let s: AnySchema | undefined = schema;
  const unwrap = () => {
    while (s && ["optional", "default", "nullable", "prefault"].includes(s._zod.def.type))
      s = s._zod.def.innerType as AnySchema;
  };
  for (const seg of path) {
    unwrap();
    if (!s) return [];
    const def: AnySchema["_zod"]["def"] = s._zod.def;
    if (def.type === "object") s = (def.shape as Record<string, AnySchema>)[String(seg)];
    else if (def.type === "array") s = def.element as AnySchema;
    else if (def.type === "record") s = def.valueType as AnySchema;
    else return [];
  }
  unwrap();
  return s?._zod.def.type === "object" ? Object.keys(s._zod.def.shape as object) : [];
}

export function fromZodIssues(root: z.ZodType, issues: readonly z.core.$ZodIssue[]): ModelIssue[] {
  const out: ModelIssue[] = [];
  for (const i of issues) {
    const path = i.path as PathSegment[];
    const input = (i as { input?: unknown }).input;
    if (input === undefined && (i.code === "invalid_type" || i.code === "invalid_value")) {
      const expected =
        i.code === "invalid_value" ? i.values.map(String).join(", ") : (TYPE_NAMES[i.expected] ?? i.expected);
      out.push(issue(path, "model.missing", { expected }));
      continue;
    }
    switch (i.code) {
      case "invalid_type":
        if (input === undefined) {
          out.push(issue(path, "model.missing", { expected: TYPE_NAMES[i.expected] ?? i.expected }));
        } else if (i.expected === "int") {
          out.push(issue(path, "model.notInteger", { value: show(input) }));
        } else {
          out.push(
            issue(path, "model.type", { received: typeName(input), expected: TYPE_NAMES[i.expected] ?? i.expected }),
          );
        }
        break;
      case "invalid_value": {
        const options = i.values.map((v) => String(v)).join(", ");
        const code = i.values.length === 1 ? "model.literal" : "model.enum";
        out.push(issue(path, code, { value: show(input), options }));
        break;
      }
      case "too_small":
        if (i.origin === "string") out.push(issue(path, "model.emptyText"));
        else if (i.origin === "array") out.push(issue(path, "model.tooFewItems", { min: Number(i.minimum) }));
        else out.push(issue(path, "model.tooSmall", { value: show(input), min: String(i.minimum) }));
        break;
      case "too_big":
        // Never the text itself in the message: it may be megabytes long.
        if (i.origin === "string")
          out.push(issue(path, "model.tooLong", { length: String(input).length, max: Number(i.maximum) }));
        else out.push(issue(path, "model.tooBig", { value: show(input), max: String(i.maximum) }));
        break;
      case "invalid_format":
        out.push(issue(path, formatCode((i as { pattern?: string }).pattern), { value: show(input) }));
        break;
      case "invalid_key":
        // A record key (a year in `cibles`): zod reports the key's own issues inside.
        out.push(
          ...fromZodIssues(
            root,
            i.issues.map((sub) => ({ ...sub, path: [...path, ...sub.path] })),
          ),
        );
        break;
      case "unrecognized_keys":
        for (const key of i.keys) {
          const suggestion = closest(key, keysAt(root as AnySchema, path));
          out.push(
            suggestion
              ? issue([...path, key], "model.unknownKeysSuggest", { keys: `« ${key} »`, suggestion })
              : issue([...path, key], "model.unknownKeys", { keys: `« ${key} »` }),
          );
        }
        break;
      case "invalid_union":
        out.push(issue(path, "model.valeur", { value: show(input) }));
        break;
      case "custom":
        if (i.params?.code === "surrogate" && typeof input === "string") {
          const position = input.search(LONE_SURROGATE);
          const code = input.charCodeAt(position).toString(16).toUpperCase();
          out.push(issue(path, "model.loneSurrogate", { position: position + 1, code }));
        } else out.push(issue(path, "model.invalid"));
        break;
      default:
        out.push(issue(path, "model.invalid"));
    }
  }
  return out;
}
