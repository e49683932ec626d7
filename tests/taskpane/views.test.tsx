/**
 * @jest-environment jsdom
 *
 * The pane's views with their logic, Excel replaced by a mock of src/taskpane/excel.ts.
 */
import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { ControlerView } from "../../src/taskpane/views/ControlerView";
import { GenererView } from "../../src/taskpane/views/GenererView";
import { ExporterView } from "../../src/taskpane/views/ExporterView";
import { SchemaView } from "../../src/taskpane/views/SchemaView";
import { validModel } from "../model/fixtures";
import { PaneProvider, usePane } from "../../src/taskpane/state";
import { loadBuiltin } from "../../src/model/builtins";
import { RenderError } from "../../src/hosts/office/renderPlan";
import { both } from "../../src/i18n";
import type { ValidationReport } from "../../src/engine/validate";
import type { Finding } from "../../src/engine/validate/findings";
import * as excel from "../../src/taskpane/excel";

jest.mock("../../src/taskpane/excel", () => ({
  generer: jest.fn(),
  controler: jest.fn(),
  allerA: jest.fn(),
  surligner: jest.fn(),
  effacerSurlignage: jest.fn(),
  surveillerSaisies: jest.fn(async () => async () => undefined),
  lireExport: jest.fn(),
  ecrireExport: jest.fn(),
}));
const mocked = excel as jest.Mocked<typeof excel>;

// jsdom has no layout, hence no ResizeObserver (Fluent's MessageBar watches its width).
globalThis.ResizeObserver ??= class {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
};

function WithSchema({ children }: { children: ReactNode }) {
  const { setSchema, schema } = usePane();
  if (!schema) setTimeout(() => setSchema(loadBuiltin("fiche_action_5_2022_2026")));
  return schema ? <>{children}</> : null;
}

function renderView(view: ReactNode, withSchema = false) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <PaneProvider lang="fr">{withSchema ? <WithSchema>{view}</WithSchema> : view}</PaneProvider>
    </FluentProvider>,
  );
}

const finding = (severity: Finding["severity"], rule: string, cell: string, axe = "axe_5"): Finding => ({
  severity,
  rule,
  sheet: "Axe 5",
  cell,
  axe,
  message: `message ${rule} ${cell}`,
  messageEn: `message ${rule} ${cell}`,
});

const report = (findings: Finding[]): ValidationReport => ({
  source: "classeur ouvert",
  readable: true,
  findings,
  completion: { fiches: {}, axes: {}, total: { required: 10, filled: 8 } },
  values: new Map(),
});

beforeEach(() => jest.clearAllMocks());

test("Contrôler: counts, one row per finding, a click goes to the cell, live checking switched on", async () => {
  mocked.controler.mockResolvedValue(
    report([
      finding("erreur", "type.decimales", "E12"),
      finding("erreur", "plage.negatif", "E14"),
      finding("avertissement", "completude.valeur-manquante", "E15"),
    ]),
  );
  renderView(<ControlerView />);
  fireEvent.click(screen.getByRole("button", { name: "Contrôler le classeur" }));
  await screen.findByText(/2 erreur\(s\), 1 avertissement\(s\), 0 info\(s\) · Saisies attendues remplies : 8\/10/);
  // One group (the axe), one item per finding: a single expected input is shown as itself.
  expect(screen.getByRole("button", { name: /^axe_5/ }).textContent).toBe("axe_52\u00a0erreurs, 1\u00a0avertissement");
  expect(screen.getAllByRole("listitem").map((li) => li.getAttribute("data-rule"))).toEqual([
    "type.decimales",
    "plage.negatif",
    "completude.valeur-manquante",
  ]);
  expect(screen.getAllByRole("listitem")[1]!.textContent).toBe("Axe 5!E14erreurmessage plage.negatif E14");
  fireEvent.click(screen.getByRole("button", { name: "Aller à Axe 5!E14" }));
  expect(mocked.allerA).toHaveBeenCalledWith("Axe 5", "E14");
  // Live checking was switched on after the first check.
  await waitFor(() => expect(mocked.surveillerSaisies).toHaveBeenCalledTimes(1));
});

