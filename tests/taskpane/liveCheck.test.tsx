/**
 * @jest-environment jsdom
 *
 * Live checking under Excel's rules: the Contrôler view with the real pane
 * code over the in-memory Excel, which raises onChanged for the add-in's own
 * writes as Excel does. A user's edit is checked once, partially; the
 * add-in's writes and changes to its own sheets start no check, on builds
 * with and without `triggerSource`.
 */
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { ControlerView } from "../../src/taskpane/views/ControlerView";
import { PaneProvider } from "../../src/taskpane/state";
import { loadBuiltin } from "../../src/model/builtins";
import { CONTROLES } from "../../src/engine/layout/controles";
import type { CellBinding, WorkbookPlan } from "../../src/engine/plan";
import { renderPlanInExcel } from "../../src/hosts/office/renderPlan";
import { ECHO_MS, ecritureDuComplement } from "../../src/hosts/office/liveCheck";
import { FakeExcel } from "../support/fakeExcel";
import { fillValid } from "../support/fill";
import { planOf } from "../support/plans";

// fill.ts also writes and reads files, with exceljs, which jsdom cannot load: not needed here.
jest.mock("../../src/hosts/xlsx/renderPlan", () => ({}));
jest.mock("../support/readWorkbook", () => ({}));
jest.setTimeout(60_000);

// The pane's updates after a check come from Excel's events, outside any act() of the test.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = false;
globalThis.ResizeObserver ??= class {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
};

let schema = loadBuiltin("fiche_action_5_2022_2026");
let plan: WorkbookPlan;
let excel: FakeExcel;
let unmount: () => void;

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** Waits for `n` checks since `from` (each writes the Contrôles sheet once), then long enough to see one more. */
async function checksSince(from: number, n: number): Promise<number> {
  if (n > 0) await waitFor(() => expect(controlesWrites(from)).toBeGreaterThanOrEqual(n), { timeout: 30_000 });
  await excel.eventsDelivered();
  // Longer than the pane's debounce (600 ms) and a check: a check feeding itself shows up meanwhile.
  await sleep(2000);
  await excel.eventsDelivered();
  return controlesWrites(from);
}

/** Requests since `from` that wrote into the Contrôles sheet: one per check. */
const controlesWrites = (from: number) =>
  excel.syncs.slice(from).filter((s) => s.changedSheets.includes(CONTROLES)).length;

const inputOf = (type: string, year = plan.meta.campaignYear): CellBinding =>
  plan.meta.bindings.find((b) => {
    const ind = schema.axes
      .flatMap((a) => a.fiches)
      .flatMap((f) => f.indicateurs)
      .find((i) => i.id === b.node);
    return b.input && b.kind === "valeur" && b.period === String(year) && ind?.type === type;
  })!;

async function openAndCheck(triggerSource: boolean, model = "fiche_action_5_2022_2026"): Promise<void> {
  schema = loadBuiltin(model);
  plan = fillValid(planOf(schema), schema);
  excel = new FakeExcel();
  excel.triggerSource = triggerSource;
  await excel.run((ctx) => renderPlanInExcel(ctx, plan));
  Object.defineProperty(globalThis, "Excel", {
    value: { run: (a: never, b?: never) => excel.run(a, b) },
    configurable: true,
    writable: true,
  });
  const view = render(
    <FluentProvider theme={webLightTheme}>
      <PaneProvider lang="fr">
        <ControlerView />
      </PaneProvider>
    </FluentProvider>,
  );
  unmount = view.unmount;
  fireEvent.click(screen.getByRole("button", { name: "Contrôler le classeur" }));
  // A whole check of the workbook: seconds on a loaded machine, not the default second.
  await screen.findByText(/Aucune anomalie/, {}, { timeout: 30_000 });
  await excel.eventsDelivered();
  // On a build without triggerSource, the echoes of the check's own writes are told apart by time.
  if (!triggerSource) await sleep(ECHO_MS + 100);
}

afterEach(() => {
  unmount?.();
  Reflect.deleteProperty(globalThis, "Excel");
});

