/**
 * The built-in model of the Essonne schéma (2022-2026) checked against its source text.
 *
 * Everything expected here is read from the seed (tests/fixtures/seeds/001_f92ac682515ef611.txt)
 * with regexes, independently of the transcription: the "Cet axe se décline en X objectifs
 * opérationnels et Y actions." sentences of section B, the "Fiche action N° k" blocks with their
 * "Axe N : …", "Objectif opérationnel : …" and "Action : …" lines, the items of each "MODALITÉS DE
 * MISE EN ŒUVRE" section and of each "INDICATEURS DE RÉSULTATS" section. The structure is read from
 * the raw JSON; the real parser is only asked to accept it.
 *
 * The extraction put some side panels (Direction pilote, calendrier…) after the next fiche's text;
 * they hold no "MODALITÉS" / "INDICATEURS" section, so reading those sections inside each
 * "Fiche action N° k" block is safe (checked by the "one section of each kind" test).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import model from "../../src/model/schemas/essonne-2022-2026.json";
import { loadBuiltin } from "../../src/model/builtins";
import type { SchemaInput } from "../../src/model/schema";

const SEED = readFileSync(join(__dirname, "..", "fixtures", "seeds", "001_f92ac682515ef611.txt"), "utf8").replace(
  /\r\n?/g,
  "\n",
);
const LINES = SEED.split("\n");
const m = model as unknown as SchemaInput;
type FicheInput = NonNullable<SchemaInput["axes"][number]["fiches"]>[number];
const fiches = m.axes.flatMap((a) => a.fiches ?? []);
const ficheByNumero = new Map(fiches.map((f) => [f.numero, f]));

/** First letter in capitals (the seed writes "Axe 1 : renforcer…", the model "Renforcer…"). */
const ucfirst = (s: string) => s.charAt(0).toLocaleUpperCase("fr") + s.slice(1);
/** Equal up to the case of the first letter only. */
const sameModFirstLetter = (a: string, b: string) => ucfirst(a) === ucfirst(b);

/** Text without markdown bold, superscripts, line-start bullets and repeated whitespace. */
function norm(s: string): string {
  return s
    .replace(/\*\*/g, "")
    .replace(/\^\{(\w+)\}/g, "$1")
    .replace(/\^(\w)/g, "$1")
    .replace(/^[ \t]*[-•][ \t]+/gm, "")
    .replace(/\s+/g, " ")
    .trim();
}
const NORM_SEED = norm(SEED);

// ---------------------------------------------------------------- from the seed

/** Section B: "1. Renforcer les actions de prévention" then "Cet axe se décline en 4 … et 15 actions." */
const ANNOUNCED = [
  ...SEED.matchAll(/^(\d+)\. (.+)\n+Cet axe se décline en (\d+) objectifs opérationnels et (\d+) actions\.$/gm),
].map((x) => ({ numero: x[1]!, titre: x[2]!, objectifs: Number(x[3]), actions: Number(x[4]) }));

const FICHE_HEADER = /^Fiche action N° (\d+)$/;
const HEADERS = LINES.flatMap((l, i) => {
  const x = FICHE_HEADER.exec(l);
  return x ? [{ numero: x[1]!, line: i }] : [];
});

/** A line that ends a list: side-panel heading, next fiche, footnote ("1- Conformément…"), back cover. */
const END_OF_LIST = /^(Direction pilote$|Fiche action N° \d+$|\d+- |\*\*)/;
const MODALITES = "MODALITÉS DE MISE EN ŒUVRE";
const INDICATEURS = "INDICATEURS DE RÉSULTATS";

interface SeedFiche {
  numero: string;
  lines: string[];
  axe: { numero: string; titre: string };
  objectif: string;
  action: string;
  /** Lines between the MODALITÉS heading and the INDICATEURS heading. */
  modalites: string[];
  /** Lines after the INDICATEURS heading. */
  indicateurs: string[];
}

