/**
 * Référentiel table → model. Each row declares the deepest level it names
 * (axe, objectif, fiche, sous-action, indicateur); empty axe/objectif/fiche
 * cells repeat the row above (tables are often typed with merged cells).
 * Every problem names its cell: `referentiel.csv!E12 (Type)`.
 */
import type { Params, PerLang } from "../../i18n";
import type { MessageKey } from "../../i18n";
import { reglesFromTable } from "./regles";
import { fold } from "../../util/text";
import { issue, type ModelIssue } from "../issues";
import { parseSchema, type ParseResult } from "../parse";
import { AGREGATIONS, GRANULARITES, NATURES, SENS, VALUE_TYPES, type SchemaInput } from "../schema";
import {
  cellText,
  readBoolean,
  readMontant,
  readNumber,
  readValeur,
  splitLines,
  splitRefs,
  type Cell,
  type Table,
} from "./cells";
import { colLetter } from "../../util/a1";
import { cibleLabel, matchHeader, type Column } from "./columns";
import { valueType, valueTypeIds } from "../valueTypes";
import { DEDUIT_SEPARATOR, NIVEAUX_SEPARATOR, POSTE_SEPARATOR } from "./toTable";

type Json = Record<string, unknown>;

/** French words people write in the Type (from the table of value types) / Nature / Sens / Agrégation columns. */
const SYNONYMS: Record<string, Record<string, string>> = {
  type: Object.fromEntries(valueTypeIds().flatMap((type) => valueType(type).synonymes.map((word) => [word, type]))),
  nature: { realisation: "realisation", impact: "impact", resultat: "resultat", resultats: "resultat" },
  sens: { augmentation: "hausse", diminution: "baisse", "": "aucun", neutre: "aucun" },
  agregation: {
    somme: "sum",
    moyenne: "mean",
    part: "share",
    "part de oui": "share",
    derniere: "last",
    "derniere valeur": "last",
    nombre: "count",
  },
  collecte: {
    territoire: "territoire",
    territoires: "territoire",
    partenaire: "partenaire",
    partenaires: "partenaire",
  },
};
const CODES: Record<string, readonly string[]> = {
  type: VALUE_TYPES,
  nature: NATURES,
  sens: SENS,
  agregation: AGREGATIONS,
  granularite: GRANULARITES,
};

function code(kind: string, text: string): string {
  const f = fold(text);
  if (CODES[kind]?.includes(f)) return f;
  return SYNONYMS[kind]?.[f] ?? text;
}

/**
 * Finds a node of one level by its strongest key given: id, else numero, else
 * title (two fiches may share a title; their numbers tell them apart).
 */
class Level<T extends Json> {
  readonly items: T[] = [];
  private index = new Map<string, T>();
  find(keys: (string | undefined)[]): T | undefined {
    const i = keys.findIndex(Boolean);
    return i < 0 ? undefined : this.index.get(`${i}:${fold(keys[i]!)}`);
  }
  add(item: T, keys: (string | undefined)[]): T {
    this.items.push(item);
    this.remember(item, keys);
    return item;
  }
  remember(item: T, keys: (string | undefined)[]): void {
    for (const [i, k] of keys.entries()) if (k) this.index.set(`${i}:${fold(k)}`, item);
  }
}

/**
 * The columns named when a header is unknown: the main ones, and the target columns with the schéma's own years
 * (its « Début » and « Fin » cells) — an example year outside the schéma would mislead.
 */
