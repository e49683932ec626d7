/**
 * Import of a schéma from its published text (`bilan import-text`): clean-up, table layouts, the walk over headings
 * and fields, then the draft model and the decisions it was unsure of. The draft is a `SchemaInput` (ids are made
 * by the parser); `corrections` (by decision key) give the person's choices, so that the same import run again
 * gives the corrected model.
 */
import { fold, slug } from "../../util/text";
import type { SchemaInput } from "../schema";
import { assemble, type Entry, type RawDocument, type RawFiche } from "./assemble";
import { isDateLine, isDureeSchema } from "./calendar";
import { cleanChars, cleanText } from "./clean";
import { DecisionLog, type Corrections, type Decision } from "./decisions";
import { draftFiche, type Meta } from "./draft";
import { recogniseField } from "./fields";
import { recogniseHeading, recogniseTitleLine, sentenceCase } from "./headings";
import { toItems } from "./tables";

export type { Decision, Corrections } from "./decisions";

export interface ImportResult {
  model: SchemaInput;
  decisions: Decision[];
}

/** What a running header is not: a heading, a label, a date, the schéma's duration. */
const keep = (text: string) =>
  recogniseHeading(text) !== null ||
  recogniseField(text) !== null ||
  recogniseTitleLine(text) !== null ||
  isDateLine(text) ||
  isDureeSchema(text);
const isLabel = (text: string) => recogniseField(text) !== null;

