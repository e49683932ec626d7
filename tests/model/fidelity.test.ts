/**
 * Fidelity of the built-ins to their documents (issue 14): each correction is checked against the line of the
 * published text it comes from, read from the seed, not from the transcription.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { loadBuiltin } from "../../src/model/builtins";
import type { Fiche, Schema } from "../../src/model/schema";

const seedLines = (name: string) =>
  readFileSync(join(__dirname, "..", "fixtures", "seeds", name), "utf8")
    .replace(/\r\n?/g, "\n")
    .split("\n");

/** 1-based numbers of the lines equal to `text` (trimmed). */
const linesOf = (lines: string[], text: string) => lines.flatMap((l, i) => (l.trim() === text ? [i + 1] : []));

const fiche = (s: Schema, numero: string): Fiche => s.axes.flatMap((a) => a.fiches).find((f) => f.numero === numero)!;
const partenaireNames = (s: Schema, ids: string[]) => ids.map((id) => s.partenaires.find((p) => p.id === id)!.nom);

describe("Essonne 2022-2026 (seed 001)", () => {
  const LINES = seedLines("001_f92ac682515ef611.txt");
  const s = loadBuiltin("essonne_2022_2026");
  /** The lines of the block « Fiche action N° k », up to the next one. */
  const block = (k: number) => {
    const start = LINES.indexOf(`Fiche action N° ${k}`);
    const end = LINES.indexOf(`Fiche action N° ${k + 1}`);
    return LINES.slice(start, end < 0 ? undefined : end);
  };

  /**
   * The side panel of fiche k (« Direction pilote » … « CALENDRIER »), non-empty lines. The extraction put some
   * panels after the next fiche's text, but they stay in order: the document has 34, one per fiche.
   */
  const PANELS = LINES.flatMap((l, i) => (l === "Direction pilote" ? [i] : []));
  const panel = (k: number) => {
    const start = PANELS[k - 1]!;
    const end = LINES.findIndex((l, i) => i > start && l.startsWith("CALENDRIER"));
    return LINES.slice(start, end)
      .map((l) => l.trim())
      .filter(Boolean);
  };

  test("14 objectifs opérationnels, as section B declares (« Cet axe se décline en N objectifs… »)", () => {
    const declared = LINES.flatMap((l) => {
      const m = /^Cet axe se décline en (\d+) objectifs opérationnels/.exec(l);
      return m ? [Number(m[1])] : [];
    });
    expect(declared).toEqual([4, 3, 4, 3]);
    expect(s.axes.map((a) => a.objectifs.length)).toEqual(declared);
    expect(s.axes.flatMap((a) => a.objectifs).length).toBe(14);
  });

  test("the variant wordings are aliases of one objectif, and every fiche's published wording finds its objectif", () => {
    const [axe1, axe2] = s.axes;
    expect(axe1!.objectifs[3]!.alias).toEqual([
      "Lutter contre les violences éducatives ordinaires et violences intra familiales",
    ]);
    expect(axe2!.objectifs[1]!.alias).toEqual(["Renforcer la qualité de l'IP"]);
    for (const a of s.axes)
      for (const f of a.fiches) {
        const published = block(Number(f.numero))
          .find((l) => l.startsWith("Objectif opérationnel : "))!
          .slice("Objectif opérationnel : ".length)
          .trim();
        const o = a.objectifs.find((x) => x.id === f.objectif)!;
        const wordings = [o.titre, ...o.alias].map((w) => w.toLocaleLowerCase("fr"));
        expect({ fiche: f.numero, found: wordings.includes(published.toLocaleLowerCase("fr")) }).toEqual({
          fiche: f.numero,
          found: true,
        });
      }
    // Both wordings of each pair are published, each in its own fiche headers.
    for (const alias of [...axe1!.objectifs[3]!.alias, ...axe2!.objectifs[1]!.alias])
      expect(
        LINES.some((l) => l.toLocaleLowerCase("fr") === `objectif opérationnel : ${alias}`.toLocaleLowerCase("fr")),
      ).toBe(true);
  });

  test("one side panel per fiche, in order", () => {
    expect(PANELS.length).toBe(34);
  });

  test("NATURE DES ACTIONS: each published panel's items, in its fiche", () => {
    let sections = 0;
    LINES.forEach((l, i) => {
      if (!/^NATURE DES ACTIONS( PRATIQUES)?$/.test(l)) return;
      sections++;
      const k = PANELS.filter((p) => p < i).length; // the panel it is part of
      const items: string[] = [];
      for (let j = i + 1; !/^AUTRES? POLITIQUES? CONCERNÉES?$/.test(LINES[j]!.trim()); j++)
        if (LINES[j]!.trim()) items.push(LINES[j]!.trim());
      expect({ fiche: k, items: fiche(s, String(k)).natureActions }).toEqual({ fiche: k, items });
    });
    expect(sections).toBe(17);
  });

  test("fa_24's pilotes: the « Services pilotes » lines, « SPOP-CS Pilotage » among them", () => {
    const b = block(24);
    const at = b.indexOf("Services pilotes");
    const services = b.slice(at + 1, b.indexOf("", at));
    expect(services).toEqual(["STE-CST", "SAAP-CS", "SPOP-CS Pilotage"]);
    expect(b[b.indexOf("Direction pilote") + 1]).toBe("DPPE");
    expect(partenaireNames(s, fiche(s, "24").pilotes)).toEqual(["DPPE", ...services]);
  });

  test("pilote hierarchy: STE-CST, SAAP-CS and SPOP-CS Pilotage are « Services pilotes » under the DPPE", () => {
    const services = ["STE-CST", "SAAP-CS", "SPOP-CS Pilotage"];
    for (const nom of services) expect(s.partenaires.find((p) => p.nom === nom)!.rattachement).toBe("p_dppe");
    // wherever one of them pilots a fiche, the document lists it under « Services pilotes », DPPE being the direction
    for (const f of s.axes.flatMap((a) => a.fiches)) {
      const listed = partenaireNames(s, f.pilotes).filter((n) => services.includes(n));
      if (!listed.length) continue;
      const b = panel(Number(f.numero));
      expect({ fiche: f.numero, direction: b[b.indexOf("Direction pilote") + 1] }).toEqual({
        fiche: f.numero,
        direction: "DPPE",
      });
      const lines = b.slice(b.indexOf("Services pilotes") + 1).map((l) => l.toLocaleLowerCase("fr"));
      for (const n of listed) expect(lines).toContain(n.toLocaleLowerCase("fr"));
    }
  });

  test("every published sous-action number (« 1. », « 2. ») is kept: 59 of them", () => {
    let count = 0;
    for (let k = 1; k <= 34; k++) {
      const b = block(k);
      const section = b.slice(b.indexOf("MODALITÉS DE MISE EN ŒUVRE") + 1, b.indexOf("INDICATEURS DE RÉSULTATS"));
      const f = fiche(s, String(k));
      for (const l of section) {
        const m = /^(\d+)\.\s+(.+)$/.exec(l);
        if (!m) continue;
        count++;
        const sa = f.sousActions.find((x) => x.libelle === m[2]!.trim());
        expect({ fiche: k, libelle: m[2], numero: sa?.numero }).toEqual({ fiche: k, libelle: m[2], numero: m[1] });
      }
    }
    expect(count).toBe(59);
  });

  test("fa_25: « Trois sous projets sont à distinguer : » introduces the three sous-projets, it is not one", () => {
    const b = block(25);
    const at = b.indexOf("Trois sous projets sont à distinguer :");
    expect(at).toBeGreaterThan(0);
    const bullets = b
      .slice(at + 1, b.indexOf("", at + 2))
      .filter((l) => l.startsWith("- "))
      .map((l) => l.slice(2));
    expect(bullets.length).toBe(3);
    const f = fiche(s, "25");
    expect(f.sousActions.map((x) => x.libelle)).not.toContain(b[at]);
    const projets = f.sousActions.slice(1);
    expect(projets.map((x) => x.libelle)).toEqual(bullets);
    expect(projets.map((x) => x.introduction)).toEqual([b[at], undefined, undefined]);
  });

  test("fa_6: « Associations » and « réussite éducative », two lines of one actor in ACTEURS", () => {
    const b = block(6);
    const acteurs = b.slice(b.indexOf("ACTEURS") + 1, b.indexOf("CALENDRIER/ÉCHÉANCES")).filter((l) => l !== "");
    expect(acteurs).toEqual(["MDS", "Éducation nationale", "Associations", "réussite éducative"]);
    expect(partenaireNames(s, fiche(s, "6").partenaires)).toEqual([
      "MDS",
      "Éducation nationale",
      "Associations réussite éducative",
    ]);
    expect(s.partenaires.map((p) => p.nom)).not.toContain("réussite éducative");
  });

  test("territoires: « TAD Sud Est et Ouest », cited twice, is one of them", () => {
    expect(LINES.filter((l) => l.includes("TAD Sud Est et Ouest")).length).toBe(2);
    expect(s.territoires.map((t) => t.nom)).toContain("TAD Sud Est et Ouest");
  });

  test("rates: « Respect des délais de traitements. » (fa_17) and the « niveau de couverture territoriale » (fa_19)", () => {
    expect(block(17)).toContain("- Respect des délais de traitements.");
    const delais = fiche(s, "17").indicateurs.find((i) => i.libelle === "Respect des délais de traitements.")!;
    expect(delais.type).toBe("rate");
    const line = block(19).find((l) => l.includes("niveau de couverture territoriale"))!;
    const couverture = fiche(s, "19").indicateurs.find(
      (i) => i.formulationPubliee === line.slice(2) && i.libelle.includes("couverture"),
    )!;
    expect(couverture.type).toBe("rate");
  });
});

