/**
 * Which workbooks a consolidation merges, so that no source is ever counted
 * twice. Each candidate is known by the sources it holds: itself (its cut and
 * the hash of its values), or, for a consolidated workbook, the sources its
 * metadata lists. Then, in file order:
 * - the same content under two names: the second is set aside;
 * - a consolidated workbook whose sources are all there anyway (a master read
 *   again beside its own sources): set aside;
 * - a workbook that a consolidated one already holds: set aside;
 * - two workbooks sharing sources otherwise, a consolidated workbook and
 *   another version of one of its cuts, a whole-schéma copy beside cuts it
 *   overlaps: refused, naming the other file;
 * - plain copies of one cut (services each completing part of it) are grouped,
 *   to be merged cell by cell.
 */
import { both, type Bilingual, type Lang } from "../i18n";
import { CANONICAL } from "../model/vocabulaire";
import { wordsOf } from "./layout/words";
import type { PlanMeta, SourceRef } from "./plan";
import type { SnapValue } from "./snapshot";
import { cyrb53 } from "./layout/hash";

export const ENSEMBLE = "ensemble";

export interface Candidate {
  file: string;
  meta: PlanMeta;
  values: Map<string, SnapValue>;
  /** What it holds: itself, or the sources of a consolidated workbook. */
  holds: SourceRef[];
  consolidated: boolean;
}

/** Workbooks merged as one: a single file, or the copies of one cut. */
export interface Unit {
  label: string;
  members: Candidate[];
}

export interface Decisions {
  units: Unit[];
  setAside: { file: string; reason: Bilingual }[];
  refused: { file: string; reason: Bilingual }[];
}

export function who(meta: PlanMeta): string {
  return meta.cut ? cutName(meta.cut.kind, meta.cut.nom) : "Ensemble du schéma";
}

/**
 * A cut's name for people: « Partenaire CAF », « Territoire TAD Nord »; "Partner CAF" in an English workbook
 * (what the metadata records is French).
 */
export const cutName = (kind: "partenaire" | "territoire", nom: string, lang: Lang = CANONICAL) =>
  wordsOf(lang)(`cut.${kind}`, { nom });

export const baseName = (file: string) => file.split(/[\\/]/).pop() ?? file;

/** A plain workbook as a source: its cut and the hash of its content (not of its file name). */
export function sourceRef(file: string, meta: PlanMeta, values: Map<string, SnapValue>): SourceRef {
  const cut = meta.cut ? `${meta.cut.kind}:${meta.cut.id}` : ENSEMBLE;
  const entries = [...values].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const hash = cyrb53(JSON.stringify([cut, meta.modelId, meta.structureHash, meta.campaignYear, entries]));
  return { cut, who: who(meta), hash, fichier: baseName(file) };
}

export function candidate(file: string, meta: PlanMeta, values: Map<string, SnapValue>): Candidate {
  const consolidated = !!meta.sources?.length;
  return { file, meta, values, consolidated, holds: consolidated ? meta.sources! : [sourceRef(file, meta, values)] };
}

const hashes = (c: Candidate) => c.holds.map((h) => h.hash);
const cuts = (c: Candidate) => new Set(c.holds.map((h) => h.cut));
const names = (list: Candidate[]) => list.map((c) => c.file).join(", ");

export function decide(candidates: Candidate[]): Decisions {
  const setAside: Decisions["setAside"] = [];
  const refused: Decisions["refused"] = [];
  let kept: Candidate[] = [];
  const drop = (c: Candidate) => (kept = kept.filter((k) => k !== c));

  for (const c of [...candidates].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))) {
    const twin = kept.find((k) => [...hashes(k)].sort().join() === [...hashes(c)].sort().join());
    if (twin) setAside.push({ file: c.file, reason: both("consolidate.sameContent", { other: twin.file }) });
    else kept.push(c);
  }
  for (const m of kept.filter((c) => c.consolidated)) {
    const others = kept.filter((k) => k !== m);
    const present = new Set(others.flatMap(hashes));
    if (!hashes(m).every((h) => present.has(h))) continue;
    const holders = others.filter((o) => hashes(o).some((h) => hashes(m).includes(h)));
    setAside.push({ file: m.file, reason: both("consolidate.sourcesPresent", { files: names(holders) }) });
    drop(m);
  }
  for (const c of [...kept]) {
    const holder = kept.find((m) => m !== c && m.consolidated && hashes(c).every((h) => hashes(m).includes(h)));
    if (!holder) continue;
    setAside.push({ file: c.file, reason: both("consolidate.heldBy", { other: holder.file }) });
    drop(c);
  }
  for (const c of [...kept]) {
    const before = kept.slice(0, kept.indexOf(c));
    const shared = before.find((k) => hashes(k).some((h) => hashes(c).includes(h)));
    const sameCut = before.find((k) => (k.consolidated || c.consolidated) && [...cuts(k)].some((x) => cuts(c).has(x)));
    const whole = cuts(c).has(ENSEMBLE) ? kept.filter((k) => k !== c && [...cuts(k)].some((x) => x !== ENSEMBLE)) : [];
    const reason = shared
      ? both("consolidate.sharedSources", { other: shared.file })
      : sameCut
        ? both("consolidate.otherVersion", {
            other: sameCut.file,
            who: [...new Set(c.holds.filter((h) => cuts(sameCut).has(h.cut)).map((h) => h.who))].join(", "),
          })
        : whole.length
          ? both("consolidate.wholeOverCuts", { files: names(whole) })
          : undefined;
    if (!reason) continue;
    refused.push({ file: c.file, reason });
    drop(c);
  }

  const units = new Map<string, Unit>();
  for (const c of kept) {
    const label = c.consolidated
      ? `Consolidation (${[...new Set(c.holds.map((h) => h.who))].join(", ")})`
      : c.holds[0]!.who;
    const id = c.consolidated ? `fichier:${c.file}` : c.holds[0]!.cut;
    const unit = units.get(id) ?? { label, members: [] };
    unit.members.push(c);
    units.set(id, unit);
  }
  return {
    units: [...units.values()].sort((a, b) => (a.label < b.label ? -1 : a.label > b.label ? 1 : 0)),
    setAside,
    refused,
  };
}
