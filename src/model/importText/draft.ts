/**
 * The draft model made from what the walk read: sous-actions from their best source (numbered actions, a calendar
 * grid, the « Modalités » list, or the lines under the heading), indicators typed from their wording, calendars
 * read, pilotes and partenaires listed once as the schéma's partenaires. Every choice it is unsure of goes through
 * the decision log, which also applies the person's corrections.
 */
import { fold } from "../../util/text";
import type { SchemaInput, ValueType } from "../schema";
import { VALUE_TYPES } from "../schema";
import type { Entry, RawFiche } from "./assemble";
import { parseCalendarBlock, type CalendrierDraft, type Span } from "./calendar";
import type { DecisionLog } from "./decisions";
import { inferValueType, sensOf, severalMeasures } from "./valueType";

type FicheInput = SchemaInput["axes"][number]["fiches"] extends (infer F)[] | undefined ? F : never;
type IndicateurInput = NonNullable<FicheInput["indicateurs"]>[number];
type SousActionInput = NonNullable<FicheInput["sousActions"]>[number];

export interface Meta {
  titre: string;
  departement: string;
  span: Span;
  id: string;
}

const texts = (list: Entry[] | undefined) =>
  (list ?? []).map((e) => e.text.replace(/\s+/g, " ").trim()).filter(Boolean);
const line = (s: string) => s.replace(/\s+/g, " ").trim().slice(0, 4000);

/** Names in a pilot or partner cell: « Direction de l'enfance et de la famille / ARS », « CAF, CPAM ». */
export function names(list: string[]): string[] {
  const out: string[] = [];
  for (const l of list)
    for (const part of l.split(/\s+\/\s+|\s*;\s*|,\s+(?=\p{Lu})/u)) {
      const n = part
        .replace(/^[-–•]\s*/, "")
        .replace(/[.;,]$/, "")
        .trim();
      if (n && /\p{L}/u.test(n) && n.length <= 120 && !out.some((o) => fold(o) === fold(n))) out.push(n);
    }
  return out;
}

function calendar(
  entries: Entry[],
  meta: Meta,
  granularite: "annee" | "semestre",
  log: DecisionLog,
  scope: string,
): CalendrierDraft | undefined {
  if (!entries.length) return undefined;
  const r = parseCalendarBlock(
    entries.map((e) => e.text),
    meta.span,
    granularite,
  );
  if (r.sure) return r.calendrier;
  return log.decide<CalendrierDraft | undefined>({
    kind: "calendar",
    scope,
    fiche: scope,
    line: entries[0]!.n,
    text: entries.map((e) => e.text).join(" / "),
    chosen: r.calendrier,
  });
}

/** « Évolution du processus : » followed by sub-items: one line, which its sub-items complete. */
function withSubItems(entries: RawFiche["indicateurs"]): RawFiche["indicateurs"] {
  const out: RawFiche["indicateurs"] = [];
  let open: RawFiche["indicateurs"][number] | undefined;
  for (const e of entries) {
    if (open && e.depth > open.depth) {
      open.text = `${open.text} ${e.text}`;
      continue;
    }
    const copy = { ...e };
    out.push(copy);
    open = /:\s*$/.test(e.text) ? copy : undefined;
  }
  return out;
}

function indicateurs(f: RawFiche, log: DecisionLog): IndicateurInput[] {
  const out: IndicateurInput[] = [];
  const seen = new Set<string>();
  for (const e of withSubItems(f.indicateurs)) {
    const libelle = line(e.text);
    if (!/\p{L}/u.test(libelle) || seen.has(fold(libelle))) continue;
    seen.add(fold(libelle));
    const guess = inferValueType(libelle);
    let type: ValueType = guess.type;
    // An expected effect (« Des passages de relais fluidifiés ») under « Impact » is a qualitative answer.
    const effect = e.nature === "impact" && guess.type === "text";
    if (!guess.sure && !effect) {
      const chosen = log.decide<string>({
        kind: "type",
        scope: f.numero,
        fiche: f.numero,
        line: e.n,
        text: libelle,
        chosen: guess.type,
      });
      type = (VALUE_TYPES as readonly string[]).includes(chosen) ? (chosen as ValueType) : guess.type;
    }
    let parts: string[] = [libelle];
    if (severalMeasures(libelle)) {
      const split = log.decide<string[] | string>({
        kind: "several",
        scope: f.numero,
        fiche: f.numero,
        line: e.n,
        text: libelle,
        chosen: [libelle],
      });
      if (Array.isArray(split) && split.length && split.every((s) => typeof s === "string" && s.trim())) parts = split;
    }
    for (const part of parts) {
      const partGuess = parts.length > 1 ? inferValueType(part) : guess;
      const partType = parts.length > 1 ? partGuess.type : type;
      const ind: IndicateurInput = { libelle: line(part), nature: e.nature, type: partType };
      const sens = partType === "text" || partType === "boolean" ? undefined : sensOf(part);
      if (sens) ind.sens = sens;
      if (parts.length > 1) ind.formulationPubliee = libelle;
      if (partType === "ratio") {
        const p = partGuess.parts ?? { numerateur: part, denominateur: part };
        ind.numerateur = { libelle: line(p.numerateur) };
        ind.denominateur = { libelle: line(p.denominateur) };
      }
      out.push(ind);
    }
  }
  return out;
}