/** The schéma's title and period: the first line naming a schéma with a period « 2022-2026 ». */
function meta(raw: string, log: DecisionLog): Meta {
  const lines = raw.split(/\r?\n/);
  const k = lines.findIndex(
    (l) => /sch[ée]ma/i.test(l) && /(?:19|20)\d{2}\s*[-–/]\s*(?:19|20)\d{2}/.test(l) && l.length < 200,
  );
  const titleLine =
    k >= 0
      ? cleanChars(lines[k]!)
          .replace(/<[^>]+>|\*+|^#+\s*/g, "")
          .trim()
      : "";
  const titre = titleLine.replace(/^.*?(sch[ée]ma\b)/i, (_, s: string) => s.charAt(0).toUpperCase() + s.slice(1));
  const years = /((?:19|20)\d{2})\s*[-–/]\s*((?:19|20)\d{2})/.exec(titre);
  let span = years ? { debut: Number(years[1]), fin: Number(years[2]) } : undefined;
  if (!span) {
    const all = [...raw.matchAll(/\b(?:19|20)\d{2}\b/g)].map((m) => Number(m[0]));
    const guess = all.length ? { debut: Math.min(...all), fin: Math.max(...all) } : { debut: 2020, fin: 2024 };
    span = log.decide<{ debut: number; fin: number }>({
      kind: "meta",
      scope: "periode",
      line: 1,
      text: "période du schéma",
      keyText: "periode",
      chosen: guess,
    });
  }
  const departement = log.decide<string>({
    kind: "meta",
    scope: "departement",
    line: k + 1,
    text: titleLine || "département",
    keyText: "departement",
    chosen: "À préciser",
  });
  const finalTitre = titre || "Schéma départemental de l'enfance et de la famille";
  return {
    titre: finalTitre,
    departement,
    span,
    id: slug(`${departement === "À préciser" ? "schema" : departement}_${span.debut}_${span.fin}`, 60).replace(
      /^(\d)/,
      "s_$1",
    ),
  };
}

/**
 * A fiche whose page carries two side panels (pilote, calendrier) while the fiche before has none: the layout put
 * the previous fiche's panel under this one's heading. The first panel goes back to the previous fiche.
 */
function panelsOf(doc: RawDocument, log: DecisionLog): Map<RawFiche, { pilotes: Entry[]; calendrier: Entry[] }> {
  const out = new Map<RawFiche, { pilotes: Entry[]; calendrier: Entry[] }>();
  doc.fiches.forEach((f, k) => {
    const prev = doc.fiches[k - 1];
    const calendars = f.panels.filter((p) => p.field === "calendrier");
    if (!prev || calendars.length < 2 || prev.fields.calendrier) return;
    // The second panel starts at its pilot label when it has one, else at its calendar label.
    const second = calendars[1]!.n;
    const cut =
      [...f.panels].reverse().find((p) => p.field === "pilotes" && p.n < second && p.n > calendars[0]!.n)?.n ?? second;
    const move = log.decide<boolean>({
      kind: "panel",
      scope: f.numero,
      fiche: f.numero,
      line: f.panels[0]!.n,
      text: `fiche ${f.numero} : premier encadré (pilote, calendrier) rattaché à la fiche ${prev.numero}`,
      keyText: "panel",
      chosen: true,
    });
    if (!move) return;
    const before = (l: Entry[] | undefined) => (l ?? []).filter((e) => e.n < cut);
    const after = (l: Entry[] | undefined) => (l ?? []).filter((e) => e.n >= cut);
    out.set(prev, { pilotes: before(f.fields.pilotes), calendrier: before(f.fields.calendrier) });
    out.set(f, { pilotes: after(f.fields.pilotes), calendrier: after(f.fields.calendrier) });
  });
  return out;
}

export function importText(raw: string, corrections: Corrections = {}): ImportResult {
  const log = new DecisionLog(corrections);
  const items = toItems(cleanText(raw, keep, isLabel));
  const doc = assemble(items);
  const m = meta(raw, log);
  const panels = panelsOf(doc, log);
  // Fiches only an overview names take their place among the others.
  const natural = (a: RawFiche, b: RawFiche) => a.numero.localeCompare(b.numero, "fr", { numeric: true });
  const added = gaps(doc, log);
  if (added.length) doc.fiches = [...doc.fiches, ...added].sort(natural);

  // Axes: those the body names, then those only a table of contents names; a document without any gets one.
  const axes: SchemaInput["axes"] = [];
  const axeOf = (numero: string | undefined) => axes.find((a) => a.numero === numero);
  for (const a of doc.axes)
    axes.push({
      numero: a.numero,
      titre: a.titre || doc.tocTitles.get(`axe:${a.numero}`) || `${a.label} ${a.numero}`,
      ...(a.principe.length ? { principe: a.principe.join("\n").slice(0, 10000) } : {}),
      enjeux: [...new Set(a.enjeux.map((e) => e.replace(/\s+/g, " ").trim()))],
      objectifs: a.objectifs,
      fiches: [],
    });
  for (const f of doc.fiches) {
    let numero = f.axe ?? doc.tocAxeOf.get(f.numero);
    if (numero && !axeOf(numero)) {
      const titre = doc.tocTitles.get(`axe:${numero}`);
      axes.push({ numero, titre: titre ? sentenceCase(titre) : `Axe ${numero}`, fiches: [] });
    }
    if (!numero) {
      const first = doc.fiches[0]!;
      numero = log.decide<string>({
        kind: "axe",
        scope: f.numero,
        fiche: f.numero,
        line: f.n,
        text: `fiche ${f.numero} sans axe`,
        keyText: "axe",
        chosen: axes[0]?.numero ?? first.numero,
      });
      const label = /^fiche/i.test(first.label) ? first.label : `Fiche ${first.label.toLowerCase()}`;
      if (!axeOf(numero)) axes.push({ numero, titre: `${label} n°${first.numero}`, fiches: [] });
    }
    const fiche = draftFiche(f, m, doc.granularite, log, panels.get(f));
    // An objectif the fiche names must exist in its axe.
    const axe = axeOf(numero)!;
    if (fiche.objectif && !(axe.objectifs ?? []).some((o) => fold(o.titre) === fold(fiche.objectif!)))
      (axe.objectifs ??= []).push({ titre: fiche.objectif });
    (axe.fiches ??= []).push(fiche);
  }
  for (const l of doc.unknownLabels) log.decide({ kind: "label", line: l.n, text: l.text, chosen: "ignore" });

  const partenaires = new Map<string, string>();
  for (const a of axes)
    for (const f of a.fiches ?? [])
      for (const p of [
        ...(f.pilotes ?? []),
        ...(f.partenaires ?? []),
        ...(f.sousActions ?? []).flatMap((s) => s.pilotes ?? []),
      ])
        if (!partenaires.has(fold(p))) partenaires.set(fold(p), p);

  const model: SchemaInput = {
    id: m.id,
    version: "0.1.0",
    titre: m.titre,
    departement: m.departement,
    periode: m.span,
    granularite: doc.granularite,
    niveaux: {
      axe: doc.axes[0]?.label ?? "Axe",
      objectif: "Objectif opérationnel",
      fiche: doc.ficheLevel === "objectif" ? "Objectif opérationnel" : (doc.fiches[0]?.label ?? "Fiche action"),
      sousAction: doc.fiches.some((f) => f.sousActions.length)
        ? "Action"
        : doc.fiches.some((f) => f.grid.length)
          ? "Déclinaison opérationnelle"
          : "Modalité de mise en œuvre",
    },
    source: m.titre,
    partenaires: [...partenaires.values()].map((nom) => ({ nom })),
    axes: axes.filter((a) => (a.fiches ?? []).length > 0 || doc.axes.some((d) => d.numero === a.numero)),
  };
  return { model, decisions: log.list };
}

/**
 * Fiche numbers that skip one (« III.1 », « III.4 »): a fiche the text does not detail, or a heading missed. When the
 * axe's overview lists as many title / example pairs as the axe has fiches, the missing one is taken from it (its
 * title, and its example as its one sous-action), and said; otherwise the gap is said.
 */
function gaps(doc: RawDocument, log: DecisionLog): RawFiche[] {
  const added: RawFiche[] = [];
  const byPrefix = new Map<string, number[]>();
  for (const f of doc.fiches) {
    const m = /^(?:(.*)\.)?(\d+)$/.exec(f.numero);
    if (!m) continue;
    const list = byPrefix.get(m[1] ?? "") ?? [];
    list.push(Number(m[2]));
    byPrefix.set(m[1] ?? "", list);
  }
  for (const [prefix, list] of byPrefix) {
    const max = Math.max(...list);
    const axe = doc.axes.find((a) => a.numero === prefix);
    const overview = axe?.overviews.find((o) => o.length === 2 * max);
    for (let k = Math.min(...list) + 1; k < max; k++) {
      if (list.includes(k)) continue;
      const numero = prefix ? `${prefix}.${k}` : String(k);
      if (overview && axe) {
        const [title, example] = [overview[2 * (k - 1)]!, overview[2 * (k - 1) + 1]!];
        const taken = log.decide<boolean>({
          kind: "overview",
          scope: numero,
          fiche: numero,
          line: title.n,
          text: `${title.text} — ${example.text}`,
          keyText: "overview",
          chosen: true,
        });
        if (taken) {
          const f = doc.fiches.find((x) => x.numero.startsWith(`${prefix}.`))!;
          added.push({
            n: title.n,
            numero,
            titre: title.text,
            label: f.label,
            axe: axe.numero,
            fields: {},
            indicateurs: [],
            sousActions: [],
            grid: [],
            loose: [{ ...example }],
            panels: [],
          });
          continue;
        }
      }
      log.decide({
        kind: "gap",
        scope: numero,
        fiche: numero,
        line: 0,
        text: `fiche ${numero} absente du texte`,
        keyText: "gap",
        chosen: "absente",
      });
    }
  }
  return added;
}
