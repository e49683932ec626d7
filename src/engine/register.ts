/**
 * The register of returns (*Suivi des retours*) of a consolidated workbook: one
 * return expected from each partenaire and territoire the model collects from,
 * with its state (attendu, reçu, à corriger, validé), the submission it holds
 * (file, hash, date, counts of findings, the findings, its values) and its
 * history. It lives in the master's metadata, so that it survives every run and
 * is read without trusting the sheet; only the state column of the sheet is an
 * input (the ODPE sets a return validé or à corriger, or sets it back).
 *
 * Each consolidation updates it (`settleReturns`, then `recordReturns`):
 * - a file whose content the register holds already changes nothing;
 * - a new file of a cut is its new submission: reçu, or à corriger when it has
 *   errors; beside a file of the previous submission, it replaces it;
 * - a new submission differs from the previous one value by value
 *   (the *Modifications*);
 * - a validé return is locked: a new file for it is refused, its recorded
 *   values stay in the master, and the refusal goes into its history;
 * - a file refused for its altered structure makes its return à corriger,
 *   with its findings (its values are not merged: the earlier ones stay);
 * - a return with no file this run keeps its recorded values in the master.
 */
import { both, type Bilingual, type Lang, type PerLang } from "../i18n";
import { LANGS } from "../model/vocabulaire";
import type { Schema } from "../model/schema";
import type { SourceRef } from "./plan";
import type { Snapshot, SnapValue } from "./snapshot";
import { rowIds, sheetOf } from "./snapshot";
import type { Finding } from "./validate/findings";
import { baseName, cutName, ENSEMBLE, type Candidate, type Unit } from "./consolidateSources";
import { cutHolds } from "./layout/cuts";
import { fold } from "../util/text";
import { wordsOf } from "./layout/words";
import { etatWord } from "./registerReport";

export const ETATS = ["attendu", "reçu", "à corriger", "validé"] as const;
export type Etat = (typeof ETATS)[number];

/**
 * What happened to a return: a file taken, a file refused (locked), a file set aside for its altered structure
 * (its values cannot be trusted), or its state set in the sheet.
 */
export interface Evenement {
  date: string;
  cause: "depot" | "refus" | "ecarte" | "saisie";
  /** The state before and after (after a refusal: unchanged). */
  avant: Etat;
  etat: Etat;
  fichier?: string;
}

/** A finding of a submission, kept to show it again: gravité, where (`Sheet!A1`), rule, message fr, message en. */
export type Constat = [severity: string, where: string, rule: string, message: string, messageEn: string];

/** One value that changed between two submissions: key, old value, new value (null: empty). */
export type Modification = [key: string, avant: SnapValue | null, apres: SnapValue | null];

export interface Retour {
  /** `partenaire:<id>` or `territoire:<id>`, as in SourceRef. */
  cut: string;
  who: string;
  etat: Etat;
  /** Date (ISO) of the run that took its submission. */
  recu?: string;
  /** The files of its submission (one, or copies of one cut merged cell by cell). */
  sources: SourceRef[];
  erreurs: number;
  avertissements: number;
  constats: Constat[];
  /** The submission's values by key, for the master and for the next submission's differences. */
  valeurs: [string, SnapValue][];
  /** What its last submission changed from the one before. */
  modifications: Modification[];
  historique: Evenement[];
  /** The file last set aside for its altered structure, since its last submission taken (its findings are shown). */
  ecarte?: string;
}

export interface Register {
  /** Date (ISO) of the consolidation that wrote it. */
  date: string;
  retours: Retour[];
}

/** The state typed in the sheet for a return, when it differs from the recorded one. */
export interface EtatSaisi {
  cut: string;
  /** Where it was typed: `Suivi des retours!D5`. */
  where: string;
  text: string;
  /** The state it names; absent when the text names none (then it is ignored, and said). */
  etat?: Etat;
}