/** « 1. Renforcer… », « 2) Déployer… »: a numbered list item, its number apart. */
const NUMBERED_ITEM = /^(\d{1,2})[.)]\s+(\S.*)$/;

/**
 * Top-level items become sous-actions, deeper ones their details. In a numbered list, the numbered items are the
 * sous-actions (their number kept) and the lines between them their details.
 */
function fromList(entries: Entry[]): SousActionInput[] {
  const out: SousActionInput[] = [];
  const numbered = entries.some((e) => NUMBERED_ITEM.test(e.text));
  const top = Math.min(...entries.map((e) => e.depth));
  for (const e of entries) {
    const last = out[out.length - 1];
    const m = NUMBERED_ITEM.exec(e.text);
    const isTop = numbered ? Boolean(m) : e.depth <= top;
    if (!isTop && last) (last.details ??= []).push(line(e.text));
    else if (m && numbered) out.push({ numero: m[1]!, libelle: line(m[2]!) });
    else out.push({ libelle: line(e.text) });
  }
  // Numbers repeated in one list (two lists run together) would clash: they are left out then.
  const seen = new Set<string>();
  for (const sa of out) {
    if (sa.numero && seen.has(sa.numero)) for (const x of out) delete x.numero;
    if (sa.numero) seen.add(sa.numero);
  }
  return out;
}

function sousActions(f: RawFiche, meta: Meta, granularite: "annee" | "semestre", log: DecisionLog): SousActionInput[] {
  if (f.sousActions.length)
    return f.sousActions.map((s) => {
      const cal = calendar(s.calendrier, meta, granularite, log, `${f.numero}/${s.numero}`);
      return {
        numero: s.numero,
        libelle: line(s.libelle || s.numero),
        ...(s.details.length ? { details: texts(s.details) } : {}),
        ...(s.pilotes.length ? { pilotes: names(s.pilotes) } : {}),
        ...(cal ? { calendrier: cal } : {}),
      };
    });
  if (f.grid.length)
    return f.grid.map((g) => ({
      libelle: line(g.libelle),
      ...(g.periodes.length ? { calendrier: { periodes: g.periodes } } : {}),
    }));
  const modalites = f.fields.modalites ?? [];
  if (modalites.length) return fromList(modalites);
  if (f.loose.length) return fromList(f.loose);
  return [];
}

export function draftFiche(
  f: RawFiche,
  meta: Meta,
  granularite: "annee" | "semestre",
  log: DecisionLog,
  panel: { pilotes: Entry[]; calendrier: Entry[] } | undefined,
): FicheInput {
  const sas = sousActions(f, meta, granularite, log);
  const modalitesKept = f.sousActions.length || f.grid.length ? texts(f.fields.modalites) : [];
  const pilotes = names(texts(panel ? panel.pilotes : f.fields.pilotes));
  // Under a grid, its marks and row labels printed again as text are the grid itself.
  const inGrid = (e: Entry) =>
    /^(?:[xX]|(?:19|20)\d{2}|S[12]|T[1-4])$/.test(e.text.trim()) ||
    f.grid.some((g) => fold(g.libelle) === fold(e.text));
  const calEntries = (panel ? panel.calendrier : (f.fields.calendrier ?? [])).filter(
    (e) => !f.grid.length || !inGrid(e),
  );
  // A fiche with a grid has its calendar in the grid's rows: other wording under its label is said, not used.
  const cal = f.grid.length
    ? calEntries.length
      ? log.decide<CalendrierDraft | undefined>({
          kind: "calendar",
          scope: f.numero,
          fiche: f.numero,
          line: calEntries[0]!.n,
          text: calEntries.map((e) => e.text).join(" / "),
          chosen: undefined,
        })
      : undefined
    : calendar(calEntries, meta, granularite, log, f.numero);
  const fiche: FicheInput = {
    numero: f.numero,
    titre: line(f.titre || `${f.label} ${f.numero}`),
    ...(f.objectif ? { objectif: line(f.objectif) } : {}),
    diagnostic: texts(f.fields.diagnostic),
    objectifs: texts(f.fields.objectifs),
    modalites: modalitesKept,
    pilotes,
    partenaires: names(texts(f.fields.partenaires)).filter((p) => !pilotes.some((x) => fold(x) === fold(p))),
    moyens: texts(f.fields.moyens),
    autresPolitiques: texts(f.fields.autresPolitiques),
    vigilance: texts(f.fields.vigilance),
    ...(cal ? { calendrier: cal } : {}),
    sousActions: sas,
    indicateurs: indicateurs(f, log),
  };
  return fiche;
}
