/** Each rule of the text import on a snippet: clean-up, table layouts, headings, fields, calendars, value types. */
import { cleanChars, cleanText, joinHyphenated } from "../../../src/model/importText/clean";
import { cellItems, htmlRows, isGridRow, toItems } from "../../../src/model/importText/tables";
import { recogniseHeading, recogniseNumbered, sentenceCase } from "../../../src/model/importText/headings";
import { joinedLabel, recogniseField, recogniseNatureHeading } from "../../../src/model/importText/fields";
import { gridColumns, parseCalendarBlock, periodsOf } from "../../../src/model/importText/calendar";
import { inferValueType, sensOf, severalMeasures } from "../../../src/model/importText/valueType";
import { correctionsFromModel } from "../../../src/model/importText/corrections";
import { decisionKey, DecisionLog } from "../../../src/model/importText/decisions";
import { importText } from "../../../src/model/importText";
import { parseSchema } from "../../../src/model/parse";
import { documentXmlText } from "../../../src/hosts/docx/paragraphs";

const span = { debut: 2022, fin: 2026 };

describe("clean-up", () => {
  it("plain characters: ligatures, spaces, apostrophes, footnote markers, emphasis", () => {
    expect(cleanChars("ﬁche d’action\u00A0:  santé¹ **CALENDRIER/**")).toBe("fiche d'action : santé CALENDRIER/");
    expect(cleanChars("informations prénatales au 1^{er} trimestre")).toBe("informations prénatales au 1er trimestre");
  });
  it("words cut at line ends are joined, compound words and ranges are not", () => {
    const lines = ["l'accompa-", "gnement des", "Nord-", "Essonne 2022-", "2024"].map((text, i) => ({
      n: i + 1,
      text,
    }));
    expect(joinHyphenated(lines).map((l) => l.text)).toEqual([
      "l'accompagnement des",
      "Nord-",
      "Essonne 2022-",
      "2024",
    ]);
  });
  it("running headers and page numbers go, repeated values under a label stay", () => {
    const raw = [
      "EN-TÊTE",
      "12",
      "Direction pilote",
      "DPMIS",
      "EN-TÊTE",
      "Direction pilote",
      "DPMIS",
      "EN-TÊTE",
      "Direction pilote",
      "DPMIS",
    ].join("\n");
    const isLabel = (t: string) => recogniseField(t) !== null;
    expect(
      cleanText(raw, isLabel, isLabel)
        .map((l) => l.text)
        .filter(Boolean),
    ).toEqual(["Direction pilote", "DPMIS", "Direction pilote", "DPMIS", "Direction pilote", "DPMIS"]);
  });
  it("single-star emphasis cut over two lines is taken off once the word is joined", () => {
    const raw = "Situation (*taux de loge-\nment stable*)";
    expect(
      cleanText(
        raw,
        () => false,
        () => false,
      ).map((l) => l.text),
    ).toEqual(["Situation (taux de logement stable)"]);
  });
});

describe("table layouts", () => {
  it("bullets run together in a cell become items with their depth", () => {
    expect(cellItems("<ul> <li>➤ Objectif A</li> </ul> → détail", 3)).toEqual([
      { n: 3, text: "Objectif A", depth: 1 },
      { n: 3, text: "détail", depth: 2 },
    ]);
    expect(cellItems(" - sous-point", 1)).toEqual([{ n: 1, text: "sous-point", depth: 2 }]);
  });
  it("HTML rows expand their colspans; grid rows are kept whole", () => {
    expect(htmlRows('<tr><th colspan="2"></th><th>2018</th></tr>')).toEqual([["", "", "2018"]]);
    expect(isGridRow(["Calendrier prévisionnel", "Elaboration charte", "", "X", "X"])).toBe(true);
    expect(isGridRow(["Objectifs", "Favoriser…"])).toBe(false);
    const items = toItems([{ n: 1, text: "Objectifs\t<ul> ➤ A ➤ B</ul>" }]);
    expect(items.map((i) => i.text)).toEqual(["Objectifs", "A", "B"]);
  });
});

