/**
 * Calendars as published: years (« 2023 »), ranges (« 2022-2024 », « 2021/2026 », « 2022-2023-2024 »), halves and
 * quarters (« S1 2019 », « 2e semestre 2022 », « 1er trimestre 2023 »), months (« Septembre 2022 »),
 * « À partir de 2022 », « Durée du schéma », yearly milestones (a date line, then what happens then), and grids of X
 * marks under year and semester columns. Periods are given at the schéma's granularity (a semester of a yearly
 * schéma is its year; the wording stays in `texte`).
 */
import { fold } from "../../util/text";
import type { Granularite } from "../schema";

export interface Span {
  debut: number;
  fin: number;
}

export interface CalendrierDraft {
  dureeSchema?: boolean;
  periodes?: string[];
  jalons?: { periode: string; libelle: string }[];
  texte?: string;
}

const MONTHS = "janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre";
const YEAR = "(?:19|20)\\d{2}";
/** A line that is only a date, a period or a list of them: a milestone's date, not its wording. */
const DATE_LINE = new RegExp(
  `^(?:(?:(?:fin|debut|mi)[ -]?)?(?:(?:1er|1|2e?|2eme|premier|second|deuxieme|3e?|4e?) (?:semestre|trimestre)|s[12]|t[1-4]|${MONTHS}|(?:au )?cours de|courant|fin|debut|a partir de|des|en|a compter de|annee)\\s*)*${YEAR}(?:\\s*(?:[-–/,]|et|a)\\s*(?:(?:s[12]|t[1-4]|${MONTHS})\\s*)?${YEAR})*\\s*$`,
);
const DUREE =
  /(?:duree|toute la periode|sur la periode) (?:de (?:mise en (?:oe|œ)uvre |vie )?)?du (?:schema|plan)|tout au long du schema|permanent|en continu/;

function semesterOf(f: string): 1 | 2 | undefined {
  if (/\b(?:1er|1|premier) semestre|\bs1\b/.test(f)) return 1;
  if (/\b(?:2e?|2eme|second|deuxieme) semestre|\bs2\b/.test(f)) return 2;
  const month = new RegExp(`\\b(${MONTHS})\\b`).exec(f);
  if (month) return MONTHS.split("|").indexOf(month[1]!) < 6 ? 1 : 2;
  return undefined;
}

/** The periods a line names, at the schéma's granularity, within the schéma when it says « à partir de ». */
export function periodsOf(text: string, span: Span, granularite: Granularite): string[] {
  const f = fold(text);
  const years = [...f.matchAll(new RegExp(`\\b${YEAR}\\b`, "g"))].map((m) => Number(m[0]));
  if (years.length === 0) return [];
  let list: number[];
  if (/(?:a partir de|a compter de|des) (?:\S+ )?\d{4}/.test(f) && years.length === 1)
    list = range(years[0]!, Math.max(years[0]!, span.fin));
  else if (years.length === 2 && new RegExp(`${YEAR}\\s*(?:[-–/]|a)\\s*${YEAR}`).test(f))
    list = range(years[0]!, years[1]!);
  else list = [...new Set(years)];
  const semestre = semesterOf(f);
  if (granularite === "semestre" && semestre && list.length === 1) return [`${list[0]}-S${semestre}`];
  if (granularite === "semestre") return list.flatMap((y) => [`${y}-S1`, `${y}-S2`]);
  return list.map(String);
}

const range = (a: number, b: number) => Array.from({ length: Math.max(0, b - a) + 1 }, (_, k) => a + k);

/** « Durée du schéma », « tout au long du schéma »: planned over the whole schéma. */
export function isDureeSchema(text: string): boolean {
  return DUREE.test(fold(text));
}

export function isDateLine(text: string): boolean {
  return DATE_LINE.test(fold(text).replace(/[.:]$/, ""));
}

/**
 * The calendar a fiche's calendar block states, or `sure: false` with its text kept when nothing could be read
 * (« À définir en groupe de travail »). Wording before a date line names the milestone of that date.
 */
