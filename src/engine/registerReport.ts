/** The register of returns as reports (JSON, CSV, a plain table) and its words (states, history) in either language. */
import { t, type Lang } from "../i18n";
import { writeCsv, type CsvOptions } from "../model/referentiel/csv";
import type { Schema } from "../model/schema";
import { cutName } from "./consolidateSources";
import type { BindingOf } from "./plan";
import type { Etat, Evenement, Modification, Register, Retour } from "./register";
import type { SnapValue } from "./snapshot";

const ETAT_KEY = {
  attendu: "register.etat.attendu",
  reçu: "register.etat.recu",
  "à corriger": "register.etat.aCorriger",
  validé: "register.etat.valide",
} as const satisfies Record<Etat, string>;

export const etatWord = (lang: Lang, etat: Etat) => t(lang, ETAT_KEY[etat]);

const EVENT_KEY = {
  depot: "register.event.depot",
  refus: "register.event.refus",
  ecarte: "register.event.ecarte",
  saisie: "register.event.saisie",
} as const satisfies Record<Evenement["cause"], string>;

const day = (iso: string) => iso.slice(0, 10);

/** One line of a return's history: « 2026-12-02 : fichier p1.xlsx reçu → à corriger ». */
export function evenementText(lang: Lang, e: Evenement): string {
  const params = {
    date: day(e.date),
    file: e.fichier ?? "",
    from: etatWord(lang, e.avant),
    to: etatWord(lang, e.etat),
  };
  return t(lang, EVENT_KEY[e.cause], params);
}

/** An empty cell of a Modification, said. */
export const valueText = (lang: Lang, v: SnapValue | null) => (v === null ? t(lang, "register.empty") : String(v));

export const REGISTER_COLUMNS = [
  "cut",
  "who",
  "state",
  "received",
  "files",
  "hash",
  "errors",
  "warnings",
  "modifications",
  "history",
] as const;

type Row = Record<(typeof REGISTER_COLUMNS)[number], string | number>;

/**
 * A return's name in a language: « Partenaire CAF », "Partner CAF" (the register records it in French; a cut the
 * model no longer holds keeps its recorded name).
 */
export function retourName(r: Pick<Retour, "cut" | "who">, schema: Schema, lang: Lang): string {
  const [kind, id] = r.cut.split(":") as [string, string];
  if (kind !== "partenaire" && kind !== "territoire") return r.who;
  const nom = (kind === "partenaire" ? schema.partenaires : schema.territoires).find((a) => a.id === id)?.nom;
  return nom === undefined ? r.who : cutName(kind, nom, lang);
}

function row(r: Retour, lang: Lang, schema: Schema): Row {
  return {
    cut: r.cut,
    who: retourName(r, schema, lang),
    state: etatWord(lang, r.etat),
    received: r.recu ? day(r.recu) : "",
    files: r.sources.map((s) => s.fichier).join(", "),
    hash: r.sources.map((s) => s.hash).join("+"),
    errors: r.sources.length || r.ecarte ? r.erreurs : "",
    warnings: r.sources.length || r.ecarte ? r.avertissements : "",
    modifications: r.modifications.length,
    history: r.historique.map((e) => evenementText(lang, e)).join(" | "),
  };
}

const cellOf = (where: BindingOf, key: string) => {
  const b = where(key);
  return b ? `${b.sheet}!${b.address}` : "";
};

export function modificationRow(lang: Lang, where: BindingOf, [key, before, after]: Modification) {
  return { cell: cellOf(where, key), key, old: valueText(lang, before), new: valueText(lang, after) };
}

/** Each return with its findings and modifications in full (its values stay in the workbook). */
export function registerJson(register: Register, lang: Lang, where: BindingOf, schema: Schema): string {
  const out = {
    date: register.date,
    returns: register.retours.map((r) => ({
      ...row(r, lang, schema),
      history: r.historique.map((e) => evenementText(lang, e)),
      findings: r.constats.map(([severity, place, rule, message, messageEn]) => ({
        severity,
        where: place,
        rule,
        message: lang === "en" ? messageEn : message,
      })),
      modifications: r.modifications.map((m) => modificationRow(lang, where, m)),
    })),
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}

export function registerCsv(register: Register, lang: Lang, schema: Schema, options: CsvOptions = {}): string {
  const rows = register.retours.map((r) => {
    const x = row(r, lang, schema);
    return REGISTER_COLUMNS.map((k) => x[k]);
  });
  return writeCsv([[...REGISTER_COLUMNS], ...rows], { ...options, escapeFormulas: true });
}

/** Aligned columns for the terminal, history aside: who, state, received, files, errors, warnings, modifications. */
export function registerTable(register: Register, lang: Lang, schema: Schema): string {
  const header = t(lang, "cli.register.header").split("|");
  const rows = register.retours.map((r) => {
    const x = row(r, lang, schema);
    return [x.who, x.state, x.received, x.files, x.errors, x.warnings, x.modifications].map(String);
  });
  const widths = header.map((h, i) => Math.min(40, Math.max(h.length, ...rows.map((r) => r[i]!.length))));
  return [header, ...rows]
    .map((r) =>
      r
        .map((c, i) => c.padEnd(widths[i]!))
        .join("  ")
        .trimEnd(),
    )
    .join("\n")
    .concat("\n");
}