describe("Orne 2017-2021 (seed 000)", () => {
  const SEED = seedLines("000_f347ab01f42fc101.txt").join("\n");
  const s = loadBuiltin("orne_2017_2021");

  test("fa_4.ind_8 « Un nombre d'intervenants… limité » counts, downwards", () => {
    expect(SEED).toContain("→ Un nombre d'intervenants auprès des familles limité.");
    const ind = fiche(s, "4").indicateurs[7]!;
    expect(ind.libelle).toBe("Un nombre d'intervenants auprès des familles limité.");
    expect([ind.type, ind.sens]).toEqual(["count", "baisse"]);
  });

  test("fa_11.ind_2 « Suivi de la capacité du Meimo » goes up: the fiche aims to double it", () => {
    expect(SEED).toContain("Doubler la capacité d'intervention du MEIMO à échéance de fin du schéma.");
    const ind = fiche(s, "11").indicateurs[1]!;
    expect(ind.libelle).toBe("Suivi de la capacité du Meimo.");
    expect(ind.sens).toBe("hausse");
  });

  test("number indicators have a unit: durations and delays, in days", () => {
    for (const [numero, k] of [
      ["6", 11],
      ["7", 4],
      ["7", 6],
      ["12", 11],
    ] as const) {
      const ind = fiche(s, numero).indicateurs[k - 1]!;
      expect(SEED).toContain(ind.libelle);
      expect([ind.type, ind.unite]).toEqual(["number", "jours"]);
    }
    const units = s.axes
      .flatMap((a) => a.fiches)
      .flatMap((f) => f.indicateurs)
      .filter((i) => i.type === "number");
    expect(units.filter((i) => !i.unite)).toEqual([]);
  });

  test("fa_6.ind_2: « Pourcentage de PPE réalisés/nombre d'enfants… »: the numerator counts PPE, it is no percentage", () => {
    const line = "Pourcentage de PPE réalisés/nombre d'enfants suivis par une mesure ASE.";
    expect(SEED).toContain(line);
    const ind = fiche(s, "6").indicateurs[1]!;
    expect(ind.libelle).toBe(line);
    expect(ind.numerateur!.libelle).toBe("Nombre de PPE réalisés");
    expect(ind.denominateur!.libelle).toBe("nombre d'enfants suivis par une mesure ASE");
  });
});