describe("headings", () => {
  it("levels and numbering styles", () => {
    expect(recogniseHeading("FICHE ACTION N°12 : Titre")).toMatchObject({
      level: "fiche",
      numero: "12",
      titre: "Titre",
    });
    expect(recogniseHeading("Fiche action N° 1")).toMatchObject({ level: "fiche", numero: "1", toc: false });
    expect(recogniseHeading("Action 5.1.")).toMatchObject({ level: "sousAction", numero: "5.1" });
    expect(recogniseHeading("ACTION 5")).toMatchObject({ level: "fiche", numero: "5" });
    expect(recogniseHeading("Axe 1 : renforcer les actions")).toMatchObject({
      level: "axe",
      numero: "1",
      titre: "renforcer les actions",
    });
    expect(recogniseHeading("Objectif stratégique II : Améliorer")).toMatchObject({ level: "axe", numero: "II" });
    expect(recogniseHeading("Objectif opérationnel I.1 : Organiser")).toMatchObject({
      level: "objectif",
      numero: "I.1",
    });
    expect(recogniseHeading("Orientation 1 Mobiliser les acteurs p.4")).toMatchObject({ level: "axe", toc: true });
    expect(recogniseHeading("Les objectifs du schéma")).toBeNull();
  });
  it("numbered titles and capitals", () => {
    expect(recogniseNumbered("4. Diversifier les modes d'actions")).toMatchObject({ numero: "4", toc: false });
    expect(recogniseNumbered("1. Coordonner les actions p.4-5")).toMatchObject({ numero: "1", toc: true });
    expect(sentenceCase("STRUCTURER UNE OFFRE DÉPARTEMENTALE")).toBe("Structurer une offre départementale");
  });
});

describe("fields", () => {
  it("labels, with a value on the same line, and cut over lines", () => {
    expect(recogniseField("CALENDRIER/ ÉCHÉANCES")?.field).toBe("calendrier");
    expect(recogniseField("Pilote : DPMIS")).toEqual({ field: "pilotes", rest: "DPMIS" });
    expect(recogniseField("INDICATEURS DE RÉSULTATS")).toMatchObject({ field: "indicateurs", nature: "resultat" });
    expect(recogniseField("Partenaires associés")?.field).toBe("partenaires");
    expect(recogniseNatureHeading("Impact :")).toBe("impact");
    const items = ["AUTRES", "POLITIQUES", "CONCERNÉES"].map((text) => ({ n: 1, text, depth: 0 }));
    expect(joinedLabel(items, 0)).toMatchObject({ label: { field: "autresPolitiques" }, taken: 3 });
  });
});

describe("calendars", () => {
  it("years, ranges, halves, « à partir de », duration", () => {
    expect(periodsOf("2022-2024", span, "annee")).toEqual(["2022", "2023", "2024"]);
    expect(periodsOf("À partir de 2024", span, "annee")).toEqual(["2024", "2025", "2026"]);
    expect(periodsOf("S1 2023", span, "semestre")).toEqual(["2023-S1"]);
    expect(parseCalendarBlock(["Durée du schéma"], span, "annee").calendrier).toEqual({ dureeSchema: true });
    expect(parseCalendarBlock(["2021-2026"], span, "annee").calendrier).toMatchObject({ dureeSchema: true });
  });
  it("milestones: a date line, then what happens", () => {
    const r = parseCalendarBlock(
      ["2022", "Convention REPAP", "2023", "Ouverture de la maison", "des 1000 jours"],
      span,
      "annee",
    );
    expect(r.calendrier?.jalons).toEqual([
      { periode: "2022", libelle: "Convention REPAP" },
      { periode: "2023", libelle: "Ouverture de la maison des 1000 jours" },
    ]);
  });
  it("unreadable wording is kept as text and flagged", () => {
    expect(parseCalendarBlock(["À définir"], span, "annee")).toEqual({
      calendrier: { texte: "À définir" },
      sure: false,
    });
  });
  it("grid columns from year and semester header rows", () => {
    expect(
      gridColumns([
        ["", "2018", ""],
        ["", "S1", "S2"],
      ]),
    ).toEqual(["", "2018-S1", "2018-S2"]);
  });
});

