/**
 * The ribbon functions, run against a stand-in for office.js: what they associate, the view
 * they request on the bus that the pane listens to, and event.completed() in every case.
 */
export {};

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

afterEach(() => {
  Reflect.deleteProperty(globalThis, "Office");
});

describe("ribbon commands", () => {
  it("associates the three functions of the manifest", () => {
    const { associated } = load(jest.fn(() => Promise.resolve()));
    expect([...associated.keys()].sort()).toEqual(["calculer", "controler", "generer"]);
  });

  it.each(["generer", "controler", "calculer"] as const)(
    "%s requests its view, shows the pane, then completes",
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

  it("does not throw when office.js is absent", () => {
    expect(() =>
      jest.isolateModules(() => {
        require("../../src/commands/commands");
      }),
    ).not.toThrow();
  });
});
