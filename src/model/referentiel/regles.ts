/**
 * The model's rules as the *Règles* sheet of a référentiel workbook: one row per rule, columns Id, Gauche,
 * Opérateur, Droite, Sévérité, Message, Manquants (names matched ignoring case and accents, as the main sheet's).
 * Read back to the same rules; an error about a rule names its cell (`[ref.xlsx]Règles!C3 (Opérateur) : …`).
 */
import { fold } from "../../util/text";
import { colLetter } from "../../util/a1";
import { issue, type ModelIssue } from "../issues";
import type { Regle } from "../schema";
import { cellText, type Cell, type Table } from "./cells";

export const REGLES_SHEET = "Règles";

const COLUMNS = [
  ["id", "Id"],
  ["gauche", "Gauche"],
  ["operateur", "Opérateur"],
  ["droite", "Droite"],
  ["severite", "Sévérité"],
  ["message", "Message"],
  ["manquants", "Manquants"],
] as const satisfies readonly (readonly [keyof Regle, string])[];

type Key = (typeof COLUMNS)[number][0];
const BY_NAME = new Map<string, Key>(
  COLUMNS.flatMap(([k, label]) => [[fold(label), k] as const, [fold(k), k] as const]),
);

/** The sheet's rows, header first; none when the model has no rule (no sheet is written then). */
export function reglesToTable(regles: readonly Regle[]): Cell[][] {
  if (!regles.length) return [];
  return [COLUMNS.map(([, label]) => label), ...regles.map((r) => COLUMNS.map(([k]) => r[k] ?? ""))];
}

export interface ReadRegles {
  /** The rules as an author writes them (defaults left to the model's parser). */
  regles: Record<string, string>[];
  errors: ModelIssue[];
  /** An error of the model about `regles[i].field`, placed on its cell of the sheet; others unchanged. */
  locate: (e: ModelIssue) => ModelIssue;
}

export function reglesFromTable(table: Table): ReadRegles {
  const header = table.rows[0] ?? [];
  const errors: ModelIssue[] = [];
  const colOf = new Map<Key, number>();
  const at = (col: number, row: number) => `${table.source}!${colLetter(col + 1)}${row}`;
  header.forEach((h, i) => {
    const name = cellText(h);
    if (!name) return;
    const key = BY_NAME.get(fold(name));
    if (!key)
      errors.push(
        issue(`${at(i, table.firstRow)} (${name})`, "ref.unknownColumn", {
          name,
          known: COLUMNS.map(([, l]) => l).join(", "),
        }),
      );
    else colOf.set(key, i);
  });
  const regles: Record<string, string>[] = [];
  const rowOf: number[] = [];
  table.rows.slice(1).forEach((row, i) => {
    const r: Record<string, string> = {};
    for (const [key, col] of colOf) {
      const text = cellText(row[col]);
      // Sévérité and Manquants as people type them: « Erreur », « Jamais ».
      if (text) r[key] = key === "severite" || key === "manquants" ? fold(text).replace(/\s+/g, "-") : text;
    }
    if (!Object.keys(r).length) return;
    regles.push(r);
    rowOf.push(table.firstRow + 1 + i);
  });
  const locate = (e: ModelIssue): ModelIssue => {
    const m = /^regles\[(\d+)\](?:\.(\w+))?/.exec(e.path);
    const row = m ? rowOf[Number(m[1])] : undefined;
    if (!m || row === undefined) return e;
    const col = m[2] ? colOf.get(m[2] as Key) : undefined;
    const label = m[2] ? COLUMNS.find(([k]) => k === m[2])?.[1] : undefined;
    return { ...e, path: col !== undefined ? `${at(col, row)} (${label})` : `${table.source}, ligne ${row}` };
  };
  return { regles, errors, locate };
}
