/** What the pane's views share: the language, the chosen schéma and the last check of the open workbook. */
import { createContext, useContext, useMemo, useState, type ReactNode } from "react";
import type { Schema } from "../model/schema";
import type { ValidationReport } from "../engine/validate";
import { inLang, t, type KeysUnder, type Lang, type Params } from "../i18n";

/** A key of the pane's own strings, without its `pane.` prefix (`t("generate")` says `pane.generate`). */
export type PaneKey = KeysUnder<"pane.">;

export interface PaneState {
  lang: Lang;
  t: (key: PaneKey, params?: Params) => string;
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
      t: (key, params) => t(lang, `pane.${key}`, params),
      text: (m) => inLang(lang, m),
      failure: (e) => (hasText(e) ? errorText(e, lang) : t(lang, "pane.failed", { message: errorText(e, lang) })),
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
  if (hasText(e)) return inLang(lang, e.text);
  return e instanceof Error ? e.message : String(e);
}