test("Contrôler: a blank fiche's expected inputs are one line, opened on demand; the axe starts closed", async () => {
  const schema = loadBuiltin("fiche_action_5_2022_2026");
  const axe = schema.axes[0]!;
  const fiche = axe.fiches[0]!;
  const empty = (cell: string): Finding => ({
    ...finding("avertissement", "completude.valeur-manquante", cell, axe.id),
    sheet: `Axe 5 - ${axe.titre}`,
    fiche: fiche.id,
  });
  mocked.controler.mockResolvedValue({ ...report(["E12", "E13", "E14"].map(empty)), schema });
  renderView(<ControlerView />);
  fireEvent.click(screen.getByRole("button", { name: "Contrôler le classeur" }));
  const header = await screen.findByRole("button", { name: /^Axe 5 — / });
  expect(header.textContent).toBe(`Axe 5 — ${axe.titre}3\u00a0saisies attendues vides`);
  expect(header.getAttribute("aria-expanded")).toBe("false");
  fireEvent.click(header);
  const summary = await screen.findByRole("button", { name: "3\u00a0saisies attendues vides" });
  expect(screen.getByRole("heading", { level: 3 }).textContent).toBe(`Action 5 — ${fiche.titre}`);
  expect(summary.getAttribute("aria-expanded")).toBe("false");
  expect(screen.queryAllByRole("listitem").filter((li) => li.dataset.rule)).toHaveLength(0);
  fireEvent.click(summary);
  expect(summary.getAttribute("aria-expanded")).toBe("true");
  const rows = screen.getAllByRole("listitem").filter((li) => li.dataset.rule);
  expect(rows.map((li) => li.textContent)).toEqual(
    ["E12", "E13", "E14"].map((c) => `Axe 5!${c}avertissementmessage completude.valeur-manquante ${c}`),
  );
  // The full sheet name is the link's tooltip.
  expect(screen.getByRole("button", { name: "Aller à Axe 5!E13" }).getAttribute("title")).toBe(
    `Axe 5 - ${axe.titre}!E13`,
  );
});

test("Contrôler: a failure reaches the user as a sentence", async () => {
  mocked.controler.mockRejectedValue(new Error("Le classeur est verrouillé."));
  renderView(<ControlerView />);
  fireEvent.click(screen.getByRole("button", { name: "Contrôler le classeur" }));
  await screen.findByText("L'opération n'a pas abouti : Le classeur est verrouillé.");
});

test("Générer: progress sheet by sheet, then done; a refusal is shown as the add-in's sentence", async () => {
  let report: ((p: { done: number; total: number; sheet: string }) => void) | undefined;
  let finish: () => void = () => undefined;
  mocked.generer.mockImplementation((_plan, options) => {
    report = options.onProgress;
    return new Promise<void>((done) => (finish = done));
  });
  renderView(<GenererView />, true);
  fireEvent.click(await screen.findByRole("button", { name: "Générer le classeur" }));
  act(() => report!({ done: 1, total: 4, sheet: "Axe 5 - Fiche action n°5…" }));
  await screen.findByText("Feuille 2 sur 4 : Axe 5 - Fiche action n°5…");
  expect(screen.getByRole("progressbar")).toBeTruthy();
  expect(screen.getByRole("button", { name: "Annuler" })).toBeTruthy();
  await act(async () => finish());
  // Sommaire, the axe, the earlier campaigns' narrative (Bilans précédents), Contrôles and the metadata.
  await screen.findByText("Classeur généré : 5 feuilles.");

  mocked.generer.mockRejectedValue(new RenderError(both("office.render.existing", { sheets: "Sommaire" })));
  fireEvent.click(screen.getByRole("button", { name: "Générer le classeur" }));
  await screen.findByText(/Le classeur contient déjà un bilan \(Sommaire\)/);
});

