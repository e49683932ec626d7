/** The Contrôles sheet's content for a list of findings: counts, then one row per finding with a link to its cell. */
import { inLang, t, type Lang } from "../../i18n";
import type { Schema } from "../../model/schema";
import { sheetRef } from "../../util/a1";
import { CONTROLES_COLUMNS } from "../layout/controles";
import { niveauxOf, wordsOf } from "../layout/words";
import { countBySeverity, expectedIn, severityWord, type Finding } from "./findings";

export interface ControlesContent {
  /** Row 2: counts by severity and by axe. */
  summary: string;
  rows: (string | number | boolean)[][];
  /** Per row: where its Cellule column links to (`'Axe 1'!E12`), if anywhere. */
  links: (string | undefined)[];
}

export function controlesContent(findings: Finding[], schema: Schema | undefined, lang: Lang = "fr"): ControlesContent {
  const axes = new Map(schema?.axes.map((a) => [a.id, a.numero]));
  const fiches = new Map(schema?.axes.flatMap((a) => a.fiches).map((f) => [f.id, f.numero]));
  const counts = countBySeverity(findings);
  const byAxe = new Map<string, number>();
  for (const f of findings) if (f.axe) byAxe.set(f.axe, (byAxe.get(f.axe) ?? 0) + 1);
  // The schéma's word for its axes, said as the workbook says it (the default « Axe » is "Axis" in English).
  const axeWord = schema ? niveauxOf(schema, lang).axe : wordsOf(lang)("niveau.axe");
  const perAxe = [...byAxe]
    .map(([id, n]) => t(lang, "validate.controles.axe", { axe: axeWord, numero: axes.get(id) ?? id, n }))
    .join(" · ");
  const countsText = t(lang, "validate.controles.counts", { ...counts });
  const summary = perAxe ? t(lang, "validate.controles.byAxe", { counts: countsText, perAxe }) : countsText;
  const rows = findings.map((f) => [
    severityWord(lang, f.severity),
    f.rule,
    f.sheet ?? "",
    f.cell ?? "",
    f.axe ? (axes.get(f.axe) ?? f.axe) : "",
    f.fiche ? (fiches.get(f.fiche) ?? f.fiche) : "",
    f.node ?? "",
    f.value ?? "",
    expectedIn(lang, f) ?? "",
    inLang(lang, f),
  ]);
  if (rows[0] && rows[0].length !== CONTROLES_COLUMNS.length) throw new Error("controlesContent: columns out of step");
  return { summary, rows, links: findings.map((f) => (f.sheet && f.cell ? sheetRef(f.sheet, f.cell) : undefined)) };
}