/** Every return the model expects: each partenaire with fiches of its own, each territoire when values are collected by territoire. */
export function expectedReturns(schema: Schema): { cut: string; who: string }[] {
  const fiches = schema.axes.flatMap((a) => a.fiches);
  const of = (kind: "partenaire" | "territoire", list: Schema["partenaires"]) =>
    list
      .filter((a) => fiches.some((f) => cutHolds({ kind, id: a.id }, f)))
      .map((a) => ({ cut: `${kind}:${a.id}`, who: cutName(kind, a.nom) }));
  return [...of("territoire", schema.territoires), ...of("partenaire", schema.partenaires)];
}

/**
 * The state a typed word names (« validé », "validated"; case, accents and spaces aside), the workbook's language
 * first, then the other, as statuses are read (model/vocabulaire.ts): undefined when it names none.
 */
export function etatOf(text: unknown, lang: Lang): Etat | undefined {
  if (typeof text !== "string") return undefined;
  const typed = fold(text);
  for (const l of [lang, ...LANGS.filter((x) => x !== lang)]) {
    const etat = ETATS.find((e) => fold(etatWord(l, e)) === typed);
    if (etat) return etat;
  }
  return undefined;
}

/** The register with the states typed in its sheet applied, each change in its return's history. */
export function applyEtatsSaisis(register: Register, saisis: EtatSaisi[], date: string): Register {
  const retours = register.retours.map((r) => {
    const s = saisis.find((x) => x.cut === r.cut && x.etat && x.etat !== r.etat);
    return s
      ? {
          ...r,
          etat: s.etat!,
          historique: [...r.historique, { date, cause: "saisie" as const, avant: r.etat, etat: s.etat! }],
        }
      : r;
  });
  return { ...register, retours };
}

/** The register sheet's name in a workbook of this language. */
export const registerName = (lang: Lang): string => wordsOf(lang)("retours.sheet.suivi");
/** Its name in a French workbook. */
export const REGISTER_SHEET = registerName("fr");
export const REGISTER_HEADER_ROW = 4;
/** Column of the state, the one input of the register sheet (column A holds the cut, hidden). */
export const REGISTER_ETAT_COL = 3;

/**
 * The states typed in the register sheet of a master that differ from what its metadata records; `lang`: the
 * master's language, which names its sheet and whose words are read first. The sheet is found under its name in
 * either language (an English master written before its register spoke English has it in French): what was
 * typed there is not lost.
 */
export function readEtatsSaisis(snapshot: Snapshot, register: Register, lang: Lang): EtatSaisi[] {
  const name = [lang, ...LANGS.filter((l) => l !== lang)].map(registerName).find((n) => sheetOf(snapshot, n));
  const sheet = name === undefined ? undefined : sheetOf(snapshot, name);
  if (!sheet) return [];
  const out: EtatSaisi[] = [];
  const letter = String.fromCharCode(64 + REGISTER_ETAT_COL);
  // A row is found by its cut in column A: a sorted sheet still reads right.
  const rows = rowIds(sheet);
  register.retours.forEach((r) => {
    const row = rows.get(r.cut)?.[0];
    if (row === undefined) return;
    const address = `${letter}${row}`;
    const value = sheet.cells.get(address)?.value;
    if (value === undefined || value === r.etat) return;
    const etat = etatOf(value, lang);
    if (etat === r.etat) return;
    out.push({ cut: r.cut, where: `${name}!${address}`, text: String(value), ...(etat ? { etat } : {}) });
  });
  return out;
}

/** A submission of this run: a unit of one cut, or a return whose values the master keeps from the register. */
export interface Settled {
  units: Unit[];
  /** Files of a previous submission beside their replacement. */
  setAside: { file: string; reason: Bilingual }[];
  /** Files for a validé return. */
  refused: { file: string; reason: Bilingual; cut: string }[];
  /** Returns with no new file this run, merged from their recorded values. */
  carried: Retour[];
}

const cutOf = (u: Unit) => (u.members[0]!.consolidated ? undefined : u.members[0]!.holds[0]!.cut);