function knownColumnsHint(table: Table): PerLang {
  const header = table.rows[0] ?? [];
  const yearOf = (key: string): number | undefined => {
    const col = header.findIndex((h) => (matchHeader(cellText(h)) as Column | undefined)?.key === key);
    if (col < 0) return undefined;
    const value = table.rows
      .slice(1)
      .map((r) => readNumber(r[col]))
      .find((v) => typeof v === "number");
    return typeof value === "number" && Number.isInteger(value) ? value : undefined;
  };
  const debut = yearOf("debut");
  const fin = yearOf("fin");
  const main = "Axe, Fiche, Indicateur, Type";
  if (debut === undefined) return { fr: `${main}, ${cibleLabel("AAAA")}`, en: `${main}, ${cibleLabel("YYYY")}` };
  const cibles = fin !== undefined && fin > debut ? `${cibleLabel(debut)} … ${cibleLabel(fin)}` : cibleLabel(debut);
  return { fr: `${main}, ${cibles}`, en: `${main}, ${cibles}` };
}

export function fromTable(table: Table): ParseResult {
  const errors: ModelIssue[] = [];
  const header = table.rows[0];
  if (!header || header.every((h) => !cellText(h)))
    return fail([issue(`${table.source}!A${table.firstRow}`, "ref.emptyTable")]);

  const at = (col: number, row: number) => `${table.source}!${colLetter(col + 1)}${row} (${cellText(header[col])})`;
  const err = (col: number, row: number, key: MessageKey, params: Params = {}) =>
    errors.push(issue(at(col, row), key, params));

  // Header
  const colOf = new Map<string, number>();
  const cibleCols: [string, number][] = [];
  const knownLabels = () => knownColumnsHint(table);
  header.forEach((h, i) => {
    const name = cellText(h);
    if (!name) {
      if (table.rows.some((r) => cellText(r[i])))
        err(i, table.firstRow, "ref.unknownColumn", { name: "", known: knownLabels() });
      return;
    }
    const m = matchHeader(name);
    if (!m) return err(i, table.firstRow, "ref.unknownColumn", { name, known: knownLabels() });
    const key = "cible" in m ? `cible:${m.cible}` : (m as Column).key;
    const first = colOf.get(key);
    if (first !== undefined)
      return err(i, table.firstRow, "ref.duplicateColumn", {
        name,
        first: colLetter(first + 1),
        second: colLetter(i + 1),
      });
    colOf.set(key, i);
    if ("cible" in m) cibleCols.push([m.cible, i]);
  });
  const hasAny = (...keys: string[]) => keys.some((k) => colOf.has(k));
  if (!hasAny("axeId", "axeNumero", "axe"))
    errors.push(issue(`${table.source}!1`, "ref.missingColumn", { name: "Axe" }));
  if (!hasAny("ficheId", "ficheNumero", "fiche"))
    errors.push(issue(`${table.source}!1`, "ref.missingColumn", { name: "Fiche" }));
  if (errors.length) return fail(errors);

  const schema: Json = {};
  const schemaRow = new Map<string, number>();
  const axes = new Level<Json>();
  const fichesAll = new Level<Json>();
  const partenaires = new Level<Json>();
  const territoires = new Level<Json>();
  const rowOf = new Map<Json, number>();
  const objectifLevels = new Map<Json, Level<Json>>();
  const saLevels = new Map<Json, Level<Json>>();

  /** Sets a field once; a different non-empty value on a later row of the same item is a conflict. */
  const setOnce = (target: Json, field: string, value: unknown, col: number, row: number, firstRow: number) => {
    if (value === undefined || value === "" || (Array.isArray(value) && value.length === 0)) return;
    if (target[field] === undefined) target[field] = value;
    else if (JSON.stringify(target[field]) !== JSON.stringify(value))
      err(col, row, "ref.conflict", {
        column: cellText(header[col]),
        value: show(value),
        firstRow,
        first: show(target[field]),
      });
  };

  /** `Nom | sigle | id | rattachement | alias ; alias` (toTable's `formatActeur`), trailing parts optional. */
  const acteurItem = (text: string): Json & { nom: string; sigle?: string; id?: string } => {
    const [nom = "", sigle, id, rattachement, alias] = text.split("|").map((s) => s.trim());
    const aliases = (alias ?? "")
      .split(";")
      .map((s) => s.trim())
      .filter(Boolean);
    return {
      nom,
      ...(sigle ? { sigle } : {}),
      ...(id ? { id } : {}),
      ...(rattachement ? { rattachement } : {}),
      ...(aliases.length ? { alias: aliases } : {}),
    };
  };
  const declareActeurs = (level: Level<Json>, items: string[]) => {
    for (const text of items) {
      const a = acteurItem(text);
      if (!level.find(keyAt(1, a.nom))) level.add(a, [a.id, a.nom, a.sigle]);
    }
  };
  /** Partenaires named in a fiche but not listed for the schéma are added to it. */
  const refPartenaires = (refs: string[]) => {
    for (const ref of refs)
      if (![0, 1, 2].some((k) => partenaires.find(keyAt(k, ref)))) partenaires.add({ nom: ref }, [undefined, ref]);
    return refs;
  };

  let current: { axe?: Json; objectif?: Json; fiche?: Json } = {};

  for (let r = 1; r < table.rows.length; r++) {
    const cells = table.rows[r]!;
    const row = table.firstRow + r;
    if (cells.every((c) => !cellText(c))) continue;
    const col = (key: string) => colOf.get(key) ?? -1;
    const text = (key: string) => (colOf.has(key) ? cellText(cells[col(key)]) : "");
    const cell = (key: string): Cell => (colOf.has(key) ? cells[col(key)] : undefined);
    const num = (key: string) => {
      const v = readNumber(cell(key));
      if (v === "invalid") err(col(key), row, "ref.badNumber", { value: text(key) });
      return v === "invalid" ? undefined : v;
    };
    const montant = (key: string) => {
      const v = readMontant(cell(key));
      if (v === "invalid") err(col(key), row, "ref.badNumber", { value: text(key) });
      return v === "invalid" ? undefined : v;
    };
    /** `libellé | montant | précision` per line (toTable's `formatPoste`). */
    const postes = (items: string[]) =>
      items.flatMap((line) => {
        const [libelle = "", amount = "", precision] = line.split(POSTE_SEPARATOR.trim()).map((x) => x.trim());
        const value = readMontant(amount);
        if (typeof value !== "number") {
          err(col("postesBudgetaires"), row, "ref.badPoste", { value: line });
          return [];
        }
        return [{ libelle, montant: value, ...(precision ? { precision } : {}) }];
      });
    const calendrier = (periodesKey: string, jalonsKey: string, texteKey: string, debutKey: string) => {
      const periodes = text(periodesKey);
      const duree = /^dur[ée]e/i.test(fold(periodes));
      // `2022-M09 : libellé`, or `2022-M09 [Septembre 2022] : libellé` (toTable's `formatJalon`)
      const jalons = splitLines(cell(jalonsKey)).map((line) => {
        const m = /^(\S+)(?:\s*\[([^\]]+)\])?\s*:\s*(.+)$/.exec(line);
        if (!m) err(col(jalonsKey), row, "ref.badJalon", { value: line });
        return m ? { periode: m[1], ...(m[2] ? { echeance: m[2].trim() } : {}), libelle: m[3] } : undefined;
      });
      const cal: Json = {};
      if (duree) cal.dureeSchema = true;
      else if (periodes)
        cal.periodes = periodes
          .split(/[;,\n]/)
          .map((s) => s.trim())
          .filter(Boolean);
      if (jalons.length) cal.jalons = jalons.filter(Boolean);
      if (text(texteKey)) cal.texte = text(texteKey);
      if (text(debutKey)) cal.debut = text(debutKey);
      return Object.keys(cal).length ? cal : undefined;
    };

    /** `motif | ligne | texte` (toTable's `formatDeduit`); the texte may itself hold the separator. */
    const deduit = (key: string): Json | undefined => {
      if (!text(key)) return undefined;
      const [motif = "", ligne = "", ...rest] = text(key)
        .split(DEDUIT_SEPARATOR.trim())
        .map((x) => x.trim());
      const n = ligne === "" ? undefined : Number(ligne);
      if (n !== undefined && !Number.isInteger(n)) err(col(key), row, "ref.badNumber", { value: ligne });
      const texte = rest.join(DEDUIT_SEPARATOR).trim();
      return { motif, ...(n !== undefined ? { ligne: n } : {}), ...(texte ? { texte } : {}) };
    };

    // Schéma-level cells.
    const setSchema = (field: string, key: string, value: unknown) => {
      if (!schemaRow.has(field) && value !== undefined && value !== "") schemaRow.set(field, row);
      setOnce(schema, field, value, col(key), row, schemaRow.get(field) ?? row);
    };
    setSchema("id", "schemaId", text("schemaId"));
    setSchema("titre", "schemaTitre", text("schemaTitre"));
    setSchema("departement", "departement", text("departement"));
    setSchema("debut", "debut", num("debut"));
    setSchema("fin", "fin", num("fin"));
    setSchema("version", "version", text("version"));
    setSchema("granularite", "granularite", text("granularite") && code("granularite", text("granularite")));
    setSchema("source", "schemaSource", text("schemaSource"));
    setSchema("finalites", "finalites", splitLines(cell("finalites")));
    setSchema("modalites", "modalitesSchema", splitLines(cell("modalitesSchema")));
    if (text("niveaux")) {
      // `Axe > Objectif opérationnel > Fiche action > Sous-action`, then the partenaires' word when there is one
      const [axe, objectif, fiche, sousAction, partenaires] = text("niveaux")
        .split(NIVEAUX_SEPARATOR.trim())
        .map((s) => s.trim());
      setSchema("niveaux", "niveaux", { axe, objectif, fiche, sousAction, ...(partenaires ? { partenaires } : {}) });
    }
    setSchema("budgetMontant", "schemaBudget", montant("schemaBudget"));
    setSchema("budgetLibelle", "schemaBudgetLibelle", text("schemaBudgetLibelle"));
    setSchema("budgetPostes", "postesBudgetaires", postes(splitLines(cell("postesBudgetaires"))));
    declareActeurs(territoires, splitLines(cell("territoires")));
    declareActeurs(partenaires, splitLines(cell("partenairesSchema")));

    // Axe (repeats the row above when empty).
    const axeKeys = [text("axeId"), text("axeNumero"), text("axe")];
    if (axeKeys.some(Boolean)) {
      let axe = axes.find(axeKeys);
      if (!axe) {
        axe = axes.add(
          {
            ...(axeKeys[0] ? { id: axeKeys[0] } : {}),
            numero: axeKeys[1] || String(axes.items.length + 1),
            titre: axeKeys[2] || undefined,
          },
          axeKeys,
        );
        rowOf.set(axe, row);
      } else axes.remember(axe, axeKeys);
      if (axe !== current.axe) current = { axe };
    } else if (!current.axe) {
      errors.push(issue(`${table.source}!${row}`, "ref.orphanRow"));
      continue;
    }
    const axe = current.axe!;
    const axeRow = rowOf.get(axe)!;
    setOnce(axe, "titre", text("axe"), col("axe"), row, axeRow);
    setOnce(axe, "deduit", deduit("axeDeduit"), col("axeDeduit"), row, axeRow);
    setOnce(axe, "principe", text("principe"), col("principe"), row, axeRow);
    setOnce(axe, "enjeux", splitLines(cell("enjeux")), col("enjeux"), row, axeRow);
    setOnce(axe, "budget", montant("axeBudget"), col("axeBudget"), row, axeRow);

    // Objectif.
    const objKeys = [text("objectifId"), text("objectifNumero"), text("objectif")];
    const ficheKeys = [text("ficheId"), text("ficheNumero"), text("fiche")];
    if (!objectifLevels.has(axe)) objectifLevels.set(axe, new Level());
    const objectifs = objectifLevels.get(axe)!;
    let objectif: Json | undefined;
    if (objKeys.some(Boolean)) {
      objectif = objectifs.find(objKeys);
      if (!objectif) {
        objectif = objectifs.add(
          {
            ...(objKeys[0] ? { id: objKeys[0] } : {}),
            ...(objKeys[1] ? { numero: objKeys[1] } : {}),
            titre: objKeys[2] || undefined,
          },
          objKeys,
        );
        rowOf.set(objectif, row);
      }
      setOnce(objectif, "titre", objKeys[2], col("objectif"), row, rowOf.get(objectif)!);
      setOnce(objectif, "alias", splitLines(cell("objectifAlias")), col("objectifAlias"), row, rowOf.get(objectif)!);
      setOnce(objectif, "budget", montant("objectifBudget"), col("objectifBudget"), row, rowOf.get(objectif)!);
    } else if (!ficheKeys.some(Boolean)) objectif = current.objectif;

    // Fiche.
    let fiche: Json | undefined;
    if (ficheKeys.some(Boolean)) {
      fiche = fichesAll.find(ficheKeys);
      if (!fiche) {
        fiche = fichesAll.add(
          { ...(ficheKeys[0] ? { id: ficheKeys[0] } : {}), numero: ficheKeys[1] || String(fichesAll.items.length + 1) },
          ficheKeys,
        );
        rowOf.set(fiche, row);
        ((axe.fiches as Json[] | undefined) ?? (axe.fiches = [])).push(fiche);
      } else fichesAll.remember(fiche, ficheKeys);
    } else if (!objKeys.some(Boolean)) fiche = current.fiche;
    current = { axe, objectif, fiche };
    if (!fiche) continue;

    const fr = rowOf.get(fiche)!;
    if (objectif)
      setOnce(fiche, "objectif", objectif.id ?? objectif.numero ?? objectif.titre, col("objectif"), row, fr);
    setOnce(fiche, "titre", text("fiche"), col("fiche"), row, fr);
    setOnce(fiche, "deduit", deduit("ficheDeduite"), col("ficheDeduite"), row, fr);
    setOnce(fiche, "pilotes", refPartenaires(splitRefs(cell("pilotes"))), col("pilotes"), row, fr);
    setOnce(fiche, "partenaires", refPartenaires(splitRefs(cell("partenaires"))), col("partenaires"), row, fr);
    setOnce(fiche, "pilotesPublies", text("pilotesPublies"), col("pilotesPublies"), row, fr);
    setOnce(fiche, "partenairesPublies", text("partenairesPublies"), col("partenairesPublies"), row, fr);
    for (const [field, key] of [
      ["diagnostic", "diagnostic"],
      ["objectifs", "ficheObjectifs"],
      ["modalites", "modalites"],
      ["moyens", "moyens"],
      ["natureActions", "natureActions"],
      ["autresPolitiques", "autresPolitiques"],
      ["vigilance", "vigilance"],
    ] as const)
      setOnce(fiche, field, splitLines(cell(key)), col(key), row, fr);
    setOnce(fiche, "budget", montant("budget"), col("budget"), row, fr);
    setOnce(
      fiche,
      "calendrier",
      calendrier("ficheCalendrier", "ficheJalons", "ficheCalendrierTexte", "ficheCalendrierDebut"),
      col("ficheCalendrier"),
      row,
      fr,
    );

    // Sous-action.
    const saKeys = [text("sousActionId"), text("sousActionNumero"), text("sousAction")];
    let sousAction: Json | undefined;
    if (saKeys.some(Boolean)) {
      if (!saLevels.has(fiche)) saLevels.set(fiche, new Level());
      const level = saLevels.get(fiche)!;
      sousAction = level.find(saKeys);
      if (!sousAction) {
        sousAction = level.add(
          { ...(saKeys[0] ? { id: saKeys[0] } : {}), ...(saKeys[1] ? { numero: saKeys[1] } : {}) },
          saKeys,
        );
        rowOf.set(sousAction, row);
        ((fiche.sousActions as Json[] | undefined) ?? (fiche.sousActions = [])).push(sousAction);
      }
      const sr = rowOf.get(sousAction)!;
      setOnce(sousAction, "libelle", saKeys[2], col("sousAction"), row, sr);
      setOnce(sousAction, "introduction", text("sousActionIntroduction"), col("sousActionIntroduction"), row, sr);
      setOnce(sousAction, "deduit", deduit("sousActionDeduite"), col("sousActionDeduite"), row, sr);
      setOnce(sousAction, "details", splitLines(cell("sousActionDetails")), col("sousActionDetails"), row, sr);
      setOnce(
        sousAction,
        "pilotes",
        refPartenaires(splitRefs(cell("sousActionPilotes"))),
        col("sousActionPilotes"),
        row,
        sr,
      );
      setOnce(
        sousAction,
        "calendrier",
        calendrier("calendrier", "jalons", "calendrierTexte", "calendrierDebut"),
        col("calendrier"),
        row,
        sr,
      );
    }

    // Indicateur: one per row that names one.
    if (!text("indicateur") && !text("indicateurId")) continue;
    const ind: Json = {};
    rowOf.set(ind, row);
    const put = (field: string, value: unknown) => {
      if (value !== undefined && value !== "") ind[field] = value;
    };
    put("id", text("indicateurId"));
    put("libelle", text("indicateur"));
    put("formulationPubliee", text("formulationPubliee"));
    put("nature", text("nature") && code("nature", text("nature")));
    put("type", text("type") && code("type", text("type")));
    put("unite", text("unite"));
    const echelle = splitLines(cell("echelle"));
    if (echelle.length) ind.echelle = echelle;
    put("sens", text("sens") && code("sens", text("sens")));
    const reference = readValeur(cell("reference"));
    if (reference === "invalid") err(col("reference"), row, "ref.badNumber", { value: text("reference") });
    else if (reference !== undefined) {
      const annee = num("referenceAnnee");
      ind.reference = {
        valeur: reference,
        ...(annee !== undefined ? { annee } : {}),
        ...(text("referenceSource") ? { source: text("referenceSource") } : {}),
      };
    }
    const cibles: Json = {};
    for (const [year, c] of cibleCols) {
      const v = readValeur(cells[c]);
      if (v === "invalid") err(c, row, "ref.badNumber", { value: cellText(cells[c]) });
      else if (v !== undefined) cibles[year] = v;
    }
    if (Object.keys(cibles).length) ind.cibles = cibles;
    const min = num("min");
    const max = num("max");
    if (min !== undefined || max !== undefined)
      ind.bornes = { ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}) };
    const obligatoire = readBoolean(cell("obligatoire"));
    if (obligatoire === "invalid") err(col("obligatoire"), row, "ref.badBoolean", { value: text("obligatoire") });
    else put("obligatoire", obligatoire);
    put("agregation", text("agregation") && code("agregation", text("agregation")));
    if (text("numerateur"))
      ind.numerateur = {
        libelle: text("numerateur"),
        ...(text("numerateurUnite") ? { unite: text("numerateurUnite") } : {}),
      };
    if (text("denominateur"))
      ind.denominateur = {
        libelle: text("denominateur"),
        ...(text("denominateurUnite") ? { unite: text("denominateurUnite") } : {}),
      };
    const collecte = splitRefs(cell("collecte")).map((c) => code("collecte", c));
    if (collecte.length) ind.collecte = collecte;
    put(
      "sousAction",
      text("indicateurSousAction") || (sousAction && (sousAction.id ?? sousAction.numero ?? sousAction.libelle)),
    );
    put("parent", text("indicateurParent"));
    put("source", text("source"));
    put("commentaire", text("commentaire"));
    ((fiche.indicateurs as Json[] | undefined) ?? (fiche.indicateurs = [])).push(ind);
  }
  const regles = table.regles ? reglesFromTable(table.regles) : undefined;
  errors.push(...(regles?.errors ?? []));
  if (errors.length) return fail(errors);
  if (axes.items.length === 0) return fail([issue(`${table.source}!${table.firstRow + 1}`, "ref.noRows")]);

  // Defaults for what hand-made tables often leave out.
  const years = cibleCols.map(([y]) => Number(y));
  const base = table.fileName.replace(/\.[^.]+$/, "");
  const input: Json = {
    id: schema.id ?? (base.replace(/[^A-Za-z0-9_.]+/g, "_").replace(/^(?=[0-9.])/, "_") || "referentiel"),
    version: schema.version ?? "1.0.0",
    titre: schema.titre ?? base,
    departement: schema.departement ?? "Non précisé",
    periode: {
      debut: schema.debut ?? (years.length ? Math.min(...years) : undefined),
      fin: schema.fin ?? (years.length ? Math.max(...years) : undefined),
    },
    ...(schema.granularite ? { granularite: schema.granularite } : {}),
    ...(schema.niveaux ? { niveaux: schema.niveaux } : {}),
    ...(schema.source ? { source: schema.source } : {}),
    ...(schema.finalites ? { finalites: schema.finalites } : {}),
    ...(schema.modalites ? { modalites: schema.modalites } : {}),
    ...(schema.budgetMontant !== undefined || schema.budgetPostes !== undefined
      ? {
          budget: {
            ...(schema.budgetLibelle ? { libelle: schema.budgetLibelle } : {}),
            montant: schema.budgetMontant,
            ...(schema.budgetPostes ? { postes: schema.budgetPostes } : {}),
          },
        }
      : {}),
    territoires: territoires.items,
    partenaires: partenaires.items,
    axes: axes.items.map((a) => ({ ...a, objectifs: objectifLevels.get(a)?.items ?? [] })),
    ...(regles?.regles.length ? { regles: regles.regles } : {}),
  };
  const result = parseSchema(input as SchemaInput);
  // A rule's problem is placed on its cell of the Règles sheet, every other error on its row of the table.
  const ofRule = (e: ModelIssue) => regles !== undefined && e.path.startsWith("regles[");
  const warnings = result.warnings.map((w) => (ofRule(w) ? regles!.locate(w) : w));
  if (result.ok) return { ...result, warnings };
  const errs = result.errors.map((e) => (ofRule(e) ? regles!.locate(e) : locate(e, input, rowOf, table)));
  return { ok: false, errors: errs, warnings };
}

/** Keys with `value` at position `k` only: to look an acteur up by id, nom or sigle. */
function keyAt(k: number, value: string): (string | undefined)[] {
  return [undefined, undefined, undefined].map((_, i) => (i === k ? value : undefined));
}

function fail(errors: ModelIssue[]): ParseResult {
  return { ok: false, errors, warnings: [] };
}

function show(v: unknown): string {
  return Array.isArray(v) ? v.join(" ; ") : typeof v === "object" ? JSON.stringify(v) : String(v);
}

/** Prefixes a model error with the table row of the node it is about. */
function locate(e: ModelIssue, input: Json, rowOf: Map<Json, number>, table: Table): ModelIssue {
  const segments = e.path.match(/[A-Za-z_$][\w$]*|\d+/g) ?? [];
  let node: unknown = input;
  let row: number | undefined;
  for (const s of segments) {
    if (node === null || typeof node !== "object") break;
    node = (node as Record<string, unknown>)[s];
    if (node && typeof node === "object" && rowOf.has(node as Json)) row = rowOf.get(node as Json);
  }
  if (row === undefined) return { ...e, path: `${table.source} : ${e.path}` };
  return { ...e, path: `${table.source}, ligne ${row} : ${e.path}` };
}
