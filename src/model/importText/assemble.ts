/**
 * The walk over a document's items: headings open axes, objectifs, fiches and sous-actions; field labels say which
 * part of the fiche the following lines fill; grid rows give sous-actions with their periods. What is read is kept
 * raw here (items with their lines and depths); `draft.ts` makes the model from it.
 */
import { fold } from "../../util/text";
import { joinedLabel, recogniseNatureHeading, type Field, type Nature } from "./fields";
import { recogniseHeading, recogniseNumbered, recogniseTitleLine, sentenceCase, type Heading } from "./headings";
import { gridColumns } from "./calendar";
import type { Item } from "./tables";

export interface Entry {
  n: number;
  text: string;
  depth: number;
}

export interface GridRow {
  n: number;
  libelle: string;
  periodes: string[];
}

export interface RawSousAction {
  n: number;
  numero: string;
  libelle: string;
  details: Entry[];
  pilotes: string[];
  calendrier: Entry[];
}

export interface RawFiche {
  n: number;
  numero: string;
  titre: string;
  label: string;
  axe?: string;
  objectif?: string;
  fields: Partial<Record<Field, Entry[]>>;
  indicateurs: (Entry & { nature: Nature })[];
  sousActions: RawSousAction[];
  grid: GridRow[];
  /** Lines right under the heading, before any label: the sous-actions of a fiche that has no field labels. */
  loose: Entry[];
  /** The pilot and calendar labels met, for a side panel printed under the next fiche's heading. */
  panels: { field: "pilotes" | "calendrier"; n: number }[];
  numberedOnly?: boolean;
  /** The title ends with « : » and goes on in the list under it (« Former les professionnels : - sur… - sur… »). */
  titleOpen?: boolean;
}

export interface RawAxe {
  n: number;
  numero: string;
  titre: string;
  label: string;
  principe: string[];
  enjeux: string[];
  objectifs: { numero?: string; titre: string }[];
  /**
   * Runs of plain lines right under the axe's heading, before any fiche: an overview slide may list each objectif's
   * title followed by one example action (seed 002), the only place some objectifs are named.
   */
  overviews: Entry[][];
}

export interface RawDocument {
  axes: RawAxe[];
  fiches: RawFiche[];
  /** Fiche number → axe number, from a table of contents. */
  tocAxeOf: Map<string, string>;
  tocTitles: Map<string, string>;
  /** Lines at fiche level that no rule took: an unrecognised label in capitals. */
  unknownLabels: Entry[];
  granularite: "annee" | "semestre";
  ficheLevel: "fiche" | "objectif";
}

const ACTION_REF =
  /^(?:actions?|sous-actions?)\s+((?:\d+\.\d+)(?:\.?\s*(?:&|et|,)\s*\d+\.\d+)*)\.?\s*[:\-–]?\s*(.*)$/iu;
