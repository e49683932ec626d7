/**
 * Problems found in a schéma model: where (a JSON path such as
 * `axes[2].fiches[0].indicateurs[3].type`), what (a code), and the message in
 * French and English.
 */
import { both, inLang, t, type Bilingual, type Lang, type MessageKey, type Params } from "../i18n";

export type PathSegment = string | number;

export interface ModelIssue extends Bilingual {
  /** JSON path of the offending value; `""` for the whole document. */
  path: string;
  code: MessageKey;
}

export function formatPath(segments: readonly PathSegment[]): string {
  let out = "";
  for (const s of segments) {
    if (typeof s === "number") out += `[${s}]`;
    else if (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(s)) out += out ? `.${s}` : s;
    else out += `[${JSON.stringify(s)}]`;
  }
  return out;
}

export function issue(path: readonly PathSegment[] | string, code: MessageKey, params: Params = {}): ModelIssue {
  return { path: typeof path === "string" ? path : formatPath(path), code, ...both(code, params) };
}

/** `axes[0].titre : texte vide` — French typography puts a space before the colon. */
export function formatIssue(i: ModelIssue, lang: Lang = "fr"): string {
  const text = inLang(lang, i);
  if (!i.path) return text;
  return t(lang, "format.labelled", { label: i.path, text });
}
