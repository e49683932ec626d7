/**
 * Which entered values are words of the workbook's vocabulary — a sous-action's status, the Oui/Non answer or
 * target of a yes/no indicator — and those values said in another workbook's language: what a carry-over to
 * `--lang en`, or a consolidation of an English and a French return, does to them (vocabulaire.ts). Every other
 * value passes as it is; a word already in the target language stays as it was typed.
 */
import type { Lang } from "../i18n";
import type { Schema } from "../model/schema";
import { familleOf } from "../model/valueTypes";
import { inLangOf } from "../model/vocabulaire";
import type { SnapValue } from "./snapshot";

export type WordKind = "statut" | "ouiNon";

/** The kind of word a binding key's value is (`fa_1.sa_2@statut:2024`, `fa_1.ind_3@valeur:2024`), if any. */
export function wordKinds(schema: Schema): (key: string) => WordKind | undefined {
  const booleans = new Set(
    schema.axes.flatMap((a) =>
      a.fiches.flatMap((f) => f.indicateurs.filter((i) => familleOf(i.type) === "ouiNon").map((i) => i.id)),
    ),
  );
  return (key) => {
    const [node, what = ""] = key.split("@") as [string, string?];
    const kind = what.split(":")[0];
    if (kind === "statut") return "statut";
    return (kind === "valeur" || kind === "cible") && booleans.has(node) ? "ouiNon" : undefined;
  };
}

/** The values with their statuses and Oui/Non said in `lang`. */
export function valuesIn(values: Map<string, SnapValue>, schema: Schema, lang: Lang): Map<string, SnapValue> {
  const kindOf = wordKinds(schema);
  return new Map([...values].map(([key, v]) => [key, inLangOf(v, kindOf(key), lang) as SnapValue]));
}
