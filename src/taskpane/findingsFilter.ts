/** Filtering and counting the findings shown in the pane (pure, tested apart from React). */
import type { Finding, Severity } from "../engine/validate/findings";

export interface FindingFilter {
  severities: Severity[];
  /** Axe id, or "" for all. */
  axe: string;
  /** Rule id, or "" for all. */
  rule: string;
}

export const ALL: FindingFilter = { severities: ["erreur", "avertissement", "info"], axe: "", rule: "" };

export function applyFilter(findings: Finding[], f: FindingFilter): Finding[] {
  return findings.filter(
    (x) => f.severities.includes(x.severity) && (!f.axe || x.axe === f.axe) && (!f.rule || x.rule === f.rule),
  );
}

/** The values a filter can take, with how many findings each has, in first-seen order. */
export function facets(findings: Finding[]): { axes: [string, number][]; rules: [string, number][] } {
  const count = (key: (f: Finding) => string | undefined) => {
    const m = new Map<string, number>();
    for (const f of findings) {
      const k = key(f);
      if (k) m.set(k, (m.get(k) ?? 0) + 1);
    }
    return [...m];
  };
  return { axes: count((f) => f.axe), rules: count((f) => f.rule) };
}

/** A filter keeps only values that still exist after a new check (the user's choice is kept when it does). */
export function keepValid(f: FindingFilter, findings: Finding[]): FindingFilter {
  const { axes, rules } = facets(findings);
  return {
    severities: f.severities,
    axe: axes.some(([a]) => a === f.axe) ? f.axe : "",
    rule: rules.some(([r]) => r === f.rule) ? f.rule : "",
  };
}