/** Why a file for a validé return is refused, naming the words to set it back in the master's language. */
const lockedReason = (who: string | PerLang, lang: Lang): Bilingual =>
  both("register.locked", {
    who,
    sheet: registerName(lang),
    recu: etatWord(lang, "reçu"),
    aCorriger: etatWord(lang, "à corriger"),
  });

/** Which files of this run are new submissions, which replace or are refused, and which returns are carried. */
export function settleReturns(units: Unit[], register: Register | undefined, lang: Lang): Settled {
  const out: Settled = { units: [], setAside: [], refused: [], carried: [] };
  const previous = new Map((register?.retours ?? []).map((r) => [r.cut, r]));
  const seen = new Set<string>();
  for (const unit of units) {
    const cut = cutOf(unit);
    // A consolidated workbook merged again holds its own sources: the register's values of those cuts are not
    // added to them (they would count twice).
    if (!cut) for (const h of unit.members.flatMap((m) => m.holds)) seen.add(h.cut);
    const prev = cut ? previous.get(cut) : undefined;
    if (!cut || cut === ENSEMBLE || !prev) {
      out.units.push(unit);
      if (cut) seen.add(cut);
      continue;
    }
    const known = new Set(prev.sources.map((s) => s.hash));
    const fresh = unit.members.filter((m) => !known.has(m.holds[0]!.hash));
    if (!fresh.length) {
      // The recorded submission itself, read again.
      out.units.push(unit);
      seen.add(cut);
      continue;
    }
    if (prev.etat === "validé") {
      for (const m of fresh) {
        // The return named in each language, as the register's sheet names it.
        const c = m.meta.cut;
        const who = c ? { fr: cutName(c.kind, c.nom, "fr"), en: cutName(c.kind, c.nom, "en") } : prev.who;
        out.refused.push({ file: m.file, cut, reason: lockedReason(who, lang) });
      }
      continue;
    }
    const old = unit.members.filter((m) => !fresh.includes(m));
    for (const m of old)
      out.setAside.push({
        file: m.file,
        reason: both("register.replaced", { files: fresh.map((f) => f.file).join(", ") }),
      });
    out.units.push({ ...unit, members: fresh });
    seen.add(cut);
  }
  for (const r of register?.retours ?? []) if (!seen.has(r.cut) && r.valeurs.length) out.carried.push(r);
  return out;
}

/** The differences between two submissions, value by value, in key order. */
export function modifications(before: [string, SnapValue][], after: Map<string, SnapValue>): Modification[] {
  const old = new Map(before);
  const keys = [...new Set([...old.keys(), ...after.keys()])].sort();
  const norm = (v: SnapValue | undefined) => (typeof v === "string" ? v.trim() : v);
  return keys
    .filter((k) => norm(old.get(k)) !== norm(after.get(k)))
    .map((k): Modification => [k, old.get(k) ?? null, after.get(k) ?? null]);
}

/** A unit merged this run, with its values merged. */
export interface Submission {
  unit: Unit;
  values: Map<string, SnapValue>;
}

const constat = (f: Finding, file: string, several: boolean): Constat => [
  f.severity,
  `${several ? `${file} — ` : ""}${f.sheet ? `${f.sheet}${f.cell ? `!${f.cell}` : ""}` : ""}`,
  f.rule,
  f.message,
  f.messageEn,
];

/**
 * The register after this run: every expected return (and any other cut merged, or recorded before), a new
 * submission reçu or à corriger with its differences, a refused file in its return's history.
 */
