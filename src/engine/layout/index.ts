/**
 * Layout engine: model + campaign options → WorkbookPlan (plain data, no I/O).
 * Sheets: Sommaire, one per axe, the earlier campaigns' narrative (from the second year on), Contrôles, and the
 * very hidden metadata sheet.
 */
import { both, type Bilingual } from "../../i18n";
import { fold } from "../../util/text";
import type { Fiche, Granularite, Schema } from "../../model/schema";
import {
  bindingsByKey,
  type CellBinding,
  type DefinedName,
  type PlanMeta,
  type SourceRef,
  type WorkbookPlan,
} from "../plan";
import { buildAxeSheet, axeColumns, type AxeSheetContext } from "./axeSheet";
import { calendarGrid } from "../../model/calendarGrid";
import { cutHolds } from "./cuts";
import { buildControles } from "./controles";
import { buildRetours, retoursNames } from "./retours";
import type { Register } from "../register";
import { structureHash } from "./hash";
import { buildHistorique, historiqueName } from "./historique";
import { buildMetaSheet } from "./metaSheet";
import { sheetName } from "./naming";
import { paginate } from "./print";
import { buildSommaire, sommaireName } from "./sommaire";
import { controlesName } from "./controles";
import { STYLES } from "./styles";
import { niveauxOf, wordsOf } from "./words";
import type { Lang } from "../../i18n";

export interface LayoutOptions {
  campaignYear: number;
  /** Calendar columns; the model's granularity by default. */
  granularite?: Granularite;
  /** A workbook for one partenaire or territoire only. */
  cut?: { kind: "partenaire" | "territoire"; id: string };
  /** Sheet protection password; none by default. */
  password?: string;
  /** Fixed in tests; now by default. */
  generatedAt?: Date;
  /** A consolidated workbook: the sources it holds, recorded in its metadata. */
  sources?: SourceRef[];
  /** The language of the workbook's own words and values; French by default. */
  lang?: Lang;
  /** A consolidated workbook: its register of returns, recorded in its metadata and shown in its own sheets. */
  register?: Register;
}

export type LayoutResult = { ok: true; plan: WorkbookPlan } | { ok: false; error: Bilingual };

function keepFiche(cut: PlanMeta["cut"], fiche: Fiche): boolean {
  return !cut || cutHolds(cut, fiche);
}

/** "Axe 1", but only "I" for a long level name ("Objectif stratégique"): sheet names have 31 characters. */
function axePrefix(axe: string, numero: string): string {
  return axe.length <= 4 ? `${axe} ${numero}` : numero;
}

/** A master's sheets of returns, reading its bindings by key. */
export function layoutWorkbook(schema: Schema, options: LayoutOptions): LayoutResult {
  const { debut, fin } = schema.periode;
  const year = options.campaignYear;
  if (!Number.isInteger(year) || year < debut || year > fin)
    return { ok: false, error: both("layout.yearOutside", { year: String(year), debut, fin }) };

  let cut: PlanMeta["cut"];
  if (options.cut) {
    const list = options.cut.kind === "partenaire" ? schema.partenaires : schema.territoires;
    const found = list.find(
      (a) =>
        a.id === options.cut!.id ||
        fold(a.nom) === fold(options.cut!.id) ||
        (a.sigle && fold(a.sigle) === fold(options.cut!.id)),
    );
    if (!found)
      return {
        ok: false,
        error: both(options.cut.kind === "partenaire" ? "layout.unknownPartenaire" : "layout.unknownTerritoire", {
          ref: options.cut.id,
          known: list.map((a) => a.id).join(", ") || "—",
        }),
      };
    cut = { kind: options.cut.kind, id: found.id, nom: found.nom };
  }

  const granularite = options.granularite ?? schema.granularite;
  const lang = options.lang ?? "fr";
  const w = wordsOf(lang);
  const niveaux = niveauxOf(schema, lang);
  const generatedAt = options.generatedAt ?? new Date();
  const bindings: CellBinding[] = [];
  const labels: PlanMeta["labels"] = [];
  const names: DefinedName[] = [];
  const meta: PlanMeta = {
    metaVersion: 1,
    modelId: schema.id,
    modelVersion: schema.version,
    structureHash: structureHash(schema),
    campaignYear: year,
    granularite,
    generatedAt: generatedAt.toISOString(),
    ...(cut ? { cut } : {}),
    ...(lang !== "fr" ? { lang } : {}),
    ...(options.sources?.length ? { sources: options.sources } : {}),
    ...(options.register ? { register: options.register } : {}),
    fiches: [],
    labels,
    bindings,
  };

  const grid = calendarGrid(schema, granularite);
  const ctx: AxeSheetContext = {
    schema,
    w,
    niveaux,
    campaignYear: year,
    grid,
    cols: axeColumns(schema, grid),
    bindings,
    labels,
    names,
  };
  const taken = new Set([
    sommaireName(lang),
    historiqueName(w),
    controlesName(lang),
    "_bilan_meta",
    ...retoursNames(lang),
  ]);
  const axes = schema.axes
    .map((axe) => ({ axe, fiches: axe.fiches.filter((f) => keepFiche(cut, f)) }))
    .filter((a) => a.fiches.length > 0)
    .map((a) => ({ ...a, sheet: sheetName(`${axePrefix(niveaux.axe, a.axe.numero)} - ${a.axe.titre}`, taken) }));
  if (axes.length === 0) return { ok: false, error: both("layout.emptyCut", { nom: cut?.nom ?? "" }) };

  meta.fiches = axes.flatMap((a) => a.fiches.map((f) => f.id));
  const historique = buildHistorique(
    schema,
    axes.flatMap((a) => a.fiches),
    year,
    bindings,
    labels,
    w,
    niveaux,
  );
  if (historique) ctx.historique = historique.refOf;
  const axeSheets = axes.map((a) => buildAxeSheet(a.sheet, a.axe, a.fiches, ctx).plan);
  const sommaire = buildSommaire(schema, meta, axes, generatedAt, bindings, ctx.cols, w, niveaux).plan;
  const retours = options.register
    ? buildRetours(options.register, { schema, campaignYear: year, where: bindingsByKey(bindings), w })
    : [];
  const sheets = [
    sommaire,
    ...axeSheets,
    ...(historique ? [historique.sheet.plan] : []),
    ...retours,
    buildControles(year, w).plan,
  ];
  if (options.password) for (const s of sheets) if (s.protection) s.protection.password = options.password;
  paginate(sheets, { schema: schema.titre, campaignYear: year, styles: STYLES, lang });
  const modelJson = JSON.stringify(schema);
  sheets.push(buildMetaSheet(meta, modelJson).plan);
  if (options.password) sheets[sheets.length - 1]!.protection!.password = options.password;

  return { ok: true, plan: { meta, modelJson, styles: STYLES, sheets, names } };
}
