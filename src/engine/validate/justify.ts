/**
 * A warning acknowledged: a plausibility or rule *avertissement* whose row's comment of the campaign holds a
 * justification (« Justification : nouvelle équipe en 2024 ») becomes an *info* that shows it. An *erreur* is
 * never justified away: a value that cannot be right stays refused whatever the comment says.
 */
import { both } from "../../i18n";
import type { SnapValue } from "../snapshot";
import type { Finding } from "./findings";

/** « Justification : … » anywhere in the comment, case and the colon's spacing aside; the rest is the reason. */
const JUSTIFICATION = /justification\s*[:：]\s*(\S[\s\S]*)$/i;

/** Findings a justification can acknowledge. */
const justifiable = (f: Finding) =>
  f.severity === "avertissement" && (f.rule.startsWith("plausibilite.") || f.rule.startsWith("regle."));

/** The justification a comment holds, trimmed, or undefined. */
export function justificationOf(comment: SnapValue | undefined): string | undefined {
  if (typeof comment !== "string") return undefined;
  return JUSTIFICATION.exec(comment)?.[1]?.trim() || undefined;
}

/** The findings, each justified warning turned into an info carrying its justification. */
export function justify(
  findings: Finding[],
  campaign: number,
  values: (key: string) => SnapValue | undefined,
): Finding[] {
  return findings.map((f) => {
    if (!justifiable(f) || !f.node) return f;
    const text = justificationOf(values(`${f.node}@commentaire:${campaign}`));
    if (!text) return f;
    const tail = both("validate.justified", { text });
    return {
      ...f,
      severity: "info",
      message: `${f.message} ${tail.message}`,
      messageEn: `${f.messageEn} ${tail.messageEn}`,
    };
  });
}
