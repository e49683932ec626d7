/**
 * The ribbon functions, run against a stand-in for office.js and the in-memory Excel: what
 * they associate, what they do to the workbook, the view they request on the bus that the
 * pane listens to when they need it, and event.completed() in every case.
 */
import { FakeExcel } from "../support/fakeExcel";
import { renderPlanInExcel } from "../../src/hosts/office/renderPlan";
import { builtinPlan } from "../support/plans";

type VueModule = typeof import("../../src/shared/vue");
type Handler = (event: Office.AddinCommands.Event) => Promise<void> | void;

interface Loaded {
  bus: VueModule;
  associated: Map<string, Handler>;
  showAsTaskpane: jest.Mock<Promise<void>, []>;
}

/** Loads commands.ts and vue.ts together (one module registry, as in taskpane.html) with a stub Office. */
function load(showAsTaskpane: jest.Mock<Promise<void>, []>): Loaded {
  const associated = new Map<string, Handler>();
  const office = {
    onReady: (callback: () => void) => {
      callback();
      return Promise.resolve({ host: "Excel", platform: "OfficeOnline" });
    },
    actions: { associate: (name: string, fn: Handler) => void associated.set(name, fn) },
    addin: { showAsTaskpane },
  };
  Object.defineProperty(globalThis, "Office", { value: office, configurable: true, writable: true });
  let bus: VueModule | undefined;
  jest.isolateModules(() => {
    require("../../src/commands/commands");
    bus = require("../../src/shared/vue") as VueModule;
  });
  return { bus: bus!, associated, showAsTaskpane };
}

function commandEvent(): Office.AddinCommands.Event & { completed: jest.Mock } {
  return { completed: jest.fn(), source: { id: "Btn" } } as unknown as Office.AddinCommands.Event & {
    completed: jest.Mock;
  };
}

let excel: FakeExcel;
beforeEach(() => {
  excel = new FakeExcel();
  Object.defineProperty(globalThis, "Excel", {
    value: { run: (a: never, b?: never) => excel.run(a, b) },
    configurable: true,
    writable: true,
  });
});

afterEach(() => {
  Reflect.deleteProperty(globalThis, "Office");
  Reflect.deleteProperty(globalThis, "Excel");
});

describe("ribbon commands", () => {
  it("associates the three functions of the manifest", () => {
    const { associated } = load(jest.fn(() => Promise.resolve()));
    expect([...associated.keys()].sort()).toEqual(["calculer", "controler", "generer"]);
  });

  it.each(["generer", "controler", "calculer"] as const)(
    "%s with nothing it can do alone requests its view, shows the pane, then completes",
    async (name) => {
      const order: string[] = [];
      const { bus, associated } = load(
        jest.fn(() => {
          order.push("showAsTaskpane");
          return Promise.resolve();
        }),
      );
      bus.onVueRequest((v) => order.push(`vue:${v}`));
      const e = commandEvent();
      e.completed.mockImplementation(() => order.push("completed"));
      await associated.get(name)!(e);
      expect(order).toEqual([`vue:${name}`, "showAsTaskpane", "completed"]);
    },
  );

  it("completes the event and keeps the request when the pane cannot be shown", async () => {
    const error = jest.spyOn(console, "error").mockImplementation(() => {});
    try {
      const { bus, associated } = load(jest.fn(() => Promise.reject(new Error("SharedRuntime unsupported"))));
      const e = commandEvent();
      await expect(associated.get("controler")!(e)).resolves.toBeUndefined();
      expect(e.completed).toHaveBeenCalledTimes(1);
      expect(error).toHaveBeenCalledTimes(1);
      // A pane opened afterwards by the user still gets the view.
      const seen: string[] = [];
      bus.onVueRequest((v) => seen.push(v));
      expect(seen).toEqual(["controler"]);
    } finally {
      error.mockRestore();
    }
  });

  it.each([
    ["controler", "Contrôles"],
    ["calculer", "Sommaire"],
  ] as const)("%s on a bilan works without the pane and shows its result (%s)", async (name, sheet) => {
    await excel.run((ctx) => renderPlanInExcel(ctx, builtinPlan("fiche_action_5_2022_2026")));
    const { bus, associated, showAsTaskpane } = load(jest.fn(() => Promise.resolve()));
    const seen: string[] = [];
    bus.onVueRequest((v) => seen.push(v));
    const e = commandEvent();
    await associated.get(name)!(e);
    expect(excel.state.activeSheet?.name).toBe(sheet);
    expect(seen).toEqual([]);
    expect(showAsTaskpane).not.toHaveBeenCalled();
    expect(e.completed).toHaveBeenCalledTimes(1);
    if (name === "controler") expect(excel.state.mustSheet("Contrôles").peek(2, 1)?.value).toMatch(/erreur\(s\)/);
    else expect(excel.state.calculations).toEqual(["Recalculate"]);
  });

  it("does not throw when office.js is absent", () => {
    expect(() =>
      jest.isolateModules(() => {
        require("../../src/commands/commands");
      }),
    ).not.toThrow();
  });
});