describe("value types", () => {
  it.each([
    ["Nombre de réunions partenariales.", "count"],
    ["Taux d'occupation", "rate"],
    ["Existence d'une malle guide", "boolean"],
    ["Durée moyenne des accueils d'urgence", "number"],
    ["Evolution du nombre de mesures", "count"],
    ["Typologie des actions", "text"],
    ["Nombre de bilans médicaux réalisés / nombre d'enfants confiés.", "ratio"],
  ])("%s → %s", (libelle, type) => {
    expect(inferValueType(libelle)).toMatchObject({ type, sure: true });
  });
  it("a wording no rule reads is a text, unsure", () => {
    expect(inferValueType("Invitations aux PPE.")).toEqual({ type: "text", sure: false });
  });
  it("the expected direction", () => {
    expect(sensOf("Diminution des ruptures")).toBe("baisse");
    expect(sensOf("Taux d'accueil des enfants en augmentation")).toBe("hausse");
    expect(sensOf("Nombre de places")).toBeUndefined();
  });
  it("lines of several measures", () => {
    expect(severalMeasures("Nombre de places créées et taux d'occupation")).toBe(true);
    expect(severalMeasures("Nombre de places créées")).toBe(false);
  });
});

describe("decisions and corrections", () => {
  it("keys are stable for the same wording; a correction replaces the choice", () => {
    expect(decisionKey("type", "5", "Invitations aux PPE.")).toBe(decisionKey("type", "5", "invitations  aux PPE."));
    const log = new DecisionLog({ [decisionKey("type", "5", "X")]: "count" });
    expect(log.decide({ kind: "type", scope: "5", line: 1, text: "X", chosen: "text" })).toBe("count");
    expect(log.list[0]).toMatchObject({ corrected: true, chosen: "text" });
  });
  it("a small schéma: a valid draft, and a correction applied on the next run", () => {
    const text = [
      "Schéma départemental de l'enfance et de la famille 2022-2026",
      "Axe 1 : Prévenir",
      "Fiche action N° 1",
      "Action : développer l'accueil",
      "MODALITÉS DE MISE EN ŒUVRE",
      "- Créer des places",
      "CALENDRIER",
      "2023",
      "INDICATEURS DE RÉSULTATS",
      "- Nombre de places créées",
      "- Invitations aux PPE",
    ].join("\n");
    const first = importText(text);
    expect(parseSchema(first.model).ok).toBe(true);
    const fiche = first.model.axes[0]!.fiches![0]!;
    expect(fiche).toMatchObject({ numero: "1", titre: "Développer l'accueil", calendrier: { periodes: ["2023"] } });
    expect(fiche.sousActions).toEqual([{ libelle: "Créer des places" }]);
    const unsure = first.decisions.find((d) => d.kind === "type")!;
    expect(unsure).toMatchObject({ line: 11, text: "Invitations aux PPE" });
    const second = importText(text, { [unsure.key]: "boolean" });
    expect(second.model.axes[0]!.fiches![0]!.indicateurs![1]).toMatchObject({ type: "boolean" });
  });
});

