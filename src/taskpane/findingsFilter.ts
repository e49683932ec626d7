/**
 * Filtering and counting the findings shown in the pane (pure, tested apart from React). There is no filter by
 * axe: the list is grouped by axe (findingsGroups.ts), and a group closes.
 */
import type { Finding, Severity } from "../engine/validate/findings";

export interface FindingFilter {
  severities: Severity[];
  /** Rule id, or "" for all. */
  rule: string;
}

export const ALL: FindingFilter = { severities: ["erreur", "avertissement", "info"], rule: "" };

export function applyFilter(findings: Finding[], f: FindingFilter): Finding[] {
  return findings.filter((x) => f.severities.includes(x.severity) && (!f.rule || x.rule === f.rule));
}

/** The rules found, with how many findings each has, in first-seen order. */
export function ruleCounts(findings: Finding[]): [string, number][] {
  const m = new Map<string, number>();
  for (const f of findings) m.set(f.rule, (m.get(f.rule) ?? 0) + 1);
  return [...m];
}

/** A filter keeps only values that still exist after a new check (the user's choice is kept when it does). */
export function keepValid(f: FindingFilter, findings: Finding[]): FindingFilter {
  return { severities: f.severities, rule: ruleCounts(findings).some(([r]) => r === f.rule) ? f.rule : "" };
}
