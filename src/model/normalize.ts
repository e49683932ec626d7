/**
 * From the author's model (zod output) to the canonical one: a stable id on
 * every node (generated from numbering when omitted), references turned into
 * ids, aggregations defaulted. Ids must be unique across the whole model.
 */
import type { PerLang } from "../i18n";
import { closest, fold, slug } from "../util/text";
import { issue, formatPath, type ModelIssue, type PathSegment } from "./issues";
import {
  DEFAULT_AGREGATION,
  type Acteur,
  type Calendrier,
  type Axe,
  type Fiche,
  type Indicateur,
  type Objectif,
  type Schema,
  type SchemaModel,
  type SousAction,
} from "./schema";
import type { z } from "zod";

type Parsed = z.output<typeof SchemaModel>;

export interface Normalized {
  schema: Schema;
  /** JSON path of every node by id, for messages. */
  paths: Map<string, PathSegment[]>;
  errors: ModelIssue[];
}

/** Finds an item by id, or by one of its labels (case- and accent-insensitive). */
class RefIndex {
  private byKey = new Map<string, Set<string>>();
  constructor(readonly known: string[]) {}
  add(id: string, ...labels: (string | undefined)[]): void {
    for (const key of [id, ...labels]) {
      if (!key) continue;
      const k = key === id ? `#${id}` : fold(key);
      if (!this.byKey.has(k)) this.byKey.set(k, new Set());
      this.byKey.get(k)!.add(id);
    }
  }
  resolve(ref: string): { id?: string; candidates: string[] } {
    const exact = this.byKey.get(`#${ref}`);
    const found = exact ?? this.byKey.get(fold(ref));
    const candidates = found ? [...found] : [];
    return { id: candidates.length === 1 ? candidates[0] : undefined, candidates };
  }
}

/** Every known name, each quoted: a list cut short would offer « … » as if it were a name. */
function list(values: string[]): PerLang {
  return {
    fr: values.map((v) => `« ${v} »`).join(", ") || "—",
    en: values.map((v) => `“${v}”`).join(", ") || "—",
  };
}

