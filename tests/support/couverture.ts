/**
 * A schéma that exercises every rollup formula, which the built-ins (they
 * have no targets) do not: each value type and direction with a target of the
 * campaign (positive, zero, negative), ratios, yes/no targets, every
 * aggregation, objectifs, semesters planned in the past, the campaign and the
 * future, a fiche with nothing to roll up and one planned only after the campaign.
 */
import { parseSchemaOrThrow } from "../../src/model/parse";
import type { Schema, SchemaInput } from "../../src/model/schema";

type IndicateurInput = NonNullable<NonNullable<SchemaInput["axes"][number]["fiches"]>[number]["indicateurs"]>[number];

const cible = (v: number | boolean) => ({ "2024": v, "2025": v });

const indicateurs: IndicateurInput[] = [
  { libelle: "Réunions tenues", type: "count", sens: "hausse", cibles: cible(10) },
  { libelle: "Nouvelles places", type: "count", sens: "hausse", cibles: cible(0), agregation: "max" },
  { libelle: "Délais dépassés", type: "count", sens: "baisse", cibles: cible(5), agregation: "last" },
  { libelle: "Ruptures de parcours", type: "count", sens: "baisse", cibles: cible(0), agregation: "min" },
  { libelle: "Budget engagé", type: "amount", sens: "stable", cibles: cible(1000), agregation: "mean" },
  { libelle: "Écart au budget", type: "number", unite: "k€", cibles: cible(0) },
  { libelle: "Solde des entrées", type: "number", unite: "enfants", sens: "hausse", cibles: cible(-5) },
  { libelle: "Variation des délais", type: "number", unite: "jours", sens: "baisse", cibles: cible(-3) },
  { libelle: "Taux de dépistage", type: "rate", sens: "hausse", cibles: cible(80), agregation: "last" },
  {
    libelle: "Bilans réalisés / enfants confiés",
    type: "ratio",
    sens: "hausse",
    numerateur: { libelle: "Bilans réalisés" },
    denominateur: { libelle: "Enfants confiés" },
    cibles: cible(60),
  },
  {
    libelle: "Sorties sèches / sorties",
    type: "ratio",
    sens: "baisse",
    numerateur: { libelle: "Sorties sèches" },
    denominateur: { libelle: "Sorties" },
    cibles: cible(20),
    obligatoire: false,
  },
  { libelle: "Convention signée", type: "boolean", cibles: cible(true) },
  { libelle: "Recours à l'intérim", type: "boolean", cibles: cible(false), agregation: "last" },
  { libelle: "Date de signature", type: "date", cibles: { "2024": "2024-06-30" } },
  { libelle: "Perception des acteurs", type: "text", obligatoire: false },
  { libelle: "Familles rencontrées", type: "count", obligatoire: false, sens: "hausse", cibles: cible(40) },
];

export const COUVERTURE: SchemaInput = {
  id: "couverture_rollups",
  version: "1.0.0",
  titre: "Schéma de couverture des synthèses",
  departement: "Essonne",
  periode: { debut: 2022, fin: 2026 },
  granularite: "semestre",
  partenaires: [{ nom: "Conseil départemental" }],
  axes: [
    {
      numero: "1",
      titre: "Prévenir",
      objectifs: [{ titre: "Accompagner les familles" }, { titre: "Mesurer" }],
      fiches: [
        {
          numero: "1",
          titre: "Toutes les mesures",
          objectif: "Mesurer",
          sousActions: [
            { libelle: "Depuis le début", calendrier: { dureeSchema: true } },
            { libelle: "Par semestres", calendrier: { periodes: ["2022-S2", "2023-S2", "2024-S1", "2025-S1"] } },
            { libelle: "Une année passée", calendrier: { periodes: ["2023"] } },
          ],
          indicateurs,
        },
        {
          numero: "2",
          titre: "Rien à synthétiser",
          objectif: "Accompagner les familles",
          modalites: ["Une action sans calendrier ni indicateur"],
        },
        {
          numero: "3",
          titre: "Plus tard",
          objectif: "Accompagner les familles",
          sousActions: [{ libelle: "Après la campagne", calendrier: { periodes: ["2025", "2026-S1"] } }],
        },
      ],
    },
    {
      numero: "2",
      titre: "Protéger",
      fiches: [
        {
          numero: "4",
          titre: "Sans cibles",
          calendrier: { jalons: [{ periode: "2024-S2", libelle: "Ouverture" }] },
          sousActions: [{ libelle: "Ouvrir" }, { libelle: "Évaluer", calendrier: { periodes: ["2022"] } }],
          indicateurs: [
            { libelle: "Enfants accueillis", type: "count" },
            {
              libelle: "Projets pour l'enfant / enfants suivis",
              type: "ratio",
              numerateur: { libelle: "PPE" },
              denominateur: { libelle: "Enfants suivis" },
            },
          ],
        },
      ],
    },
  ],
};

export const couverture = (): Schema => parseSchemaOrThrow(COUVERTURE, "couverture");
