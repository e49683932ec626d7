/** The Contrôles sheet's content for a list of findings: counts, then one row per finding with a link to its cell. */
import { inLang, type Lang } from "../../i18n";
import type { Schema } from "../../model/schema";
import { sheetRef } from "../../util/a1";
import { CONTROLES_COLUMNS } from "../layout/controles";
import { countBySeverity, type Finding } from "./findings";

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
  const perAxe = [...byAxe]
    .map(([id, n]) => `${schema?.niveaux.axe ?? "Axe"} ${axes.get(id) ?? id} : ${n}`)
    .join(" · ");
  const summary =
    `${counts.erreur} erreur(s), ${counts.avertissement} avertissement(s), ${counts.info} info(s)` +
    (perAxe ? ` — par axe : ${perAxe}` : "");
  const rows = findings.map((f) => [
    f.severity,
    f.rule,
    f.sheet ?? "",
    f.cell ?? "",
    f.axe ? (axes.get(f.axe) ?? f.axe) : "",
    f.fiche ? (fiches.get(f.fiche) ?? f.fiche) : "",
    f.node ?? "",
    f.value ?? "",
    f.expected ?? "",
    inLang(lang, f),
  ]);
  if (rows[0] && rows[0].length !== CONTROLES_COLUMNS.length) throw new Error("controlesContent: columns out of step");
  return { summary, rows, links: findings.map((f) => (f.sheet && f.cell ? sheetRef(f.sheet, f.cell) : undefined)) };
}