export function normalize(input: Parsed): Normalized {
  const errors: ModelIssue[] = [];
  const paths = new Map<string, PathSegment[]>();

  const claim = (id: string, path: PathSegment[]): string => {
    const other = paths.get(id);
    if (other) errors.push(issue([...path, "id"], "check.duplicateId", { id, other: formatPath(other) }));
    else paths.set(id, path);
    return id;
  };

  /**
   * A numbered node's id, given or made from its number (or its position). Two nodes of one scope with the same
   * number are said once, at the second number, naming the first by its own path; the id made from that number,
   * which the author never wrote, is then not reported again.
   */
  const numeros = new Map<string, PathSegment[]>();
  const claimNumbered = (
    scope: string,
    given: string | undefined,
    numero: string | undefined,
    made: string,
    path: PathSegment[],
  ): string => {
    if (numero !== undefined) {
      const key = `${scope}\u0000${numero}`;
      const first = numeros.get(key);
      if (first) {
        errors.push(issue([...path, "numero"], "check.duplicateNumero", { numero, other: formatPath(first) }));
        if (given === undefined) return made;
      } else numeros.set(key, path);
    }
    if (given !== undefined) return claim(given, path);
    const other = paths.get(made);
    if (!other) return claim(made, path);
    errors.push(
      issue(path, numero === undefined ? "check.madeIdPosition" : "check.madeIdNumero", {
        id: made,
        numero: numero ?? "",
        other: formatPath(other),
      }),
    );
    return made;
  };

  const resolve = (index: RefIndex, ref: string, path: PathSegment[], unknown: () => ModelIssue): string => {
    const r = index.resolve(ref);
    if (r.id) return r.id;
    errors.push(
      r.candidates.length > 1
        ? issue(path, "check.ambiguousRef", { ref, candidates: r.candidates.join(", ") })
        : unknown(),
    );
    return ref;
  };
  const acteurs = (items: Parsed["partenaires"], prefix: string, key: string): { list: Acteur[]; index: RefIndex } => {
    const list: Acteur[] = items.map((a, i) => ({ ...a, id: claim(a.id ?? `${prefix}_${slug(a.nom)}`, [key, i]) }));
    const index = new RefIndex(list.map((a) => a.nom));
    for (const a of list) index.add(a.id, a.nom, a.sigle, ...a.alias);
    list.forEach((a, i) => {
      if (a.rattachement === undefined) return;
      const path: PathSegment[] = [key, i, "rattachement"];
      a.rattachement = resolve(index, a.rattachement, path, () =>
        issue(path, "check.unknownRattachement", { ref: a.rattachement!, known: list.map((x) => x.nom).join(", ") }),
      );
    });
    // A direction cannot be, through its services, one of its own services.
    list.forEach((a, i) => {
      const seen = new Set([a.id]);
      for (let up = a.rattachement; up !== undefined; up = list.find((x) => x.id === up)?.rattachement) {
        if (!seen.has(up)) {
          seen.add(up);
          continue;
        }
        errors.push(issue([key, i, "rattachement"], "check.rattachementCycle", { nom: a.nom }));
        break;
      }
    });
    return { list, index };
  };
  const territoires = acteurs(input.territoires, "t", "territoires");
  const partenaires = acteurs(input.partenaires, "p", "partenaires");

  const partenaireRefs = (refs: string[], path: PathSegment[]) =>
    refs.map((ref, i) =>
      resolve(partenaires.index, ref, [...path, i], () => {
        const known = partenaires.index.known;
        // A short name is near every other short name: « ARS » is not a typo of « PJJ ».
        const suggestion = closest(ref, known, Math.min(3, Math.floor(ref.length / 3)));
        return suggestion
          ? issue([...path, i], "check.unknownPartenaireSuggest", { ref, suggestion, known: list(known) })
          : issue([...path, i], "check.unknownPartenaire", { ref, known: list(known) });
      }),
    );

  const axes: Axe[] = input.axes.map((a, ai) => {
    const axePath: PathSegment[] = ["axes", ai];
    const axeId = claimNumbered("axe", a.id, a.numero, `axe_${slug(a.numero)}`, axePath);
    const objectifs: Objectif[] = a.objectifs.map((o, oi) => ({
      ...o,
      id: claim(o.id ?? `${axeId}.obj_${o.numero ? slug(o.numero) : oi + 1}`, [...axePath, "objectifs", oi]),
    }));
    const objIndex = new RefIndex(objectifs.map((o) => o.titre));
    for (const o of objectifs) objIndex.add(o.id, o.numero, o.titre, ...o.alias);

    const fiches: Fiche[] = a.fiches.map((f, fi) => {
      const fPath: PathSegment[] = [...axePath, "fiches", fi];
      const ficheId = claimNumbered("fiche", f.id, f.numero, `fa_${slug(f.numero)}`, fPath);
      const sousActions: SousAction[] = f.sousActions.map((s, si) => ({
        ...s,
        id: claimNumbered(
          `sa:${fPath.join(".")}`,
          s.id,
          s.numero,
          `${ficheId}.sa_${s.numero ? slug(s.numero) : si + 1}`,
          [...fPath, "sousActions", si],
        ),
        pilotes: partenaireRefs(s.pilotes, [...fPath, "sousActions", si, "pilotes"]),
      }));
      const saIndex = new RefIndex(sousActions.map((s) => s.numero ?? s.libelle));
      for (const s of sousActions) saIndex.add(s.id, s.numero, s.libelle);

      const indicateurs: Indicateur[] = f.indicateurs.map((ind, ii) => {
        const iPath: PathSegment[] = [...fPath, "indicateurs", ii];
        const sousAction =
          ind.sousAction === undefined
            ? undefined
            : resolve(saIndex, ind.sousAction, [...iPath, "sousAction"], () =>
                issue([...iPath, "sousAction"], "check.unknownSousAction", {
                  ref: ind.sousAction!,
                  fiche: f.numero,
                  known: list(saIndex.known),
                }),
              );
        return {
          ...ind,
          id: claim(ind.id ?? `${ficheId}.ind_${ii + 1}`, iPath),
          agregation: ind.agregation ?? DEFAULT_AGREGATION[ind.type],
          ...(sousAction === undefined ? {} : { sousAction }),
        };
      });
      // A sub-indicator (« dont : ») names its parent among the fiche's indicators, by id or libellé.
      const indIndex = new RefIndex(indicateurs.map((i) => i.libelle));
      for (const i of indicateurs) indIndex.add(i.id, i.libelle);
      indicateurs.forEach((ind, ii) => {
        if (ind.parent === undefined) return;
        const path: PathSegment[] = [...fPath, "indicateurs", ii, "parent"];
        ind.parent = resolve(indIndex, ind.parent, path, () =>
          issue(path, "check.unknownParent", { ref: ind.parent!, fiche: f.numero, known: list(indIndex.known) }),
        );
      });
      const objectif =
        f.objectif === undefined
          ? undefined
          : resolve(objIndex, f.objectif, [...fPath, "objectif"], () =>
              issue([...fPath, "objectif"], "check.unknownObjectif", {
                ref: f.objectif!,
                axe: a.numero,
                known: list(objIndex.known),
              }),
            );
      return {
        ...f,
        id: ficheId,
        ...(objectif === undefined ? {} : { objectif }),
        pilotes: partenaireRefs(f.pilotes, [...fPath, "pilotes"]),
        partenaires: partenaireRefs(f.partenaires, [...fPath, "partenaires"]),
        sousActions,
        indicateurs,
      };
    });
    return { ...a, id: axeId, objectifs, fiches };
  });

  // `$schema` only points editors to the JSON Schema; it is not part of the model.
  const { $schema: _editorHint, ...rest } = input;
  const schema: Schema = { ...rest, territoires: territoires.list, partenaires: partenaires.list, axes };
  dropEmptyParts(schema);
  return { schema, paths, errors };
}

/** An empty calendar or bounds object means the same as none: keep one canonical form. */
function dropEmptyParts(schema: Schema): void {
  const emptyCal = (c: Calendrier | undefined) =>
    c !== undefined &&
    !c.dureeSchema &&
    c.periodes.length === 0 &&
    c.jalons.length === 0 &&
    c.texte === undefined &&
    c.debut === undefined;
  for (const f of schema.axes.flatMap((a) => a.fiches)) {
    if (emptyCal(f.calendrier)) delete f.calendrier;
    for (const sa of f.sousActions) if (emptyCal(sa.calendrier)) delete sa.calendrier;
    for (const ind of f.indicateurs)
      if (ind.bornes && ind.bornes.min === undefined && ind.bornes.max === undefined) delete ind.bornes;
  }
}
