/** What the pane's views share: the language, the chosen schéma and the last check of the open workbook. */
import { createContext, useContext, useMemo, useState, type ReactNode } from "react";
import type { Schema } from "../model/schema";
import type { ValidationReport } from "../engine/validate";
import { translate, type Lang, type PluralKey, type StringKey } from "./strings";

export interface PaneState {
  lang: Lang;
  t: (key: StringKey | PluralKey, params?: Record<string, string | number>) => string;
  /** A French or English text of a bilingual message. */
  text: (m: { message: string; messageEn: string }) => string;
  /** What to tell the user of an error: the add-in's own sentence as it is, anything else after "failed:". */
  failure: (e: unknown) => string;
  schema: Schema | undefined;
  setSchema: (s: Schema | undefined) => void;
  report: ValidationReport | undefined;
  setReport: (r: ValidationReport | undefined) => void;
}

const Context = createContext<PaneState | undefined>(undefined);

export function PaneProvider({ lang, children }: { lang: Lang; children: ReactNode }) {
  const [schema, setSchema] = useState<Schema>();
  const [report, setReport] = useState<ValidationReport>();
  const value = useMemo<PaneState>(
    () => ({
      lang,
      t: (key, params) => translate(lang, key, params),
      text: (m) => (lang === "en" ? m.messageEn : m.message),
      failure: (e) => (hasText(e) ? errorText(e, lang) : translate(lang, "failed", { message: errorText(e, lang) })),
      schema,
      setSchema,
      report,
      setReport,
    }),
    [lang, schema, report],
  );
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function usePane(): PaneState {
  const v = useContext(Context);
  if (!v) throw new Error("usePane outside PaneProvider");
  return v;
}

const hasText = (e: unknown): e is { text: { message: string; messageEn: string } } =>
  Boolean(e && typeof e === "object" && "text" in e);

/** An error as a sentence for the user: ours carry their text, Office's have a message. */
export function errorText(e: unknown, lang: Lang): string {
  if (hasText(e)) {
    const t = (e as { text: { message: string; messageEn: string } }).text;
    return lang === "en" ? t.messageEn : t.message;
  }
  return e instanceof Error ? e.message : String(e);
}
