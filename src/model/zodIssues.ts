/** Turns zod's issues into ModelIssues with readable French/English messages. */
import type { z } from "zod";
import { phrase, type PerLang, type Phrase } from "../i18n";
import { closest } from "../util/text";
import { issue, type ModelIssue, type PathSegment } from "./issues";
import { DATE_PATTERN, ID_PATTERN, LINE_PATTERN, LONE_SURROGATE, PERIODE_PATTERN, YEAR_PATTERN } from "./schema";

const TYPE_NAMES: Record<string, PerLang> = {
  string: { fr: "texte", en: "text" },
  number: { fr: "nombre", en: "number" },
  int: { fr: "nombre entier", en: "whole number" },
  boolean: { fr: "booléen (true/false)", en: "boolean (true/false)" },
  object: { fr: "objet", en: "object" },
  array: { fr: "liste", en: "list" },
  undefined: { fr: "rien", en: "nothing" },
  null: { fr: "null", en: "null" },
};

const typeNamed = (name: string): PerLang | string => TYPE_NAMES[name] ?? name;

function typeName(value: unknown): PerLang | string {
  if (value === null) return TYPE_NAMES.null!;
  if (Array.isArray(value)) return TYPE_NAMES.array!;
  return typeNamed(typeof value);
}

function show(value: unknown): string {
  if (typeof value === "string") return value;
  const json = JSON.stringify(value);
  return json === undefined ? String(value) : json.length > 60 ? `${json.slice(0, 57)}…` : json;
}

/** A text as the author typed it, in its straight quotes (`"20"`): the quotes are what make it a text. */
function showQuoted(value: string): string {
  const json = JSON.stringify(value);
  return json.length > 60 ? `${json.slice(0, 58)}…"` : json;
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

/** The lists of the model whose items a message can name: « la fiche 3 de l'axe 2 ». */
const NAMED_LISTS = [
  "axes",
  "objectifs",
  "fiches",
  "sousActions",
  "indicateurs",
  "partenaires",
  "territoires",
  "jalons",
  "postes",
] as const;
type NamedList = (typeof NAMED_LISTS)[number];
const isNamedList = (s: PathSegment | undefined): s is NamedList => NAMED_LISTS.includes(s as NamedList);

/**
 * What a path means to the author, innermost first: `axes[1].fiches[2]` is « la fiche en position 3 de l'axe 2 »
 * (an item is named by its published numero when it has one, by its position otherwise). Undefined when the path
 * goes through no list item.
 */
export function describePath(path: readonly PathSegment[], data: unknown): Phrase | undefined {
  let node: unknown = data;
  let where: Phrase | undefined;
  for (let k = 0; k < path.length; k++) {
    const seg = path[k]!;
    const item = node !== null && typeof node === "object" ? (node as Record<string, unknown>)[seg] : undefined;
    const list = path[k - 1];
    if (typeof seg === "number" && isNamedList(list)) {
      const numero = item !== null && typeof item === "object" ? (item as { numero?: unknown }).numero : undefined;
      const named =
        typeof numero === "string" && numero
          ? phrase(`model.where.${list}`, { n: numero })
          : phrase(`model.whereAt.${list}`, { n: seg + 1 });
      where = where ? phrase("model.where.of", { inner: named, outer: where }) : named;
    }
    node = item;
  }
  return where;
}

export function fromZodIssues(root: z.ZodType, issues: readonly z.core.$ZodIssue[], data?: unknown): ModelIssue[] {
  const out: ModelIssue[] = [];
  for (const i of issues) {
    const path = i.path as PathSegment[];
    const input = (i as { input?: unknown }).input;
    if (input === undefined && (i.code === "invalid_type" || i.code === "invalid_value")) {
      const expected = i.code === "invalid_value" ? i.values.map(String).join(", ") : typeNamed(i.expected);
      out.push(issue(path, "model.missing", { expected }));
      continue;
    }
    switch (i.code) {
      case "invalid_type":
        if (input === undefined) {
          out.push(issue(path, "model.missing", { expected: typeNamed(i.expected) }));
        } else if (i.expected === "int") {
          out.push(issue(path, "model.notInteger", { value: show(input) }));
        } else {
          const types = { received: typeName(input), expected: typeNamed(i.expected) };
          // « texte reçu (attendu : objet) » alone does not say which object was meant.
          const where = i.expected === "object" ? describePath(path, data) : undefined;
          out.push(where ? issue(path, "model.typeOf", { ...types, where }) : issue(path, "model.type", types));
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
      case "invalid_format": {
        const code = formatCode((i as { pattern?: string }).pattern);
        // « "20" » is a text in quotes, which the author may not see: say so.
        const asText = code === "model.valeur" && typeof input === "string";
        out.push(
          asText
            ? issue(path, "model.valeurText", { value: showQuoted(input) })
            : issue(path, code, { value: show(input) }),
        );
        break;
      }
      case "invalid_key":
        // A record key (a year in `cibles`): zod reports the key's own issues inside.
        out.push(
          ...fromZodIssues(
            root,
            i.issues.map((sub) => ({ ...sub, path: [...path, ...sub.path] })),
            data,
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
        out.push(
          typeof input === "string"
            ? issue(path, "model.valeurText", { value: showQuoted(input) })
            : issue(path, "model.valeur", { value: show(input) }),
        );
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
