/**
 * The schéma model as zod schemas: the single definition from which the
 * TypeScript types, the parser and the shipped JSON Schema are all derived.
 *
 * Keys are French (the authors are ODPE staff); enumerated value types are
 * short English codes so that formulas, code and reports stay stable.
 * Cross-field rules (ids, references, years) live in `checks.ts`.
 */
import { z } from "zod";
import { valueType, valueTypeIds, type ValueTypeId } from "./valueTypes";

/** Ids become parts of Excel defined names: letters, digits, `_` and `.` only. */
export const ID_PATTERN = /^[A-Za-z_][A-Za-z0-9_.]{0,63}$/;
export const Id = z.string().regex(ID_PATTERN);

export const LINE_PATTERN = /^[^\r\n]*$/;
export const YEAR_PATTERN = /^\d{4}$/;
export const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Text lengths, in UTF-16 code units as Excel counts them. A cell holds at most 32,767; the layout puts up to three
 * lines and a few words in one (`Fiche action N° 12 — titre`), so three lines stay below it. The longest built-in
 * line is 1,171 characters (a diagnostic paragraph of Essonne), the longest free text 1,939 (an axe's principe).
 */
export const CELL_TEXT_MAX = 32_767;
export const LINE_MAX = 4_000;
export const TEXT_MAX = 10_000;

/** Half of a UTF-16 pair without its other half: no file format can store it (Excel and XML refuse it). */
export const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const wellFormed = (s: string) => !LONE_SURROGATE.test(s);
const SURROGATE = { params: { code: "surrogate" } };

/** A single-line text (list items and labels are exported one per line in the référentiel table). */
const Line = z.string().trim().min(1).max(LINE_MAX).regex(LINE_PATTERN).refine(wellFormed, SURROGATE);
const Text = z.string().trim().min(1).max(TEXT_MAX).refine(wellFormed, SURROGATE);
const LineList = z.array(Line).default([]);

export const GRANULARITES = ["annee", "semestre", "trimestre", "mois"] as const;
export const Granularite = z.enum(GRANULARITES);

/** `2022`, `2022-S1`, `2022-T3`, `2022-M07`. The granularity is read from the form. */
export const PERIODE_PATTERN = /^(\d{4})(?:-(S[12]|T[1-4]|M(?:0[1-9]|1[0-2])))?$/;
export const Periode = z.string().regex(PERIODE_PATTERN);

export const Jalon = z
  .object({
    periode: Periode.describe("À sa précision publiée : 2022-M09 pour « Septembre 2022 », 2023-T1, 2022-S2"),
    echeance: Line.optional().describe("Échéance telle que publiée : « Septembre 2022 », « 2e semestre 2022 »"),
    libelle: Text,
  })
  .strict();

/**
 * When something is planned. The seeds use three forms: an X grid of planned
 * periods (000), yearly milestones (001), and "Durée du schéma" (001, 004).
 * A sous-action without one (nor its fiche) has no published calendar (004).
 */
export const Calendrier = z
  .object({
    dureeSchema: z.boolean().default(false).describe("Prévu sur toute la durée du schéma"),
    periodes: z
      .array(Periode)
      .default([])
      .describe(
        "Périodes prévues, à toute granularité (une année couvre ses semestres) : 2022, 2022-S1, 2022-T3, 2022-M07",
      ),
    jalons: z
      .array(Jalon)
      .default([])
      .describe("Jalons / échéances : { periode, libelle }, chacun à sa précision publiée (mois, trimestre…)"),
    debut: Periode.optional().describe(
      "Début publié quand il précède le schéma (« 2021/2026 » pour un schéma 2022-2026) ; la grille commence avec le schéma",
    ),
    texte: Text.optional().describe("Formulation du calendrier dans le document source (« À partir de 2022 »)"),
  })
  .strict()
  .describe(
    "Calendrier de la sous-action, sinon celui de sa fiche. Sans aucun des deux (ou sans période ni jalon), la sous-action est « sans calendrier publié » : un seul état à saisir, celui de la campagne, engagée chaque année et prévue jusqu'à la fin du schéma — à la différence de dureeSchema, qui la prévoit à chaque période",
  );

/**
 * An item the author inferred rather than read as published (a sous-action matched from an overview slide, an axe
 * number the document does not state): why, and the line of the source text it comes from, verbatim.
 */
export const Deduit = z
  .object({
    motif: Line.describe("Pourquoi l'élément est déduit : « numéro non publié », « repris de la synthèse »"),
    ligne: z.number().int().min(1).optional().describe("Ligne du texte source d'où il est déduit (1 = première)"),
    texte: Line.optional().describe("Cette ligne, à l'identique"),
  })
  .strict();

export const NATURES = ["realisation", "impact", "resultat"] as const;
/**
 * count: integer ≥ 0 · rate: percentage 0–100 · ratio: numerator and denominator entered, rate derived ·
 * boolean: Oui/Non · amount: euros · number: any other measure with a unit (durée moyenne en jours…) ·
 * text: qualitative answer · date · echelle: an answer on an ordered scale of published levels (« non engagé /
 * engagé / réalisé »), counted per level.
 */
/** From the table of value types (valueTypes.ts), the one place where a type is defined. */
export const VALUE_TYPES = valueTypeIds() as [ValueTypeId, ...ValueTypeId[]];
export const SENS = ["hausse", "baisse", "stable", "aucun"] as const;
export const AGREGATIONS = ["sum", "ratio", "mean", "share", "last", "max", "min", "count"] as const;
export const COLLECTES = ["territoire", "partenaire"] as const;

export const ValueType = z.enum(VALUE_TYPES);
export const Agregation = z.enum(AGREGATIONS);

/** Aggregation used when the author does not set one (DESIGN §2.3): the first its value type allows. */
export const DEFAULT_AGREGATION = Object.fromEntries(
  VALUE_TYPES.map((type) => [type, valueType(type).agregations[0]!]),
) as Record<ValueTypeId, z.infer<typeof Agregation>>;

const Partie = z
  .object({
    libelle: Line,
    unite: Line.optional(),
  })
  .strict();

/** A target or a baseline: a number, a yes/no, or a date (ISO). */
export const Valeur = z.union([z.number(), z.boolean(), z.string().regex(DATE_PATTERN)]);

/**
 * An amount in euros: what a budget cell accepts (999 999 999,99 € at most, the width its cells are made for).
 * Models give amounts in euros: « 9,3 M € » is 9300000.
 */
export const MONTANT_MAX = 999_999_999.99;
export const Montant = z.number().nonnegative().max(MONTANT_MAX);

/** A budget line as the document publishes it (seed 002: « Assistants familiaux … Budget : 11,4 M € »). */
export const PosteBudgetaire = z
  .object({
    libelle: Line.describe("Libellé publié de la ligne budgétaire"),
    montant: Montant.describe("Montant en euros"),
    precision: Line.optional().describe("Précision publiée : « dont 9 M € en direction des MNA »"),
  })
  .strict();

/**
 * The schéma's budget as published: its total and, when the document breaks it down, its lines. The lines are
 * the policy's budget lines (services, établissements…), not the axes: the document does not map them to axes.
 */
export const BudgetSchema = z
  .object({
    libelle: Line.optional().describe(
      "Ce que couvre le total publié : « Politique Prévention et Protection de l'Enfance »",
    ),
    montant: Montant.describe("Total publié, en euros"),
    postes: z
      .array(PosteBudgetaire)
      .default([])
      .describe("Lignes budgétaires publiées ; leur somme doit faire le total"),
  })
  .strict();

export const Indicateur = z
  .object({
    id: Id.optional(),
    libelle: Line,
    formulationPubliee: Line.optional().describe(
      "Ligne publiée d'origine, quand l'auteur l'a scindée en plusieurs indicateurs",
    ),
    nature: z.enum(NATURES).default("realisation").describe("Indicateur de réalisation, d'impact ou de résultat"),
    type: ValueType.describe(
      "count : entier ≥ 0 · rate : pourcentage 0–100 · ratio : numérateur et dénominateur saisis · boolean : Oui/Non · amount : montant en € · number : autre mesure avec unité · text : réponse qualitative · date · echelle : réponse sur une échelle ordonnée (niveaux dans « echelle »)",
    ),
    unite: Line.optional(),
    echelle: z
      .array(Line)
      .optional()
      .describe("Type echelle : ses niveaux, dans l'ordre (« non engagé », « engagé », « réalisé »)"),
    sens: z.enum(SENS).default("aucun").describe("Sens attendu de l'évolution"),
    reference: z
      .object({
        valeur: Valeur,
        annee: z.number().int().optional(),
        source: Line.optional(),
      })
      .strict()
      .optional(),
    cibles: z
      .record(z.string().regex(YEAR_PATTERN), Valeur)
      .default({})
      .describe('Cibles par année : { "2024": 120 } (pour un ratio : le taux visé, 0–100)'),
    bornes: z
      .object({
        min: z.number().optional(),
        max: z.number().optional(),
      })
      .strict()
      .optional(),
    obligatoire: z.boolean().default(true).describe("La saisie de la valeur de l'année de campagne est attendue"),
    agregation: Agregation.optional().describe(
      "Consolidation : par défaut selon le type (count/amount : sum, ratio : ratio, rate/number : mean, boolean : share, text : count, date : last)",
    ),
    numerateur: Partie.optional(),
    denominateur: Partie.optional(),
    collecte: z
      .array(z.enum(COLLECTES))
      .default([])
      .describe("Valeurs recueillies par territoire et/ou par partenaire"),
    sousAction: Line.optional().describe(
      "Sous-action mesurée : id, numéro ou libellé d'une sous-action de la même fiche",
    ),
    parent: Line.optional().describe(
      "Indicateur dont celui-ci détaille une part (ligne publiée « dont : … ») : id ou libellé d'un indicateur de la même fiche, placé avant lui",
    ),
    source: Line.optional(),
    commentaire: Text.optional(),
  })
  .strict();

export const SousAction = z
  .object({
    id: Id.optional(),
    numero: Line.optional(),
    libelle: Line,
    introduction: Line.optional().describe(
      "Phrase publiée qui introduit cette sous-action et les suivantes (« Trois sous projets sont à distinguer : »)",
    ),
    /** Detail items of the sous-action, one per line. */
    details: LineList,
    /** Partenaires (id, nom or sigle) piloting this sous-action when it differs from the fiche (seed 004). */
    pilotes: z.array(Line).default([]),
    calendrier: Calendrier.optional(),
    deduit: Deduit.optional().describe("Sous-action déduite, non publiée telle quelle"),
  })
  .strict();

export const Fiche = z
  .object({
    id: Id.optional(),
    numero: Line.describe("Numéro publié ; les fiches sont numérotées sur tout le schéma (« 1 », « 12 », « I.1 »)"),
    titre: Line,
    deduit: Deduit.optional().describe("Ce que la fiche a de déduit, non publié tel quel (son numéro…)"),
    objectif: Line.optional().describe(
      "Objectif opérationnel de la fiche : id, numéro ou titre d'un objectif du même axe",
    ),
    diagnostic: LineList.describe("Constats / éléments de diagnostic, un paragraphe par élément"),
    objectifs: LineList.describe("Objectifs de l'action"),
    modalites: LineList.describe(
      "Déclinaison opérationnelle / modalités de mise en œuvre publiées, quand elles ne sont pas des sous-actions",
    ),
    pilotes: z.array(Line).default([]).describe("Pilotes : id, nom ou sigle de partenaires du schéma"),
    pilotesPublies: Line.optional().describe(
      "Pilotes tels que publiés, quand la liste porte des précisions (« notamment ») ou reste ouverte (« … »)",
    ),
    partenaires: z.array(Line).default([]).describe("Partenaires associés : id, nom ou sigle de partenaires du schéma"),
    partenairesPublies: Line.optional().describe(
      "Partenaires tels que publiés, avec leurs précisions (« (DDCS notamment) ») et une fin ouverte (« … »)",
    ),
    moyens: LineList,
    natureActions: LineList.describe("Nature des actions publiée : « Partenariat », « Formation », « Référentiel »"),
    budget: Montant.optional().describe("Budget prévu en euros, quand le document donne un montant"),
    autresPolitiques: LineList,
    vigilance: LineList,
    calendrier: Calendrier.optional(),
    sousActions: z.array(SousAction).default([]),
    indicateurs: z.array(Indicateur).default([]),
  })
  .strict();

export const Objectif = z
  .object({
    id: Id.optional(),
    numero: Line.optional(),
    titre: Line,
    alias: LineList.describe(
      "Autres formulations publiées du même objectif ; les fiches peuvent y renvoyer par l'une d'elles",
    ),
    budget: Montant.optional().describe("Budget prévu en euros, quand le document donne un montant"),
  })
  .strict();

export const Axe = z
  .object({
    id: Id.optional(),
    numero: Line,
    deduit: Deduit.optional().describe("Ce que l'axe a de déduit, non publié tel quel (son numéro…)"),
    titre: Line,
    principe: Text.optional().describe("Principe ou présentation de l'axe"),
    enjeux: LineList.describe("Enjeux / finalités de l'axe"),
    budget: Montant.optional().describe("Budget prévu en euros, quand le document donne un montant"),
    objectifs: z
      .array(Objectif)
      .default([])
      .describe("Objectifs opérationnels ; les fiches y renvoient par leur champ « objectif »"),
    fiches: z.array(Fiche).default([]),
  })
  .strict();

export const Acteur = z
  .object({
    id: Id.optional(),
    nom: Line,
    sigle: Line.optional(),
    alias: LineList.describe("Autres noms publiés du même organisme ; les fiches peuvent le citer par l'un d'eux"),
    rattachement: Line.optional().describe(
      "Direction dont relève ce service ou cette sous-direction : id, nom ou sigle d'un autre acteur de la liste",
    ),
  })
  .strict();

/** How the source document names each level, kept so that nothing of its vocabulary is lost. */
export const Niveaux = z
  .object({
    axe: Line.default("Axe"),
    objectif: Line.default("Objectif opérationnel"),
    fiche: Line.default("Fiche action"),
    sousAction: Line.default("Sous-action"),
    partenaires: Line.default("Partenaires").describe(
      "Mot du document pour les partenaires d'une fiche : « Partenaires associés », « Acteurs », « Contributeurs »",
    ),
  })
  .strict();

export const OPERATEURS = ["==", "!=", "<", "<=", ">", ">="] as const;
export const SEVERITES_REGLE = ["erreur", "avertissement", "info"] as const;
export const MANQUANTS = ["ignorer-si-un-manque", "ignorer-si-tous-manquent", "jamais"] as const;

/** A validation rule across values, in the manner of DHIS2 (language: expression.ts; checks: checks.ts). */
export const Regle = z
  .object({
    id: Id.describe("Identifiant de la règle, cité dans les contrôles"),
    gauche: Line.describe("Expression : « fa_6.ind_2 », « fa_3.ind_1[Y-1] », « realisees(fa_3) », + - * / ( )"),
    operateur: z.enum(OPERATEURS),
    droite: Line.describe("Expression, comme « gauche »"),
    severite: z.enum(SEVERITES_REGLE).default("avertissement"),
    message: Line.optional().describe("Message, avec {gauche}, {droite} ou {fa_6.ind_2} pour les valeurs"),
    manquants: z
      .enum(MANQUANTS)
      .default("ignorer-si-un-manque")
      .describe("Valeur manquante : ignorer la règle si une manque, si toutes manquent, ou jamais (elle vaut 0)"),
  })
  .strict();

export const FORMAT_VERSION = 1;

export const SchemaModel = z
  .object({
    $schema: z.string().optional().describe("Chemin du JSON Schema, pour la complétion dans l'éditeur"),
    formatVersion: z.literal(FORMAT_VERSION).default(FORMAT_VERSION),
    id: Id.describe("Identifiant du schéma (lettres, chiffres, _ et .)"),
    version: Line.describe("Version du modèle, à relever quand sa structure change"),
    titre: Line,
    departement: Line,
    periode: z
      .object({
        debut: z.number().int().min(1990).max(2100),
        fin: z.number().int().min(1990).max(2100),
      })
      .strict(),
    granularite: Granularite.default("annee"),
    niveaux: Niveaux.default({
      axe: "Axe",
      objectif: "Objectif opérationnel",
      fiche: "Fiche action",
      sousAction: "Sous-action",
      partenaires: "Partenaires",
    }),
    source: Text.optional(),
    finalites: LineList.describe("Finalités du schéma tout entier, une par élément"),
    modalites: LineList.describe(
      "Modalités de mise en œuvre et de suivi du schéma tout entier (gouvernance, instances…)",
    ),
    budget: BudgetSchema.optional().describe("Budget publié du schéma : total et lignes budgétaires"),
    territoires: z.array(Acteur).default([]),
    partenaires: z.array(Acteur).default([]),
    axes: z.array(Axe).min(1),
    regles: z.array(Regle).default([]).describe("Règles de validation entre valeurs, vérifiées par « bilan validate »"),
  })
  .strict();

/** What an author writes (ids and defaults optional). */
export type SchemaInput = z.input<typeof SchemaModel>;
type Parsed = z.output<typeof SchemaModel>;

type WithId<T> = Omit<T, "id"> & { id: string };
export type Calendrier = z.output<typeof Calendrier>;
export type Jalon = z.output<typeof Jalon>;
export type Deduit = z.output<typeof Deduit>;
export type BudgetSchema = z.output<typeof BudgetSchema>;
export type PosteBudgetaire = z.output<typeof PosteBudgetaire>;
export type ValueType = z.output<typeof ValueType>;
export type Agregation = z.output<typeof Agregation>;
export type Granularite = z.output<typeof Granularite>;
export type Regle = z.output<typeof Regle>;
export type Valeur = z.output<typeof Valeur>;
export type Indicateur = WithId<z.output<typeof Indicateur>> & { agregation: Agregation };
export type SousAction = WithId<z.output<typeof SousAction>>;
export type Objectif = WithId<z.output<typeof Objectif>>;
export type Acteur = WithId<z.output<typeof Acteur>>;
export type Fiche = WithId<Omit<z.output<typeof Fiche>, "sousActions" | "indicateurs">> & {
  sousActions: SousAction[];
  indicateurs: Indicateur[];
};
export type Axe = WithId<Omit<z.output<typeof Axe>, "objectifs" | "fiches">> & {
  objectifs: Objectif[];
  fiches: Fiche[];
};
/** A parsed, checked model: every node has its stable id, every default is filled, references are ids. */
export type Schema = Omit<Parsed, "$schema" | "axes" | "territoires" | "partenaires"> & {
  territoires: Acteur[];
  partenaires: Acteur[];
  axes: Axe[];
};