const FOOTNOTE = /^\d{1,2}\s?[-–]\s+\p{Lu}/u;
/** A line in capitals, short, alone: a label the document uses that no rule knows. */
const CAPS_LABEL = /^[\p{Lu}\d'’ /()-]{4,60}$/u;

/** How the document numbers its fiches: explicit « Fiche action N° », numbers alone, or objectifs opérationnels. */
function ficheStyle(items: Item[]): { explicit: boolean; numbered: boolean } {
  let explicit = 0;
  for (const it of items) {
    const h = it.depth === 0 && !it.cells ? recogniseHeading(it.text) : null;
    if (h?.level === "fiche" && !h.toc) explicit++;
  }
  return { explicit: explicit > 0, numbered: explicit === 0 };
}

export function assemble(items: Item[]): RawDocument {
  const style = ficheStyle(items);
  const doc: RawDocument = {
    axes: [],
    fiches: [],
    tocAxeOf: new Map(),
    tocTitles: new Map(),
    unknownLabels: [],
    granularite: "annee",
    ficheLevel: "fiche",
  };
  let axe: RawAxe | undefined;
  let tocAxe: string | undefined;
  let fiche: RawFiche | undefined;
  let sa: RawSousAction | undefined;
  let field: Field | undefined;
  let nature: Nature = "realisation";
  let fieldNature: Nature = "realisation";
  let awaitingTitle: RawFiche | RawSousAction | undefined;
  let columns: string[] | undefined;
  let headerRows: string[][] = [];
  let blankBefore = false;
  let lastEntry: Entry | undefined;
  let usedNumbered = false;
  let usedObjectifAsFiche = false;

  const findAxe = (numero: string) => doc.axes.find((a) => a.numero === numero);
  const openAxe = (h: Heading, n: number) => {
    let a = findAxe(h.numero!);
    if (!a) {
      a = { n, numero: h.numero!, titre: "", label: h.label, principe: [], enjeux: [], objectifs: [], overviews: [] };
      doc.axes.push(a);
    }
    if (!a.titre && h.titre) a.titre = sentenceCase(h.titre);
    return a;
  };
  const hasContent = (f: RawFiche) =>
    Object.keys(f.fields).length > 0 || f.indicateurs.length > 0 || f.sousActions.length > 0 || f.grid.length > 0;
  const openFiche = (h: Heading, n: number) => {
    let f = doc.fiches.find((x) => x.numero === h.numero);
    if (!f) {
      f = {
        n,
        numero: h.numero!,
        titre: "",
        label: h.label,
        axe: axe?.numero,
        fields: {},
        indicateurs: [],
        sousActions: [],
        grid: [],
        loose: [],
        panels: [],
        numberedOnly: h.numberedOnly,
      };
      doc.fiches.push(f);
    }
    if (h.titre && !f.titre) f.titre = sentenceCase(h.titre);
    awaitingTitle = f.titre ? undefined : f;
    return f;
  };
  const push = (list: Entry[], it: Item) => {
    // A wording cut over two lines: the second starts in lower case, right under the first.
    if (lastEntry && list.includes(lastEntry) && !blankBefore && it.depth === 0 && /^[\p{Ll}(]/u.test(it.text)) {
      lastEntry.text = `${lastEntry.text} ${it.text}`;
      return;
    }
    const e = { n: it.n, text: it.text, depth: it.depth };
    list.push(e);
    lastEntry = e;
  };

  for (let i = 0; i < items.length; i++) {
    const it = items[i]!;
    if (!it.text) {
      blankBefore = true;
      continue;
    }
    const wasBlank = blankBefore;
    blankBefore = false;

    if (it.cells) {
      const cells = it.cells;
      const filled = cells.filter((c) => c.trim());
      if (filled.every((c) => /^(?:(?:19|20)\d{2}|S[12]|T[1-4])$/i.test(c.trim()))) {
        if (filled.some((c) => /^\d{4}$/.test(c.trim()))) headerRows = [cells];
        else headerRows = [headerRows.find((r) => r.some((c) => /^\d{4}$/.test(c.trim()))) ?? [], cells];
        columns = gridColumns(headerRows);
        continue;
      }
      if (!fiche || !columns) continue;
      const cols = columns.filter((c) => c && !c.startsWith("-"));
      // The row's label: its first cell that is neither a mark, nor a label, nor markup (a whole table in one cell).
      const k = cells.findIndex(
        (c) =>
          c.trim() &&
          !/^(?:x|X)$/.test(c.trim()) &&
          !/<\/?[a-z]/i.test(c) &&
          !joinedLabel([{ n: 0, text: c, depth: 0 }], 0),
      );
      if (k < 0) continue;
      const libelle = cells[k]!.replace(/\s+/g, " ").trim();
      const marks = cells.slice(k + 1, k + 1 + cols.length);
      const periodes = cols.filter((_, j) => /^(?:x|X|✓|✔|■|●)$/.test((marks[j] ?? "").trim()));
      if (cols.some((c) => /-S[12]$/.test(c))) doc.granularite = "semestre";
      if (!fiche.grid.some((g) => fold(g.libelle) === fold(libelle))) fiche.grid.push({ n: it.n, libelle, periodes });
      continue;
    }

    const text = it.text;
    const heading = recogniseHeading(text);
    const perAction = fiche && (field === "pilotes" || field === "calendrier") ? ACTION_REF.exec(text) : null;

    if (heading && heading.toc) {
      if (heading.level === "axe") {
        tocAxe = heading.numero;
        if (heading.titre && !doc.tocTitles.has(`axe:${heading.numero}`))
          doc.tocTitles.set(`axe:${heading.numero}`, heading.titre);
      } else if (heading.level === "fiche" && tocAxe) doc.tocAxeOf.set(heading.numero!, tocAxe);
      continue;
    }
    if (heading && !perAction && it.depth === 0) {
      if (heading.level === "axe") {
        const a = openAxe(heading, it.n);
        // « Fiche action N° 1 » then « Axe 1 : … »: the fiche just opened belongs to this axe.
        if (fiche && !hasContent(fiche)) fiche.axe = a.numero;
        else {
          fiche = undefined;
          sa = undefined;
        }
        axe = a;
        a.overviews.push([]);
        field = undefined;
        continue;
      }
      if (heading.level === "objectif") {
        if (style.numbered && heading.numero && !doc.fiches.some((f) => f.numberedOnly)) {
          usedObjectifAsFiche = true;
          fiche = openFiche({ ...heading, level: "fiche" }, it.n);
          fiche.axe = axe?.numero ?? heading.numero.split(".")[0];
          sa = undefined;
          field = undefined;
          continue;
        }
        if (axe && heading.titre) {
          const titre = sentenceCase(heading.titre);
          if (!axe.objectifs.some((o) => fold(o.titre) === fold(titre)))
            axe.objectifs.push({ numero: heading.numero, titre });
          if (fiche && !hasContent(fiche)) fiche.objectif = titre;
        }
        continue;
      }
      if (heading.level === "fiche" && style.explicit) {
        fiche = openFiche(heading, it.n);
        sa = undefined;
        field = undefined;
        continue;
      }
      if (heading.level === "sousAction" && fiche) {
        sa = fiche.sousActions.find((s) => s.numero === heading.numero);
        if (!sa) {
          sa = {
            n: it.n,
            numero: heading.numero!,
            libelle: sentenceCase(heading.titre),
            details: [],
            pilotes: [],
            calendrier: [],
          };
          fiche.sousActions.push(sa);
        }
        awaitingTitle = sa.libelle ? undefined : sa;
        field = undefined;
        continue;
      }
    }
    if (style.numbered && !usedObjectifAsFiche && it.depth === 0) {
      const numbered = recogniseNumbered(text);
      const last = doc.fiches[doc.fiches.length - 1];
      const expected = last ? String(Number(last.numero) + 1) : "1";
      if (numbered?.toc && /^\d+$/.test(numbered.numero!)) {
        if (tocAxe) doc.tocAxeOf.set(numbered.numero!, tocAxe);
        doc.tocTitles.set(`fiche:${numbered.numero}`, numbered.titre);
        continue;
      }
      if (
        numbered &&
        (numbered.numero === expected ||
          doc.fiches.some((f) => f.numero === numbered.numero && f.titre === sentenceCase(numbered.titre)))
      ) {
        usedNumbered = true;
        fiche = openFiche(numbered, it.n);
        sa = undefined;
        field = undefined;
        continue;
      }
    }
    if (fiche && !fiche.titre) {
      const t = recogniseTitleLine(text);
      if (t) {
        fiche.titre = sentenceCase(t);
        fiche.titleOpen = fiche.titre.endsWith(":");
        awaitingTitle = undefined;
        continue;
      }
    }
    const label = joinedLabel(items, i);
    if (label) {
      i += label.taken - 1;
      const { field: f, rest } = label.label;
      if (f === "enjeux" || f === "principe") {
        field = f;
        if (rest && axe) (f === "enjeux" ? axe.enjeux : axe.principe).push(rest);
        if (f === "enjeux") fiche = undefined;
        continue;
      }
      if (!fiche) {
        field = undefined;
        continue;
      }
      awaitingTitle = undefined;
      sa = undefined;
      // A second side panel in one fiche: the first may be the previous fiche's (index.ts).
      if (f === "pilotes" || f === "calendrier") fiche.panels.push({ field: f, n: it.n });
      field = f;
      fieldNature = label.label.nature ?? (f === "indicateurs" ? "realisation" : fieldNature);
      nature = fieldNature;
      if (rest) {
        const restItem = { ...it, text: rest };
        if (f === "indicateurs") fiche.indicateurs.push({ n: it.n, text: rest, depth: 0, nature });
        else push((fiche.fields[f] ??= []), restItem);
      }
      continue;
    }
    if (awaitingTitle && it.depth === 0) {
      if ("titre" in awaitingTitle) awaitingTitle.titre = sentenceCase(text);
      else awaitingTitle.libelle = sentenceCase(text);
      awaitingTitle = undefined;
      continue;
    }
    if (!fiche) {
      if (axe && (field === "enjeux" || field === "principe"))
        (field === "enjeux" ? axe.enjeux : axe.principe).push(text);
      else if (axe && !field && it.depth === 0)
        axe.overviews[axe.overviews.length - 1]?.push({ n: it.n, text, depth: 0 });
      continue;
    }
    if (FOOTNOTE.test(text) && wasBlank) continue;
    if (field === "indicateurs") {
      const nh = recogniseNatureHeading(text);
      if (nh) {
        nature = nh;
        continue;
      }
      // « Réalisation : → Nombre de … » kept on one line by the extraction.
      const inline = /^(r[ée]alisation|impact|r[ée]sultats?)\s*:\s*(.+)$/iu.exec(text);
      if (inline) {
        nature = recogniseNatureHeading(inline[1]!) ?? nature;
        fiche.indicateurs.push({ n: it.n, text: inline[2]!, depth: it.depth, nature });
        continue;
      }
      const list = fiche.indicateurs;
      const prev = list[list.length - 1];
      if (prev && !wasBlank && it.depth === 0 && prev === lastEntry && /^[\p{Ll}(]/u.test(text)) {
        prev.text = `${prev.text} ${text}`;
        continue;
      }
      const e = { n: it.n, text, depth: it.depth, nature };
      list.push(e);
      lastEntry = e;
      continue;
    }
    if (perAction && fiche) {
      const numeros = perAction[1]!.split(/\.?\s*(?:&|et|,)\s*/).map((x) => x.replace(/\.$/, ""));
      for (const numero of numeros) {
        const target = fiche.sousActions.find((s) => s.numero === numero);
        if (!target) continue;
        if (field === "pilotes") target.pilotes.push(perAction[2]!);
        else target.calendrier.push({ n: it.n, text: perAction[2]!, depth: 0 });
      }
      if (field === "pilotes") push((fiche.fields.pilotes ??= []), { ...it, text: perAction[2]! });
      continue;
    }
    if (sa && !field) {
      push(sa.details, it);
      continue;
    }
    if (!field && fiche.titleOpen && it.depth > 0 && /^\p{Ll}/u.test(text)) {
      fiche.titre = `${fiche.titre}${fiche.titre.endsWith(":") ? " " : " ; "}${text}`;
      continue;
    }
    if (fiche.titleOpen) fiche.titleOpen = false;
    if (!field) {
      if (CAPS_LABEL.test(text) && !/\d{4}/.test(text)) {
        doc.unknownLabels.push({ n: it.n, text, depth: it.depth });
        continue;
      }
      push(fiche.loose, it);
      continue;
    }
    if (field === "ignore") continue;
    if (
      CAPS_LABEL.test(text) &&
      it.depth === 0 &&
      !/\d{4}/.test(text) &&
      text.length > 6 &&
      field !== "pilotes" &&
      field !== "partenaires"
    ) {
      doc.unknownLabels.push({ n: it.n, text, depth: it.depth });
      field = "ignore";
      continue;
    }
    push((fiche.fields[field] ??= []), it);
  }
  doc.ficheLevel = usedObjectifAsFiche ? "objectif" : "fiche";
  if (usedNumbered) for (const f of doc.fiches) f.axe ??= doc.tocAxeOf.get(f.numero);
  return doc;
}