function seedFiche(k: number): SeedFiche {
  const start = HEADERS[k]!.line;
  const lines = LINES.slice(start, HEADERS[k + 1]?.line ?? LINES.length);
  const one = (re: RegExp) => {
    const found = lines.map((l) => re.exec(l)).filter((x) => x !== null);
    if (found.length !== 1) throw new Error(`fiche ${HEADERS[k]!.numero}: ${found.length} lines match ${re}`);
    return found[0]!;
  };
  const axe = one(/^Axe (\d+) : (.+)$/);
  const objectif = one(/^Objectif opérationnel : (.+)$/)[1]!.trim();
  const actionAt = lines.findIndex((l) => l.startsWith("Action : "));
  let action = lines[actionAt]!.slice("Action : ".length).trim();
  // Fiche 14: "Action : former les professionnels :" is followed by two bullets that belong to the
  // title (before CONSTATS); the model joins them as "… : sur … ; sur …".
  if (action.endsWith(":")) {
    const bullets: string[] = [];
    for (let j = actionAt + 1; lines[j] !== "CONSTATS"; j++) {
      const b = /^- (.+)$/.exec(lines[j]!);
      if (b) bullets.push(b[1]!.trim());
    }
    action = `${action} ${bullets.join(" ; ")}`;
  }
  const mod = lines.indexOf(MODALITES);
  const ind = lines.indexOf(INDICATEURS);
  return {
    numero: HEADERS[k]!.numero,
    lines,
    axe: { numero: axe[1]!, titre: axe[2]!.trim() },
    objectif,
    action,
    modalites: mod >= 0 && ind > mod ? lines.slice(mod + 1, ind) : [],
    indicateurs: ind >= 0 ? lines.slice(ind + 1) : [],
  };
}
const SEED_FICHES = HEADERS.map((_, k) => seedFiche(k));

/**
 * Published indicator lines: each top-level "- " bullet, with its indented "  - " sub-bullets
 * appended (fiche 17: "Évolution du processus interne d'évaluation des IP :" + two sub-bullets),
 * up to the next side-panel heading / fiche / footnote. A section without bullets is a single
 * paragraph per line (fiches 15 and 23).
 */
function indicatorLines(lines: string[]): string[] {
  const items: string[] = [];
  let bullets = false;
  for (const l of lines) {
    if (l.trim() === "") continue;
    if (END_OF_LIST.test(l)) break;
    const top = /^- (.+)$/.exec(l);
    const sub = /^\s+- (.+)$/.exec(l);
    if (top) {
      items.push(top[1]!.trim());
      bullets = true;
    } else if (sub && items.length > 0) {
      items[items.length - 1] += ` ${sub[1]!.trim()}`;
    } else if (!bullets) {
      items.push(l.trim());
    } else {
      break;
    }
  }
  return items;
}

/** Items of a MODALITÉS section, by kind. Indented "  - " lines are always sub-items. */
function modaliteParts(lines: string[]) {
  const numbered = lines.flatMap((l) => {
    const x = /^\d+\.\s+(.+)$/.exec(l);
    return x ? [x[1]!.trim()] : [];
  });
  const bullets = lines.flatMap((l) => {
    const x = /^- (.+)$/.exec(l);
    return x ? [x[1]!.trim()] : [];
  });
  const paragraphs = lines.filter((l) => l.trim() !== "" && !/^\s*-(\s|$)/.test(l) && !/^\d+\.\s/.test(l));
  return { numbered, bullets, paragraphs: paragraphs.map((p) => p.trim()) };
}

/**
 * Top-level items of a MODALITÉS section, read mechanically: the numbered items "N. …" when there
 * are some (their "- " lines are then details, even when not indented: fiche 19), otherwise the
 * "- " bullets at the start of the line, otherwise one item per paragraph (fiche 23). Side panels
 * that fall inside a section (fiches 2, 4, 20: "Direction pilote", calendrier…) hold neither.
 */