describe.each([
  ["ExcelApi 1.14+ (triggerSource given)", true],
  ["older builds (no triggerSource)", false],
])("%s", (_name, triggerSource) => {
  test("a user types one value: exactly one check, partial, and the Contrôles sheet written once", async () => {
    await openAndCheck(triggerSource);
    const from = excel.syncs.length;
    const count = inputOf("count");
    await excel.type(count.sheet, count.address, 12.5);
    expect(await checksSince(from, 1)).toBe(1);
    // Only the edit's scope was read: one request to read it, one to write the Contrôles table.
    expect(excel.syncs.length - from).toBe(2);
    await waitFor(() => expect(screen.getByText(/1 erreur\(s\)/)).toBeTruthy(), { timeout: 30_000 });
    // The cell column names the sheet by its axe (« Axe 5!E12 »).
    const axe = schema.axes.find((a) => a.fiches.some((f) => f.indicateurs.some((i) => i.id === count.node)))!;
    expect(
      screen.getByRole("button", { name: `Aller à ${schema.niveaux.axe} ${axe.numero}!${count.address}` }),
    ).toBeTruthy();

    // Corrected: the finding goes, again with one check.
    const again = excel.syncs.length;
    if (!triggerSource) await sleep(ECHO_MS + 100);
    await excel.type(count.sheet, count.address, 12);
    expect(await checksSince(again, 1)).toBe(1);
    await waitFor(() => expect(screen.getByText(/Aucune anomalie/)).toBeTruthy(), { timeout: 30_000 });
  });

  test("the add-in writing 1,000 cells starts no check", async () => {
    await openAndCheck(triggerSource);
    const inputs = plan.meta.bindings.filter((b) => b.input && b.kind !== "statut");
    const cells = Array.from({ length: 1000 }, (_, i) => inputs[i % inputs.length]!);
    const from = excel.syncs.length;
    const events = excel.events.length;
    // The add-in's writes go through ecritureDuComplement (hosts/office/liveCheck.ts), as in the pane.
    await ecritureDuComplement(() =>
      excel.run(async (ctx) => {
        const sheets = ctx.workbook.worksheets;
        cells.forEach((b, i) => (sheets.getItem(b.sheet).getRange(b.address).values = [[i % 7]]));
        await ctx.sync();
      }),
    );
    expect(await checksSince(from, 0)).toBe(0);
    expect(excel.events.length - events).toBe(1000);
    expect(excel.syncs.length - from).toBe(1);
  });

  test("a change on the Contrôles sheet starts no check", async () => {
    await openAndCheck(triggerSource);
    const from = excel.syncs.length;
    await excel.type(CONTROLES, "H1", "une note de l'utilisateur");
    expect(await checksSince(from, 0)).toBe(0);
    expect(excel.syncs.length - from).toBe(0);
  });
});

test("an edit checked while the user is already typing in the next cell waits for the edit to end", async () => {
  await openAndCheck(true);
  const from = excel.syncs.length;
  const count = inputOf("count");
  await excel.type(count.sheet, count.address, -4);
  excel.startCellEdit();
  expect(await checksSince(from, 0)).toBe(0);
  excel.endCellEdit();
  expect(await checksSince(from, 1)).toBe(1);
  await waitFor(() => expect(screen.getByText(/1 erreur\(s\)/)).toBeTruthy());
});

test("an edit made while the previous one is being checked: checked after it, from its report", async () => {
  // Two fiches, so that each check reads only its own: a check started from a stale report would lose the other's.
  await openAndCheck(true, "essonne_2022_2026");
  // A slow Excel: each request takes 1 s, so the first check is still running when the second edit's comes.
  excel.syncDelayMs = 1000;
  const from = excel.syncs.length;
  const count = inputOf("count");
  const counts = new Set(
    schema.axes
      .flatMap((a) => a.fiches)
      .flatMap((f) => f.indicateurs)
      .filter((i) => i.type === "count")
      .map((i) => i.id),
  );
  const other = plan.meta.bindings.find(
    (b) => b.sheet !== count.sheet && b.input && b.kind === "valeur" && counts.has(b.node),
  )!;
  await excel.type(count.sheet, count.address, 12.5);
  await sleep(650);
  await excel.type(other.sheet, other.address, -3);
  expect(await checksSince(from, 2)).toBe(2);
  await waitFor(() => expect(screen.getByText(/2 erreur\(s\)/)).toBeTruthy());
});

test("rows inserted in a bilan sheet: a full check, once", async () => {
  await openAndCheck(true);
  const from = excel.syncs.length;
  const sheet = excel.state.mustSheet(inputOf("count").sheet);
  // What Excel reports after the user inserts a row: the data moved, changeType RowInserted.
  for (const handler of [...excel.state.changeHandlers])
    await handler({
      type: "WorksheetChanged",
      worksheetId: sheet.id,
      address: "A40:XFD40",
      changeType: "RowInserted",
      source: "Local",
      triggerSource: "Unknown",
    });
  expect(await checksSince(from, 1)).toBe(1);
  // A full check reads every sheet: more than the two requests of a partial one.
  expect(excel.syncs.length - from).toBeGreaterThan(2);
});
