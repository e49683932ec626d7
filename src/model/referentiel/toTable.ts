/** Model → référentiel table: the exact inverse of `fromTable`. */
import { slug } from "../../util/text";
import type { Acteur, Calendrier, Deduit, Fiche, Jalon, Indicateur, PosteBudgetaire, Schema } from "../schema";
import { COLUMNS, cibleLabel } from "./columns";
import { writeValeur, type Cell } from "./cells";

const lines = (items: readonly string[]) => items.join("\n");

/**
 * `Nom`, or `Nom | sigle | id | rattachement | alias ; alias` with what must be kept: a sigle, a non-default id,
 * the direction it belongs to (by id), other published names.
 */
export function formatActeur(a: Acteur, prefix: string): string {
  const defaultId = `${prefix}_${slug(a.nom)}`;
  return [a.nom, a.sigle ?? "", a.id === defaultId ? "" : a.id, a.rattachement ?? "", a.alias.join(" ; ")]
    .join(" | ")
    .replace(/( \| )+$/, "");
}

export const NIVEAUX_SEPARATOR = " > ";

export const DEDUIT_SEPARATOR = " | ";

/** An inferred item on one line: `motif`, then ` | ligne | texte` when the source line is named. */
export function formatDeduit(d: Deduit | undefined): string {
  if (!d) return "";
  const parts = [d.motif, d.ligne === undefined ? "" : String(d.ligne), d.texte ?? ""];
  return parts.join(DEDUIT_SEPARATOR).replace(/( \| )+$/, "");
}

/** A milestone on one line: `2022-M09 : libellé`, or `2022-M09 [Septembre 2022] : libellé` with its published date. */
export function formatJalon(j: Jalon): string {
  return `${j.periode}${j.echeance ? ` [${j.echeance}]` : ""} : ${j.libelle}`;
}

function calendrierCells(cal: Calendrier | undefined): [Cell, Cell, Cell, Cell] {
  if (!cal) return ["", "", "", ""];
  const periodes = cal.dureeSchema ? "Durée du schéma" : cal.periodes.join("; ");
  return [periodes, lines(cal.jalons.map(formatJalon)), cal.texte ?? "", cal.debut ?? ""];
}

export function toTable(schema: Schema): Cell[][] {
  const years = new Set<string>();
  for (const ind of schema.axes.flatMap((a) => a.fiches).flatMap((f) => f.indicateurs))
    for (const y of Object.keys(ind.cibles)) years.add(y);
  for (let y = schema.periode.debut; y <= schema.periode.fin; y++) years.add(String(y));
  const cibleYears = [...years].sort();

  const keys = COLUMNS.map((c) => c.key);
  const at = keys.indexOf("min");
  const header = [
    ...COLUMNS.slice(0, at).map((c) => c.label),
    ...cibleYears.map(cibleLabel),
    ...COLUMNS.slice(at).map((c) => c.label),
  ];
  const rows: Cell[][] = [header];
  const partenaireName = new Map(schema.partenaires.map((p) => [p.id, p.nom]));
  const names = (ids: readonly string[]) => lines(ids.map((id) => partenaireName.get(id) ?? id));

  let first = true;
  const emit = (values: Record<string, Cell>, cibles: Record<string, Cell> = {}) => {
    if (first) {
      Object.assign(values, schemaCells(schema));
      first = false;
    }
    rows.push([
      ...keys.slice(0, at).map((k) => values[k] ?? ""),
      ...cibleYears.map((y) => cibles[y] ?? ""),
      ...keys.slice(at).map((k) => values[k] ?? ""),
    ]);
  };

  for (const axe of schema.axes) {
    // Axe-level (then fiche-level) cells are written on the first row of the axe (of the fiche) only.
    let axeCells: Record<string, Cell> | undefined = {
      axeNumero: axe.numero,
      axe: axe.titre,
      axeDeduit: formatDeduit(axe.deduit),
      principe: axe.principe ?? "",
      enjeux: lines(axe.enjeux),
      axeBudget: axe.budget ?? "",
    };
    const axeRow = (values: Record<string, Cell>, cibles?: Record<string, Cell>) => {
      emit({ axeId: axe.id, ...axeCells, ...values }, cibles);
      axeCells = undefined;
    };
    const objectif = (id: string | undefined): Record<string, Cell> => {
      const o = axe.objectifs.find((x) => x.id === id);
      return o
        ? {
            objectifId: o.id,
            objectifNumero: o.numero ?? "",
            objectif: o.titre,
            objectifAlias: lines(o.alias),
            objectifBudget: o.budget ?? "",
          }
        : {};
    };
    // Objectifs are listed in the order fiches first use them; declare them up front when that would differ.
    const used = [...new Set(axe.fiches.map((f) => f.objectif).filter((x): x is string => x !== undefined))];
    if (used.join("\n") !== axe.objectifs.map((o) => o.id).join("\n"))
      for (const o of axe.objectifs) axeRow(objectif(o.id));
    if (axe.fiches.length === 0 && axeCells) axeRow({});

    for (const fiche of axe.fiches) {
      let fCells: Record<string, Cell> | undefined = ficheCells(fiche, names);
      const ficheRow = (values: Record<string, Cell>, cibles?: Record<string, Cell>) => {
        axeRow({ ...objectif(fiche.objectif), ficheId: fiche.id, ...fCells, ...values }, cibles);
        fCells = undefined;
      };
      if (fiche.sousActions.length === 0 && fiche.indicateurs.length === 0) ficheRow({});
      for (const sa of fiche.sousActions) {
        const [calendrier, jalons, calendrierTexte, calendrierDebut] = calendrierCells(sa.calendrier);
        ficheRow({
          sousActionId: sa.id,
          sousActionNumero: sa.numero ?? "",
          sousActionIntroduction: sa.introduction ?? "",
          sousAction: sa.libelle,
          sousActionDeduite: formatDeduit(sa.deduit),
          sousActionDetails: lines(sa.details),
          sousActionPilotes: names(sa.pilotes),
          calendrier,
          jalons,
          calendrierTexte,
          calendrierDebut,
        });
      }
      for (const ind of fiche.indicateurs) {
        ficheRow(
          indicateurCells(ind),
          Object.fromEntries(Object.entries(ind.cibles).map(([y, v]) => [y, writeValeur(v)])),
        );
      }
    }
  }
  return rows;
}