function modaliteItems(lines: string[]): string[] {
  const { numbered, bullets, paragraphs } = modaliteParts(lines);
  if (numbered.length > 0) return numbered;
  if (bullets.length > 0) return bullets;
  return paragraphs;
}

/**
 * Fiches whose MODALITÉS cannot be counted by the rule above, with the rule they follow instead.
 * Their sections hold no side panel, so every paragraph line is part of the section.
 */
const MODALITES_EXCEPTIONS: Record<string, { why: string; check: (f: FicheInput, lines: string[]) => void }> = {
  "7": {
    why:
      "paragraphs instead of bullets: 'Faire un état des lieux … suivants :' introduces 4 bullets (its details)," +
      " then 'Définir un processus …' is a second paragraph; the bullet rule would count the 4 details",
    check: (f, lines) => {
      const { paragraphs, bullets } = modaliteParts(lines);
      expect(paragraphs.length).toBe(2);
      expect(f.sousActions!.map((s) => s.libelle)).toEqual(paragraphs);
      expect(f.sousActions![0]!.details).toEqual(bullets);
    },
  },
  "14": {
    why: "items '1.' and '2.' are numbered but the third one ('Consolider des partenariats …') is an unnumbered paragraph",
    check: (f, lines) => {
      const { numbered, paragraphs } = modaliteParts(lines);
      expect(numbered.length).toBe(2);
      expect(paragraphs.length).toBe(1);
      expect(f.sousActions!.map((s) => s.libelle)).toEqual([...numbered, ...paragraphs]);
    },
  },
  "25": {
    why:
      "paragraphs instead of bullets: 'Construire un référentiel … :' introduces 3 bullets (its details);" +
      " 'Trois sous projets sont à distinguer :' introduces 3 bullets that are sous-actions (the sentence is the" +
      " first one's `introduction`); the closing paragraph 'Chacun des sous projets …' is a note, kept in `modalites`",
    check: (f, lines) => {
      const { paragraphs, bullets } = modaliteParts(lines);
      const intros = paragraphs.filter((p) => p.endsWith(":"));
      expect(intros.length).toBe(2);
      const [first, ...projets] = f.sousActions!;
      expect(first!.libelle).toBe(intros[0]);
      expect(projets.map((s) => s.introduction)).toEqual([intros[1], undefined, undefined]);
      expect([...first!.details!, ...projets.map((s) => s.libelle)]).toEqual(bullets);
      expect(f.modalites).toEqual(paragraphs.filter((p) => !p.endsWith(":")));
    },
  },
};

// ---------------------------------------------------------------- tests