describe("inferred items say so, with the line they come from", () => {
  test("Puy-de-Dôme (seed 002): III.2 and III.3 and their sous-actions come from the overview slide", () => {
    const LINES = seedLines("002_1cf57db32b0c75ec.txt");
    const s = loadBuiltin("puy_de_dome_2019_2023");
    const fiches = s.axes.flatMap((a) => a.fiches);
    const inferred = [...fiches, ...fiches.flatMap((f) => f.sousActions)].filter((x) => x.deduit);
    expect(fiches.filter((f) => f.deduit).map((f) => f.numero)).toEqual(["III.2", "III.3"]);
    expect(inferred.length).toBe(4);
    for (const x of inferred) {
      const { ligne, texte } = x.deduit!;
      expect(LINES[ligne! - 1]).toBe(texte);
      expect("titre" in x ? x.titre : x.libelle).toBe(texte);
      // the overview line is the only place the text is published: nothing else to match it by
      expect(linesOf(LINES, texte!)).toEqual([ligne]);
    }
    // III.2's title is followed by its sous-action on the overview slide (one blank line between).
    const [iii2] = fiches.filter((f) => f.numero === "III.2");
    expect(iii2!.sousActions[0]!.deduit!.ligne).toBe(iii2!.deduit!.ligne! + 2);
    // The detailed slides are published with their numbers: nothing else is inferred.
    expect(s.axes.some((a) => a.deduit)).toBe(false);
  });

  test("fiche action 5 (seed 004): the axe's number is not published", () => {
    const LINES = seedLines("004_0b9c7487d1540e19.txt");
    const s = loadBuiltin("fiche_action_5_2022_2026");
    const axe = s.axes[0]!;
    expect(axe.deduit?.motif).toMatch(/non publié/);
    expect(LINES[axe.deduit!.ligne! - 1]).toBe(axe.deduit!.texte);
    expect(LINES.some((l) => /^axe\b/i.test(l.trim()))).toBe(false);
  });
});