function schemaCells(schema: Schema): Record<string, Cell> {
  const { axe, objectif, fiche, sousAction, partenaires } = schema.niveaux;
  return {
    schemaId: schema.id,
    schemaTitre: schema.titre,
    departement: schema.departement,
    debut: schema.periode.debut,
    fin: schema.periode.fin,
    version: schema.version,
    granularite: schema.granularite,
    niveaux: [axe, objectif, fiche, sousAction, partenaires].join(NIVEAUX_SEPARATOR),
    schemaSource: schema.source ?? "",
    finalites: lines(schema.finalites),
    modalitesSchema: lines(schema.modalites),
    territoires: lines(schema.territoires.map((t) => formatActeur(t, "t"))),
    partenairesSchema: lines(schema.partenaires.map((p) => formatActeur(p, "p"))),
    schemaBudget: schema.budget?.montant ?? "",
    schemaBudgetLibelle: schema.budget?.libelle ?? "",
    postesBudgetaires: lines((schema.budget?.postes ?? []).map(formatPoste)),
  };
}

export const POSTE_SEPARATOR = " | ";

/** A published budget line on one line: `libellé | montant en euros`, then ` | précision` when there is one. */
export function formatPoste(p: PosteBudgetaire): string {
  return [p.libelle, String(p.montant), ...(p.precision ? [p.precision] : [])].join(POSTE_SEPARATOR);
}

function ficheCells(f: Fiche, names: (ids: readonly string[]) => string): Record<string, Cell> {
  const [ficheCalendrier, ficheJalons, ficheCalendrierTexte, ficheCalendrierDebut] = calendrierCells(f.calendrier);
  return {
    ficheNumero: f.numero,
    fiche: f.titre,
    ficheDeduite: formatDeduit(f.deduit),
    pilotes: names(f.pilotes),
    pilotesPublies: f.pilotesPublies ?? "",
    partenaires: names(f.partenaires),
    partenairesPublies: f.partenairesPublies ?? "",
    diagnostic: lines(f.diagnostic),
    ficheObjectifs: lines(f.objectifs),
    modalites: lines(f.modalites),
    moyens: lines(f.moyens),
    natureActions: lines(f.natureActions),
    budget: f.budget ?? "",
    autresPolitiques: lines(f.autresPolitiques),
    vigilance: lines(f.vigilance),
    ficheCalendrier,
    ficheJalons,
    ficheCalendrierTexte,
    ficheCalendrierDebut,
  };
}

function indicateurCells(ind: Indicateur): Record<string, Cell> {
  return {
    indicateurId: ind.id,
    indicateur: ind.libelle,
    formulationPubliee: ind.formulationPubliee ?? "",
    nature: ind.nature,
    type: ind.type,
    unite: ind.unite ?? "",
    echelle: lines(ind.echelle ?? []),
    sens: ind.sens,
    reference: writeValeur(ind.reference?.valeur),
    referenceAnnee: ind.reference?.annee ?? "",
    referenceSource: ind.reference?.source ?? "",
    min: ind.bornes?.min ?? "",
    max: ind.bornes?.max ?? "",
    obligatoire: ind.obligatoire ? "Oui" : "Non",
    agregation: ind.agregation,
    numerateur: ind.numerateur?.libelle ?? "",
    numerateurUnite: ind.numerateur?.unite ?? "",
    denominateur: ind.denominateur?.libelle ?? "",
    denominateurUnite: ind.denominateur?.unite ?? "",
    collecte: ind.collecte.join("; "),
    indicateurSousAction: ind.sousAction ?? "",
    indicateurParent: ind.parent ?? "",
    source: ind.source ?? "",
    commentaire: ind.commentaire ?? "",
  };
}