describe("built-in model: Essonne 2022-2026", () => {
  test("the real parser accepts it: 34 fiches", () => {
    const s = loadBuiltin("essonne_2022_2026");
    expect(s.id).toBe(m.id);
    expect(s.axes.flatMap((a) => a.fiches).length).toBe(34);
  });

  test("identity", () => {
    expect(m.id).toBe("essonne_2022_2026");
    expect(m.departement).toBe("Essonne");
    expect(m.periode).toEqual({ debut: 2022, fin: 2026 });
    expect(SEED).toContain(m.titre);
  });

  test("seed: 34 'Fiche action N° k' blocks numbered 1..34, each with one section of each kind, in order", () => {
    expect(HEADERS.map((h) => h.numero)).toEqual(Array.from({ length: 34 }, (_, k) => String(k + 1)));
    for (const f of SEED_FICHES) {
      expect(f.lines.filter((l) => l === MODALITES).length).toBe(1);
      expect(f.lines.filter((l) => l === INDICATEURS).length).toBe(1);
      expect(f.modalites.length).toBeGreaterThan(0);
    }
  });

  test("one axe per 'Axe N' of the fiche headers: same numbers, same titles (first-letter case aside)", () => {
    const seedAxes = new Map<string, Set<string>>();
    for (const f of SEED_FICHES) {
      if (!seedAxes.has(f.axe.numero)) seedAxes.set(f.axe.numero, new Set());
      seedAxes.get(f.axe.numero)!.add(f.axe.titre);
    }
    expect(seedAxes.size).toBe(4);
    for (const titres of seedAxes.values()) expect(titres.size).toBe(1); // one wording per axe
    expect(m.axes.map((a) => a.numero)).toEqual([...seedAxes.keys()]);
    for (const a of m.axes) {
      const titre = [...seedAxes.get(a.numero)!][0]!;
      expect(sameModFirstLetter(a.titre, titre)).toBe(true);
    }
  });

  test("section B announces, per axe, the number of actions = fiches of the axe", () => {
    expect(ANNOUNCED.map((x) => x.numero)).toEqual(m.axes.map((a) => a.numero));
    for (const x of ANNOUNCED) {
      const axe = m.axes.find((a) => a.numero === x.numero)!;
      expect(axe.fiches?.length ?? 0).toBe(x.actions);
      // and the seed's own fiche headers agree with the announcement
      expect(SEED_FICHES.filter((f) => f.axe.numero === x.numero).length).toBe(x.actions);
    }
  });

  test("axe objectifs = distinct 'Objectif opérationnel' wordings of the axe's fiches, variants as aliases", () => {
    // Section B announces 4 and 3 objectifs for axes 1 and 2, and the fiche headers use 5 and 4 distinct wordings:
    // « lutter contre les VEO, et par extension aux VIF » / « lutter contre les VEO et VIF »; « renforcer la
    // qualité des évaluations d'IP » / « renforcer la qualité de l'IP ». Each later wording is an alias of the
    // first (tests/model/fidelity.test.ts checks the announced counts).
    for (const a of m.axes) {
      const wordings: string[] = [];
      for (const f of SEED_FICHES.filter((x) => x.axe.numero === a.numero)) {
        if (!wordings.some((w) => sameModFirstLetter(w, f.objectif))) wordings.push(f.objectif);
      }
      const all = (a.objectifs ?? []).flatMap((o) => [o.titre, ...(o.alias ?? [])]);
      expect(all.length).toBe(wordings.length);
      for (const w of wordings) expect(all.some((t) => sameModFirstLetter(t, w))).toBe(true);
    }
  });

  test("34 fiches numbered 1..34 in order, each under the axe of its header", () => {
    expect(fiches.map((f) => f.numero)).toEqual(SEED_FICHES.map((f) => f.numero));
    for (const a of m.axes) {
      for (const f of a.fiches ?? []) {
        expect(SEED_FICHES.find((x) => x.numero === f.numero)!.axe.numero).toBe(a.numero);
      }
    }
  });

  describe.each(SEED_FICHES.map((f) => [f.numero, f] as const))("fiche %s", (numero, seed) => {
    const fiche = ficheByNumero.get(numero)!;
    const axe = m.axes.find((a) => (a.fiches ?? []).includes(fiche))!;

    test("titre = the 'Action : …' line, first letter capitalised", () => {
      expect(fiche.titre).toBe(ucfirst(seed.action));
    });

    test("objectif (resolved through the axe's objectifs) = the 'Objectif opérationnel : …' line", () => {
      const objectif = (axe.objectifs ?? []).find((o) => [o.titre, ...(o.alias ?? [])].includes(fiche.objectif!));
      expect(objectif).toBeDefined();
      expect(sameModFirstLetter(fiche.objectif!, seed.objectif)).toBe(true);
    });

    test("indicators: one distinct published line per item of INDICATEURS DE RÉSULTATS, verbatim", () => {
      const items = indicatorLines(seed.indicateurs);
      expect(items.length).toBeGreaterThan(0);
      const indicateurs = fiche.indicateurs ?? [];
      const published = [...new Set(indicateurs.map((i) => i.formulationPubliee ?? i.libelle))];
      expect(published.length).toBe(items.length);
      expect(published).toEqual(items);
      for (const p of published) expect(NORM_SEED).toContain(norm(p));
      for (const i of indicateurs) expect(i.nature).toBe("resultat");
      // a split line: several measures sharing formulationPubliee, each with its own libelle
      for (const p of published) {
        const parts = indicateurs.filter((i) => (i.formulationPubliee ?? i.libelle) === p);
        expect(new Set(parts.map((x) => x.libelle)).size).toBe(parts.length);
      }
    });

    const exception = MODALITES_EXCEPTIONS[numero];
    if (exception) {
      test(`sous-actions: exception to the mechanical count (${exception.why})`, () => {
        exception.check(fiche, seed.modalites);
      });
    } else {
      test("sous-actions: one per top-level item of MODALITÉS DE MISE EN ŒUVRE, same labels", () => {
        const items = modaliteItems(seed.modalites);
        expect(items.length).toBeGreaterThan(0);
        expect(fiche.sousActions?.length ?? 0).toBe(items.length);
        expect(fiche.sousActions!.map((s) => s.libelle)).toEqual(items);
      });
    }
  });

  test("fiche 33: the closing paragraph after the numbered items is kept in `modalites`", () => {
    const seed = SEED_FICHES.find((f) => f.numero === "33")!;
    expect(ficheByNumero.get("33")!.modalites).toEqual(modaliteParts(seed.modalites).paragraphs);
  });

  test("sous-action labels and details, indicator lines, jalons and fiche objectifs are verbatim", () => {
    const texts: string[] = [];
    for (const f of fiches) {
      texts.push(...(f.objectifs ?? []), ...(f.modalites ?? []));
      for (const s of f.sousActions ?? []) texts.push(s.libelle, ...(s.details ?? []), ...(s.introduction ?? []));
      for (const i of f.indicateurs ?? []) texts.push(i.formulationPubliee ?? i.libelle);
      for (const j of f.calendrier?.jalons ?? []) texts.push(j.libelle);
    }
    expect(texts.length).toBeGreaterThan(0);
    expect(texts.filter((t) => !NORM_SEED.includes(norm(t)))).toEqual([]);
  });

  test("sample of titles and labels present in the model and verbatim in the seed", () => {
    const has = (numero: string, pick: (f: FicheInput) => string[], text: string) => {
      expect(pick(ficheByNumero.get(numero)!)).toContain(text);
      expect(SEED).toContain(text);
    };
    const saLabels = (f: FicheInput) => (f.sousActions ?? []).map((s) => s.libelle);
    const indLines = (f: FicheInput) => (f.indicateurs ?? []).map((i) => i.formulationPubliee ?? i.libelle);
    const jalons = (f: FicheInput) => (f.calendrier?.jalons ?? []).map((j) => j.libelle);
    // fiche titles: after "Action : ", with the seed's lower-case first letter
    for (const [numero, titre] of [
      ["2", "Créer une maison des 1000 premiers jours"],
      ["34", "Améliorer la qualité de la prise en charge des enfants"],
    ] as const) {
      expect(ficheByNumero.get(numero)!.titre).toBe(titre);
      expect(SEED).toContain(`Action : ${titre.charAt(0).toLocaleLowerCase("fr")}${titre.slice(1)}\n`);
    }
    has("4", saLabels, "Mise en place de la stratégie Essonne sans Sida.");
    has("33", saLabels, "Développer les CPOM avec les partenaires autorisés au titre de l'ASE.");
    has(
      "7",
      saLabels,
      "Faire un état des lieux du périmètre, des articulations et du dimensionnement des dispositifs suivants :",
    );
    has("4", indLines, "Nombre de CDSS-CeGIDD.");
    has("30", indLines, "Nombre de participants/typologie des participants aux instances.");
    has("15", indLines, "Indicateurs en lien avec l'exercice de la mission au niveau qualité et ressources allouées.");
    has("34", indLines, "Taux d'exécution du plan de contrôle.");
    has("1", jalons, "Convention REPAP");
    has("2", jalons, "Ouverture de la maison des 1 000 premiers jours");
  });
});
