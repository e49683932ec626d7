/**
 * The findings of a check as the pane lists them: grouped by axe, then by fiche, in the schéma's order, with
 * counts; the expected inputs left empty of a fiche summed up in one line (pure, tested apart from React).
 */
import { SEVERITIES, countBySeverity, type Finding, type Severity } from "../engine/validate/findings";
import type { Schema } from "../model/schema";

export interface FicheGroup {
  /** Fiche id; absent for the findings of the axe itself (or of the whole workbook). */
  fiche?: string;
  /** Shown one by one, in the check's order (severity, then position). */
  findings: Finding[];
  /** Expected inputs left empty, summed up in one line the user can open; empty when there are too few. */
  empty: Finding[];
  /** Of the findings shown one by one (the summed-up line counts the others). */
  counts: Record<Severity, number>;
}

export interface AxeGroup {
  /** Axe id; absent for the findings about the whole workbook (its structure, the Sommaire). */
  axe?: string;
  fiches: FicheGroup[];
  /** Of the findings shown one by one in its fiches. */
  counts: Record<Severity, number>;
  /** How many expected inputs its fiches sum up. */
  empty: number;
}

/**
 * A fresh workbook has one « saisie attendue » finding per expected input (333 in Essonne's): shown one by one
 * they bury the few faults. From two in a fiche they are one line; a single one is shown as itself.
 */
export const SUMMARY_FROM = 2;

export const isExpectedEmpty = (f: Finding): boolean => f.rule.startsWith("completude.");

/** The findings grouped: the whole workbook first, then the axes and their fiches in the schéma's order. */
export function groupFindings(findings: Finding[], schema: Schema | undefined): AxeGroup[] {
  const axeRank = new Map<string, number>();
  const ficheRank = new Map<string, number>();
  schema?.axes.forEach((a, i) => {
    axeRank.set(a.id, i);
    a.fiches.forEach((f, j) => ficheRank.set(f.id, j));
  });
  // Unknown ids (a model the pane does not know) come after the known ones, in the order they were seen.
  const rank = (ranks: Map<string, number>, id: string | undefined, seen: number) =>
    id === undefined ? -1 : (ranks.get(id) ?? ranks.size + seen);

  const axes = new Map<string | undefined, Map<string | undefined, Finding[]>>();
  for (const f of findings) {
    const fiches = axes.get(f.axe) ?? new Map<string | undefined, Finding[]>();
    axes.set(f.axe, fiches);
    fiches.set(f.fiche, [...(fiches.get(f.fiche) ?? []), f]);
  }
  const ordered = <T>(m: Map<string | undefined, T>, ranks: Map<string, number>) =>
    [...m.entries()]
      .map(([id, v], seen) => ({ id, v, r: rank(ranks, id, seen) }))
      .sort((a, b) => a.r - b.r)
      .map(({ id, v }) => [id, v] as const);

  return ordered(axes, axeRank).map(([axe, fiches]) => {
    const groups = ordered(fiches, ficheRank).map(([fiche, list]) => ficheGroup(fiche, list));
    return {
      ...(axe === undefined ? {} : { axe }),
      fiches: groups,
      counts: countBySeverity(groups.flatMap((g) => g.findings)),
      empty: groups.reduce((n, g) => n + g.empty.length, 0),
    };
  });
}

function ficheGroup(fiche: string | undefined, list: Finding[]): FicheGroup {
  const empty = list.filter(isExpectedEmpty);
  const summed = empty.length >= SUMMARY_FROM;
  const findings = summed ? list.filter((f) => !isExpectedEmpty(f)) : list;
  return {
    ...(fiche === undefined ? {} : { fiche }),
    findings,
    empty: summed ? empty : [],
    counts: countBySeverity(findings),
  };
}

/**
 * Whether an axe starts open: when it has findings shown one by one, the faults to look at. An axe whose
 * findings are all summed up (a blank workbook's) starts closed: its line says how many inputs are left.
 */
export const openAtFirst = (g: AxeGroup): boolean => g.fiches.some((f) => f.findings.length > 0);

/** The severities a group has, most serious first, with their counts (for « 2 erreurs, 10 avertissements »). */
export const presentSeverities = (counts: Record<Severity, number>): [Severity, number][] =>
  SEVERITIES.filter((s) => counts[s] > 0).map((s) => [s, counts[s]]);

/**
 * A sheet's name as short as the pane's cell column needs it: an axe's sheet is « Axe 1 - Renforcer les… »,
 * and « Axe 1 » says which one; other sheets (Sommaire, Contrôles) keep their name.
 */
export function shortSheet(sheet: string): string {
  const cut = sheet.indexOf(" - ");
  return cut > 0 ? sheet.slice(0, cut) : sheet;
}
