/**
 * The decisions an import was unsure of, each with a stable key (the same text gives the same key, run after run),
 * the source line and its text, what was chosen and what else could be. A person's corrections are given by key.
 */
import { fold } from "../../util/text";

export type DecisionKind = "type" | "several" | "calendar" | "label" | "panel" | "gap" | "overview" | "axe" | "meta";

export interface Decision {
  key: string;
  kind: DecisionKind;
  line: number;
  text: string;
  /** What the import chose, as a correction would give it. */
  chosen: unknown;
  /** The fiche concerned (its number), when there is one. */
  fiche?: string;
  /** A correction of the person replaced the choice. */
  corrected?: boolean;
}

/** Corrections by decision key: the value a decision takes instead of the import's choice. */
export type Corrections = Record<string, unknown>;

/** FNV-1a of the folded text, in base 36: short, and the same for the same wording. */
export function textHash(text: string): string {
  let h = 0x811c9dc5;
  for (const ch of fold(text)) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36).padStart(7, "0");
}

export function decisionKey(kind: DecisionKind, scope: string | undefined, text: string): string {
  return [kind, scope, textHash(text)].filter((p) => p !== undefined && p !== "").join(":");
}

export class DecisionLog {
  readonly list: Decision[] = [];
  constructor(private readonly corrections: Corrections = {}) {}

  /** Records a decision and returns the value to use: the person's correction when there is one, else `chosen`. */
  decide<T>(d: Omit<Decision, "key" | "corrected"> & { scope?: string; keyText?: string }): T {
    const key = decisionKey(d.kind, d.scope, d.keyText ?? d.text);
    const corrected = Object.prototype.hasOwnProperty.call(this.corrections, key);
    if (!this.list.some((x) => x.key === key))
      this.list.push({ key, kind: d.kind, line: d.line, text: d.text, chosen: d.chosen, fiche: d.fiche, corrected });
    return (corrected ? this.corrections[key] : d.chosen) as T;
  }
}