describe("Essonne calendars at their published precision (seed 001)", () => {
  const SEED = seedLines("001_f92ac682515ef611.txt");
  /** Seed lines without markdown superscripts (« 2^e semestre » → « 2e semestre »). */
  const PLAIN = SEED.map((l) =>
    l
      .replace(/\^\{(\w+)\}/g, "$1")
      .replace(/\^(\w)/g, "$1")
      .trim(),
  );
  const s = loadBuiltin("essonne_2022_2026");

  test("FA3, FA8, FA10: each milestone keeps its month, quarter or semester and its published date", () => {
    const expected: Record<string, [string, string][]> = {
      "3": [
        ["2022-M09", "Septembre 2022"],
        ["2022-M09", "Septembre 2022"],
      ],
      "8": [
        ["2022-S2", "2e semestre 2022"],
        ["2022-S2", "2e semestre 2022"],
        ["2023-T1", "1er trimestre 2023"],
      ],
      "10": [
        ["2022-M03", "Mars 2022"],
        ["2022-M04", "Avril 2022"],
        ["2022-M05", "Mai 2022"],
        ["2022-T4", "Fin octobre/début novembre 2022"],
      ],
    };
    for (const [numero, jalons] of Object.entries(expected)) {
      const cal = fiche(s, numero).calendrier!;
      expect(cal.jalons.map((j) => [j.periode, j.echeance])).toEqual(jalons);
      // the published date is a line of the calendar panel (FA10's last one spans two lines)
      for (const [, echeance] of jalons)
        expect(PLAIN.some((l) => l === echeance || echeance.startsWith(`${l} `))).toBe(true);
    }
  });

  test("FA11: « au second semestre 2022 », a period at semester precision", () => {
    expect(SEED.some((l) => l.includes("au second semestre 2022"))).toBe(true);
    expect(fiche(s, "11").calendrier!.periodes).toEqual(["2022-S2"]);
  });

  test("FA22, FA24, FA30–32 start in 2021, before the schéma: « 2021/2026 », « 2021-2026 »", () => {
    for (const numero of ["22", "24", "30", "31", "32"]) {
      const cal = fiche(s, numero).calendrier!;
      expect(cal.debut).toBe("2021");
      expect(cal.dureeSchema).toBe(true);
      expect(["2021/2026", "2021-2026"]).toContain(cal.texte);
      expect(SEED).toContain(cal.texte);
    }
  });
});
