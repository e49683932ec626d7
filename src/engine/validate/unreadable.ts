/**
 * The report of a file that cannot be read at all, apart from the checks: the CLI's thread that hands files to
 * its worker says it without loading the validation engine.
 */
import { both, type MessageKey, type Params } from "../../i18n";
import { finding } from "./findings";
import type { ValidationReport } from "./index";

export const NO_COMPLETION = { fiches: {}, axes: {}, total: { required: 0, filled: 0 } };

/** One finding, its reason in both languages. */
export function unreadableReport(source: string, key: MessageKey, params: Params = {}): ValidationReport {
  const reason = both(key, params);
  const f = finding("fichier.illisible", {}, { reason: reason.message });
  f.messageEn = both("validate.file.unreadable", { reason: reason.messageEn }).messageEn;
  return { source, readable: false, findings: [f], completion: NO_COMPLETION, values: new Map(), comments: [] };
}