test("Générer: cancelling aborts the generation", async () => {
  let signal: AbortSignal | undefined;
  mocked.generer.mockImplementation((_plan, options) => {
    signal = options.signal;
    options.onProgress?.({ done: 0, total: 4, sheet: "Sommaire" });
    return new Promise<void>((_, fail) =>
      options.signal!.addEventListener("abort", () => fail(new RenderError(both("office.render.cancelled")))),
    );
  });
  renderView(<GenererView />, true);
  fireEvent.click(await screen.findByRole("button", { name: "Générer le classeur" }));
  fireEvent.click(await screen.findByRole("button", { name: "Annuler" }));
  expect(signal?.aborted).toBe(true);
  await screen.findByText(/Génération annulée/);
});

test("Exporter: « Écrire dans une feuille » is the primary action and says where the table went; a refusal is shown", async () => {
  const rows = [{ schema: "s", valeur: 1 }];
  mocked.lireExport.mockResolvedValue({ rows, report: { meta: { modelId: "m" } } } as never);
  mocked.ecrireExport.mockResolvedValue({ sheet: "Export du bilan", table: "BilanExport", rows: 1, syncs: 3 });
  renderView(<ExporterView />);
  const write = screen.getByRole("button", { name: "Écrire dans une feuille" });
  const download = screen.getByRole("button", { name: "Télécharger l'export" });
  expect(write.compareDocumentPosition(download) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  fireEvent.click(write);
  await screen.findByText("1 ligne(s) écrite(s) dans le tableau « BilanExport » de la feuille « Export du bilan ».");
  expect(mocked.ecrireExport).toHaveBeenCalledWith(rows, "m");

  mocked.ecrireExport.mockRejectedValue(
    new RenderError(both("office.export.foreignSheet", { sheet: "Export du bilan" })),
  );
  fireEvent.click(write);
  await screen.findByText(/Le classeur a déjà une feuille « Export du bilan » qui n'a pas été créée par le complément/);
});
test("Schéma: a built-in whose document names no département is listed without « Non précisé »", () => {
  renderView(<SchemaView />);
  const labels = screen
    .getAllByRole("radio")
    .map((r) => r.closest("span")?.textContent ?? r.parentElement?.textContent ?? "");
  expect(labels.some((l) => /fiche action n°5/i.test(l))).toBe(true);
  expect(labels.filter((l) => /non\s+précis/i.test(l))).toEqual([]);
}, 30_000);
test("Schéma: a JSON model saved in Windows-1252 is imported right, and an info line says how it was read", async () => {
  const m = validModel();
  m.titre = "Prévention précoce";
  // Latin-1 and Windows-1252 agree on these characters.
  const bytes = Buffer.from(JSON.stringify(m), "latin1");
  const file = { name: "modele.json", arrayBuffer: async () => new Uint8Array(bytes).buffer };
  renderView(<SchemaView />);
  fireEvent.change(screen.getByTestId("import-json"), { target: { files: [file] } });
  expect(await screen.findByText(/modele\.json : lu en Windows-1252/)).toBeTruthy();
  expect(screen.getByText(/^Schéma choisi\s: Prévention précoce$/)).toBeTruthy();
}, 30_000);
test("Schéma: pasted published text becomes the current schéma, with its decisions to review", async () => {
  const text = [
    "Schéma départemental de l'enfance et de la famille 2022-2026",
    "Axe 1 : Prévenir",
    "Fiche action N° 1",
    "Action : développer l'accueil",
    "MODALITÉS DE MISE EN ŒUVRE",
    "- Créer des places",
    "INDICATEURS DE RÉSULTATS",
    "- Invitations aux PPE",
  ].join("\n");
  renderView(<SchemaView />);
  const button = screen.getByRole("button", { name: "Faire le modèle depuis le texte" });
  expect((button as HTMLButtonElement).disabled).toBe(true);
  fireEvent.change(screen.getByTestId("paste-text"), { target: { value: text } });
  fireEvent.click(button);
  expect(
    await screen.findByText(/^Schéma choisi\s: Schéma départemental de l'enfance et de la famille 2022-2026$/),
  ).toBeTruthy();
  expect(screen.getByText("2 décision(s) à relire")).toBeTruthy();
  expect(screen.getByText(/^ligne 8 · type deviné : Invitations aux PPE \(type:1:/)).toBeTruthy();
}, 30_000);
