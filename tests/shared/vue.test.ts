import { VUES, parseVue, vueFromSearch } from "../../src/shared/vue";

type VueModule = typeof import("../../src/shared/vue");

/** A fresh copy of the module: the bus keeps its state in module variables. */
function freshBus(): VueModule {
  let mod: VueModule | undefined;
  jest.isolateModules(() => {
    mod = require("../../src/shared/vue") as VueModule;
  });
  return mod!;
}

describe("task pane views", () => {
  it("lists the three views", () => {
    expect([...VUES]).toEqual(["schema", "generer", "controler", "calculer", "consolider", "exporter"]);
  });

  it("parses the known views only", () => {
    expect(parseVue("generer")).toBe("generer");
    expect(parseVue(" Controler ")).toBe("controler");
    expect(parseVue("imprimer")).toBeUndefined();
    expect(parseVue("")).toBeUndefined();
    expect(parseVue(null)).toBeUndefined();
    expect(parseVue(undefined)).toBeUndefined();
  });

  it("reads the vue query-string parameter", () => {
    expect(vueFromSearch("?vue=generer")).toEqual({ vue: "generer", unknown: undefined });
    expect(vueFromSearch("?x=1&vue=calculer")).toEqual({ vue: "calculer", unknown: undefined });
    expect(vueFromSearch("?vue=tout")).toEqual({ vue: undefined, unknown: "tout" });
    expect(vueFromSearch("?vue=")).toEqual({ vue: undefined, unknown: undefined });
    expect(vueFromSearch("")).toEqual({ vue: undefined, unknown: undefined });
  });
});

describe("view request bus", () => {
  it("calls nothing at subscription when no view was requested", () => {
    const bus = freshBus();
    const seen: string[] = [];
    bus.onVueRequest((v) => seen.push(v));
    expect(seen).toEqual([]);
  });

  it("notifies a listener of each request, in order", () => {
    const bus = freshBus();
    const seen: string[] = [];
    bus.onVueRequest((v) => seen.push(v));
    bus.requestVue("controler");
    bus.requestVue("calculer");
    bus.requestVue("controler");
    expect(seen).toEqual(["controler", "calculer", "controler"]);
  });

  it("gives the last request at once to a listener that subscribes later", () => {
    const bus = freshBus();
    bus.requestVue("generer");
    bus.requestVue("calculer");
    const seen: string[] = [];
    bus.onVueRequest((v) => seen.push(v));
    expect(seen).toEqual(["calculer"]);
    bus.requestVue("controler");
    expect(seen).toEqual(["calculer", "controler"]);
  });

  it("notifies every listener", () => {
    const bus = freshBus();
    const a: string[] = [];
    const b: string[] = [];
    bus.onVueRequest((v) => a.push(v));
    bus.onVueRequest((v) => b.push(v));
    bus.requestVue("generer");
    expect(a).toEqual(["generer"]);
    expect(b).toEqual(["generer"]);
  });

  it("stops notifying a listener once unsubscribed", () => {
    const bus = freshBus();
    const seen: string[] = [];
    const unsubscribe = bus.onVueRequest((v) => seen.push(v));
    bus.requestVue("generer");
    unsubscribe();
    unsubscribe(); // twice is harmless
    bus.requestVue("calculer");
    expect(seen).toEqual(["generer"]);
  });

  it("lets a listener unsubscribe another during a notification", () => {
    const bus = freshBus();
    const seen: string[] = [];
    let unsubscribeB: () => void = () => {};
    bus.onVueRequest((v) => {
      seen.push(`a:${v}`);
      unsubscribeB();
    });
    unsubscribeB = bus.onVueRequest((v) => seen.push(`b:${v}`));
    bus.requestVue("controler");
    bus.requestVue("calculer");
    // b was still subscribed when the first request started.
    expect(seen).toEqual(["a:controler", "b:controler", "a:calculer"]);
  });

  it("keeps notifying the other listeners when one throws", () => {
    const bus = freshBus();
    const error = jest.spyOn(console, "error").mockImplementation(() => {});
    try {
      const seen: string[] = [];
      bus.onVueRequest(() => {
        throw new Error("boom");
      });
      bus.onVueRequest((v) => seen.push(v));
      expect(() => bus.requestVue("calculer")).not.toThrow();
      expect(seen).toEqual(["calculer"]);
      expect(error).toHaveBeenCalledTimes(1);
    } finally {
      error.mockRestore();
    }
  });
});
