/** A small valid model that tests copy and break. */
import type { SchemaInput } from "../../src/model/schema";

/** Loosely typed so that tests can break it in any way. */

export type Mutable = Record<string, any>;

export function validModel(): Mutable {
  const model: SchemaInput = {
    id: "test_schema",
    version: "1.0.0",
    titre: "Schéma de test",
    departement: "Essonne",
    periode: { debut: 2022, fin: 2026 },
    granularite: "semestre",
    territoires: [{ nom: "TAD Nord" }, { nom: "TAD Sud" }],
    partenaires: [
      { nom: "Conseil départemental" },
      { nom: "Caisse d'allocations familiales", sigle: "CAF" },
      { nom: "PJJ" },
    ],
    axes: [
      {
        numero: "1",
        titre: "Renforcer la prévention",
        objectifs: [{ titre: "Accompagner les familles" }],
        fiches: [
          {
            numero: "1",
            titre: "Développer l'offre",
            objectif: "Accompagner les familles",
            pilotes: ["Conseil départemental"],
            partenaires: ["CAF", "pjj"],
            sousActions: [
              { libelle: "Consolider les partenariats", calendrier: { periodes: ["2022-S2", "2023"] } },
              { numero: "1.2", libelle: "Former les professionnels", calendrier: { dureeSchema: true } },
            ],
            indicateurs: [
              { libelle: "Nombre de réunions", nature: "realisation", type: "count", cibles: { "2024": 10 } },
              {
                libelle: "Bilans réalisés / enfants confiés",
                nature: "realisation",
                type: "ratio",
                numerateur: { libelle: "Bilans réalisés" },
                denominateur: { libelle: "Enfants confiés" },
                cibles: { "2026": 80 },
                collecte: ["territoire"],
              },
              {
                libelle: "Taux de dépistage",
                nature: "impact",
                type: "rate",
                sens: "hausse",
                bornes: { min: 0, max: 100 },
              },
              { libelle: "Existence d'une convention", nature: "realisation", type: "boolean", sousAction: "1.2" },
              { libelle: "Perception des acteurs", nature: "impact", type: "text", obligatoire: false },
            ],
          },
        ],
      },
      {
        numero: "2",
        titre: "Adapter l'offre",
        fiches: [
          {
            numero: "2",
            titre: "Créer des places",
            budget: 1200000,
            calendrier: { jalons: [{ periode: "2023", libelle: "Ouverture" }] },
          },
        ],
      },
    ],
  };
  return model;
}