describe("corrections from a corrected model", () => {
  it("a type, a split line and a calendar are found by fiche number and wording", () => {
    const text = [
      "Schéma départemental de l'enfance et de la famille 2022-2026",
      "Axe 1 : Prévenir",
      "Fiche action N° 1",
      "Action : développer l'accueil",
      "CALENDRIER",
      "À définir",
      "INDICATEURS DE RÉSULTATS",
      "- Invitations aux PPE",
      "- Nombre de places et taux d'occupation",
    ].join("\n");
    const draft = importText(text);
    const fixed = structuredClone(draft.model);
    const fiche = fixed.axes[0]!.fiches![0]!;
    fiche.calendrier = { periodes: ["2024"] };
    fiche.indicateurs = [
      { libelle: "Invitations aux PPE", type: "count" },
      { libelle: "Nombre de places", type: "count", formulationPubliee: "Nombre de places et taux d'occupation" },
      { libelle: "Taux d'occupation", type: "rate", formulationPubliee: "Nombre de places et taux d'occupation" },
    ];
    const parsed = parseSchema(fixed);
    if (!parsed.ok) throw new Error("corrected model invalid");
    const corrections = correctionsFromModel(draft.decisions, parsed.schema);
    const again = importText(text, corrections).model.axes[0]!.fiches![0]!;
    expect(again.calendrier).toMatchObject({ periodes: ["2024"] });
    expect(again.indicateurs!.map((i) => [i.libelle, i.type])).toEqual([
      ["Invitations aux PPE", "count"],
      ["Nombre de places", "count"],
      ["Taux d'occupation", "rate"],
    ]);
  });
});

describe(".docx text", () => {
  it("paragraphs one per line, table cells separated by tabs", () => {
    const xml =
      "<w:body><w:p><w:r><w:t>Fiche action N° 1</w:t></w:r></w:p><w:tbl><w:tr><w:tc><w:p><w:r><w:t>Pilote</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>DPMIS &amp; CAF</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:body>";
    expect(documentXmlText(xml)).toBe("Fiche action N° 1\nPilote\tDPMIS & CAF");
  });
});

describe("another layout than the seeds'", () => {
  it("fiches numbered within their orientation, labels with their values on the line, two natures of indicators", () => {
    const text = [
      "SCHÉMA DÉPARTEMENTAL ENFANCE FAMILLE 2019-2023",
      "",
      "Orientation 1 - Prévenir au plus tôt",
      "",
      "FICHE ACTION N°1.1 : Développer la PMI",
      "Pilote(s) : PMI",
      "Partenaires : CAF, CPAM",
      "Objectifs :",
      "• Améliorer le repérage",
      "Actions :",
      "1) Créer un bus PMI",
      "2) Former les puéricultrices",
      "Échéances : S1 2020",
      "Indicateurs de réalisation :",
      "• Nombre de consultations",
      "• Existence du bus",
      "Indicateurs d'impact :",
      "• Taux de couverture vaccinale",
      "",
      "FICHE ACTION N°1.2 : Soutenir la parentalité",
      "Calendrier : durée du schéma",
    ].join("\n");
    const { model } = importText(text);
    expect(parseSchema(model).ok).toBe(true);
    expect(model.periode).toEqual({ debut: 2019, fin: 2023 });
    expect(model.axes.map((a) => [a.numero, a.titre])).toEqual([["1", "Prévenir au plus tôt"]]);
    const [f1, f2] = model.axes[0]!.fiches!;
    expect(f1).toMatchObject({
      numero: "1.1",
      titre: "Développer la PMI",
      pilotes: ["PMI"],
      partenaires: ["CAF", "CPAM"],
      objectifs: ["Améliorer le repérage"],
      calendrier: { periodes: ["2020"] },
      sousActions: [{ libelle: "Créer un bus PMI" }, { libelle: "Former les puéricultrices" }],
    });
    expect(f1!.indicateurs!.map((i) => [i.libelle, i.nature, i.type])).toEqual([
      ["Nombre de consultations", "realisation", "count"],
      ["Existence du bus", "realisation", "boolean"],
      ["Taux de couverture vaccinale", "impact", "rate"],
    ]);
    expect(f2).toMatchObject({ numero: "1.2", calendrier: { dureeSchema: true } });
  });
});
