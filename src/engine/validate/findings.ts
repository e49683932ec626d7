/**
 * A finding of the validation: what is wrong, where (sheet, cell, and the
 * model's axe / fiche / node), the value found and what was expected, in
 * French and English.
 */
import { both, t, type Bilingual, type Lang, type MessageKey, type Params, type Phrase } from "../../i18n";

export const SEVERITIES = ["erreur", "avertissement", "info"] as const;
export type Severity = (typeof SEVERITIES)[number];

export interface Finding extends Bilingual {
  severity: Severity;
  /** Stable rule id, e.g. `type.decimales`, `structure.formule-remplacee`. */
  rule: string;
  /** Structure findings come first and say whether the values can still be trusted. */
  structure?: { valuesTrusted: boolean };
  sheet?: string;
  /** A1 address; absent for whole-workbook findings. */
  cell?: string;
  axe?: string;
  fiche?: string;
  /** Sous-action or indicator id. */
  node?: string;
  value?: string | number | boolean;
  expected?: string;
  /** `expected` in English when it is words (« un nombre entier », "a whole number"); absent when it is a value. */
  expectedEn?: string;
  /** File the finding is about (set by the CLI over several files). */
  file?: string;
}

/** Rule id → the message key that words it, and its severity. */
export const RULES = {
  "structure.meta-absente": ["validate.structure.metaMissing", "erreur"],
  "structure.meta-alteree": ["validate.structure.metaAltered", "erreur"],
  "structure.modele-different": ["validate.structure.otherModel", "erreur"],
  "structure.version-differente": ["validate.structure.otherVersion", "erreur"],
  "structure.campagne-differente": ["validate.structure.otherCampaign", "erreur"],
  "structure.feuille-absente": ["validate.structure.sheetMissing", "erreur"],
  "structure.lignes-deplacees": ["validate.structure.rowsMoved", "erreur"],
  "structure.ligne-supprimee": ["validate.structure.rowDeleted", "erreur"],
  "structure.libelle-modifie": ["validate.structure.labelEdited", "erreur"],
  "structure.formule-remplacee": ["validate.structure.formulaReplaced", "erreur"],
  "structure.protection-retiree": ["validate.structure.unprotected", "avertissement"],
  "type.texte-au-lieu-de-nombre": ["validate.type.textInNumber", "erreur"],
  "type.decimales": ["validate.type.decimals", "erreur"],
  "type.proportion": ["validate.type.proportion", "avertissement"],
  "type.date": ["validate.type.date", "erreur"],
  "type.date-en-texte": ["validate.type.dateAsText", "erreur"],
  "type.hors-liste": ["validate.type.notInList", "erreur"],
  "type.autre-langue": ["validate.type.otherLanguage", "avertissement"],
  "type.texte-trop-long": ["validate.type.tooLong", "erreur"],
  "plage.negatif": ["validate.range.negative", "erreur"],
  "plage.taux-sup-100": ["validate.range.rateAbove100", "erreur"],
  "plage.bornes": ["validate.range.bounds", "erreur"],
  "plage.numerateur-sup-denominateur": ["validate.range.numeratorAbove", "erreur"],
  "plage.denominateur-nul": ["validate.range.zeroDenominator", "erreur"],
  "plage.montant-max": ["validate.range.amountMax", "erreur"],
  "budget.engage-sup-vote": ["validate.budget.engagedAboveVoted", "avertissement"],
  "budget.mandate-sup-engage": ["validate.budget.paidAboveEngaged", "avertissement"],
  "completude.valeur-manquante": ["validate.completeness.value", "avertissement"],
  "completude.statut-manquant": ["validate.completeness.status", "avertissement"],
  "plausibilite.ecart-annee-precedente": ["validate.plausibility.previous", "avertissement"],
  "plausibilite.ecart-reference": ["validate.plausibility.baseline", "avertissement"],
  "plausibilite.score-z-modifie": ["validate.plausibility.modifiedZ", "avertissement"],
  "calendrier.statut-hors-prevision": ["validate.calendar.outsidePlan", "avertissement"],
  "calendrier.non-commence-passe": ["validate.calendar.notStartedPast", "avertissement"],
  "calendrier.motif-manquant": ["validate.calendar.reasonMissing", "avertissement"],
  "saisie.commentaire": ["validate.comment.onInput", "info"],
  "saisie.commentaire-hors-saisie": ["validate.comment.elsewhere", "info"],
  "fichier.illisible": ["validate.file.unreadable", "erreur"],
} as const satisfies Record<string, readonly [MessageKey, Severity]>;

export type RuleId = keyof typeof RULES;

export type FindingPlace = Omit<Finding, "severity" | "rule" | "message" | "messageEn">;

export function finding(rule: RuleId, place: FindingPlace, params: Params = {}): Finding {
  const [key, severity] = RULES[rule];
  const trusted = place.structure?.valuesTrusted;
  const text = both(key, params);
  if (trusted !== undefined) {
    const tail = both(trusted ? "validate.structure.trusted" : "validate.structure.untrusted");
    text.message += ` ${tail.message}`;
    text.messageEn += ` ${tail.messageEn}`;
  }
  return { severity, rule, ...place, ...text };
}

/** Structure first, then by severity, then by position (sheet order given, row, column). */
export function sortFindings(findings: Finding[], sheetOrder: string[]): Finding[] {
  // Each finding's ranks computed once, not at each of the sort's comparisons.
  const sheetRanks = new Map<string, number>();
  sheetOrder.forEach((name, i) => sheetRanks.has(name) || sheetRanks.set(name, i));
  const keyed = findings.map((f) => {
    const m = /^([A-Z]+)(\d+)$/.exec(f.cell ?? "");
    return {
      f,
      structure: f.structure ? 0 : 1,
      severity: SEVERITIES.indexOf(f.severity),
      sheet: f.sheet === undefined ? -1 : (sheetRanks.get(f.sheet) ?? -1),
      row: m ? Number(m[2]) : 0,
      width: m ? m[1]!.length : 0,
      col: m ? m[1]! : "",
    };
  });
  keyed.sort(
    (a, b) =>
      a.structure - b.structure ||
      a.severity - b.severity ||
      a.sheet - b.sheet ||
      a.row - b.row ||
      a.width - b.width ||
      a.col.localeCompare(b.col),
  );
  return keyed.map((k) => k.f);
}

export const countBySeverity = (findings: Finding[]) =>
  Object.fromEntries(SEVERITIES.map((s) => [s, findings.filter((f) => f.severity === s).length])) as Record<
    Severity,
    number
  >;

/** What a cell expected: words from the catalogues, or a value said the same way in both languages (« ≥ 0 »). */
export type Expected = string | Phrase;

export function expecting(e: Expected): Pick<Finding, "expected" | "expectedEn"> {
  if (typeof e === "string") return { expected: e };
  const text = both(e.key, e.params);
  return { expected: text.message, expectedEn: text.messageEn };
}

/** A finding's expected value in one language. */
export function expectedIn(lang: Lang, f: Pick<Finding, "expected" | "expectedEn">): string | undefined {
  return lang === "en" ? (f.expectedEn ?? f.expected) : f.expected;
}

/** The word for a severity (the severity ids are French: « erreur », « avertissement », « info »). */
export function severityWord(lang: Lang, s: Severity): string {
  return t(lang, `validate.severity.${s}`);
}