export function recordReturns(
  expected: { cut: string; who: string }[],
  register: Register | undefined,
  submissions: Submission[],
  refused: { file: string; cut: string }[],
  /** Files of a cut set aside for their altered structure: the partner answered, its return is to correct. */
  broken: { file: string; cut: string }[],
  /** What the checks found in each file of this run. */
  files: Map<string, Finding[]>,
  date: string,
): Register {
  const previous = new Map((register?.retours ?? []).map((r) => [r.cut, r]));
  const cuts = [...expected];
  for (const r of register?.retours ?? [])
    if (!cuts.some((c) => c.cut === r.cut)) cuts.push({ cut: r.cut, who: r.who });
  const byCut = new Map<string, Submission>();
  for (const s of submissions) {
    const cut = cutOf(s.unit);
    if (!cut || cut === ENSEMBLE) continue;
    byCut.set(cut, s);
    if (!cuts.some((c) => c.cut === cut)) cuts.push({ cut, who: s.unit.label });
  }
  const retours = cuts.map(({ cut, who }): Retour => {
    const prev: Retour = previous.get(cut) ?? {
      cut,
      who,
      etat: "attendu",
      sources: [],
      erreurs: 0,
      avertissements: 0,
      constats: [],
      valeurs: [],
      modifications: [],
      historique: [],
    };
    let r: Retour = { ...prev, who };
    const s = byCut.get(cut);
    const known = new Set(prev.sources.map((x) => x.hash));
    const found = (list: string[]) =>
      list.flatMap((file) =>
        (files.get(file) ?? [])
          .filter((f) => f.severity === "erreur" || f.severity === "avertissement")
          .map((f) => ({ f, file })),
      );
    if (s && !s.unit.members.every((m: Candidate) => known.has(m.holds[0]!.hash))) {
      const several = s.unit.members.length > 1;
      const all = found(s.unit.members.map((m) => m.file));
      const erreurs = all.filter((x) => x.f.severity === "erreur").length;
      const etat: Etat = erreurs ? "à corriger" : "reçu";
      const fichier = s.unit.members.map((m) => m.holds[0]!.fichier).join(", ");
      const { ecarte: _taken, ...rest } = r;
      r = {
        ...rest,
        etat,
        recu: date,
        sources: s.unit.members.map((m) => m.holds[0]!),
        erreurs,
        avertissements: all.length - erreurs,
        constats: all.map((x) => constat(x.f, x.file, several)),
        valeurs: [...s.values].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        modifications: prev.sources.length ? modifications(prev.valeurs, s.values) : [],
        historique: [...prev.historique, { date, cause: "depot", avant: prev.etat, etat, fichier }],
      };
    }
    // A file with an altered structure, new since the last one: the return is to correct (a validé one stays so).
    const b = broken.find((x) => x.cut === cut);
    if (b && !s && r.etat !== "validé" && r.ecarte !== baseName(b.file)) {
      const all = found([b.file]);
      const erreurs = all.filter((x) => x.f.severity === "erreur").length;
      r = {
        ...r,
        etat: "à corriger",
        ecarte: baseName(b.file),
        erreurs,
        avertissements: all.length - erreurs,
        constats: all.map((x) => constat(x.f, x.file, false)),
        historique: [
          ...r.historique,
          { date, cause: "ecarte", avant: r.etat, etat: "à corriger", fichier: baseName(b.file) },
        ],
      };
    }
    for (const x of refused.filter((y) => y.cut === cut))
      r = {
        ...r,
        historique: [...r.historique, { date, cause: "refus", avant: r.etat, etat: r.etat, fichier: x.file }],
      };
    return r;
  });
  return { date, retours };
}

/** The returns still awaited: those no file has come for. */
export const awaited = (register: Register) => register.retours.filter((r) => r.etat === "attendu");

/** A register read from metadata has at least the shape its readers count on. */
export function validRegister(value: unknown): value is Register {
  const r = value as Register;
  return (
    typeof r === "object" &&
    r !== null &&
    typeof r.date === "string" &&
    Array.isArray(r.retours) &&
    r.retours.every(
      (x) =>
        typeof x === "object" &&
        x !== null &&
        typeof x.cut === "string" &&
        typeof x.who === "string" &&
        ETATS.includes(x.etat) &&
        Array.isArray(x.sources) &&
        Array.isArray(x.constats) &&
        Array.isArray(x.valeurs) &&
        Array.isArray(x.modifications) &&
        Array.isArray(x.historique),
    )
  );
}