export function parseCalendarBlock(
  lines: string[],
  span: Span,
  granularite: Granularite,
): { calendrier?: CalendrierDraft; sure: boolean } {
  const texts = lines.map((l) => l.trim()).filter((l) => l && !/^[-–]+$/.test(l));
  if (texts.length === 0) return { sure: true };
  const jalons: { periode: string; libelle: string }[] = [];
  const periodes: string[] = [];
  let duree = false;
  let current: string[] = [];
  let pending: string[] = [];
  let withJalon = false;
  const flush = () => {
    if (current.length && !withJalon) periodes.push(...current);
  };
  for (const t of texts) {
    const f = fold(t);
    if (DUREE.test(f)) {
      duree = true;
      continue;
    }
    if (isDateLine(t)) {
      flush();
      current = periodsOf(t, span, granularite);
      withJalon = false;
      if (pending.length) {
        for (const p of current) jalons.push({ periode: p, libelle: pending.join(" ") });
        withJalon = true;
        pending = [];
      }
      continue;
    }
    const inline = periodsOf(t, span, granularite);
    if (current.length === 0 && inline.length) {
      // « Evaluation en 2022-2023 », « Restructuration en 2022-2024 »: periods in a sentence.
      periodes.push(...inline);
      continue;
    }
    if (current.length) {
      const last = jalons[jalons.length - 1];
      // A wording cut over two lines continues when it starts in lower case or with a quote.
      if (withJalon && last && /^[\p{Ll}"«(]/u.test(t)) {
        for (const j of jalons.filter((j) => current.includes(j.periode) && j.libelle === last.libelle))
          j.libelle = `${j.libelle} ${t}`;
      } else {
        for (const p of current) jalons.push({ periode: p, libelle: t });
        withJalon = true;
      }
    } else pending.push(t);
  }
  flush();
  const unique = [...new Set(periodes)];
  // A range over the whole schéma (« 2021-2026 » for a 2022-2026 schéma) is its duration.
  const years = unique.map((p) => Number(p.slice(0, 4)));
  const writtenRange = texts.some(
    (t) => new RegExp(`${YEAR}\\s*[-–/]\\s*${YEAR}`).test(t) && !/partir|compter/i.test(t),
  );
  if (
    !jalons.length &&
    writtenRange &&
    years.length > 1 &&
    Math.min(...years) <= span.debut &&
    Math.max(...years) >= span.fin
  )
    duree = true;
  const joined = texts.join(" ");
  const onlyYears = texts.every((t) => new RegExp(`^${YEAR}$`).test(t));
  const texte = onlyYears || jalons.length ? undefined : joined.length <= 300 ? joined : undefined;
  if (duree)
    return {
      calendrier: { dureeSchema: true, ...(texte && texte !== "Durée du schéma" ? { texte } : {}) },
      sure: true,
    };
  if (!unique.length && !jalons.length) return { calendrier: texte ? { texte } : undefined, sure: false };
  const inSpan = (p: string) => Number(p.slice(0, 4)) >= span.debut && Number(p.slice(0, 4)) <= span.fin;
  return {
    calendrier: {
      ...(unique.length ? { periodes: unique.filter(inSpan) } : {}),
      ...(jalons.length ? { jalons: jalons.filter((j) => inSpan(j.periode)) } : {}),
      ...(texte ? { texte } : {}),
    },
    sure: unique.every(inSpan) && jalons.every((j) => inSpan(j.periode)) && pending.length === 0,
  };
}

/** The columns of a calendar grid, read from its header rows (« 2018 », « S1 S2 »). */
export function gridColumns(headerRows: string[][]): string[] | undefined {
  const years = headerRows.find((r) => r.some((c) => new RegExp(`^${YEAR}$`).test(c.trim())));
  const halves = headerRows.find((r) => r.some((c) => /^(?:S[12]|T[1-4])$/i.test(c.trim())));
  if (halves) {
    const cols: string[] = [];
    const yearCells = years ? years.map((c) => c.trim()) : [];
    let year = "";
    halves.forEach((c, k) => {
      if (yearCells[k] && /^\d{4}$/.test(yearCells[k]!)) year = yearCells[k]!;
      cols[k] = /^(?:S[12]|T[1-4])$/i.test(c.trim()) ? `${year}-${c.trim().toUpperCase()}` : "";
    });
    return cols;
  }
  if (years) return years.map((c) => (/^\d{4}$/.test(c.trim()) ? c.trim() : ""));
  return undefined;
}
