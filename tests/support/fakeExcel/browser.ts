/**
 * The in-memory Excel as `Office` and `Excel` globals for the built task pane
 * in a real browser: served in place of office.js, so that the add-in's own
 * code runs unchanged. The test drives the workbook through `window.__excel`.
 */
import { FakeExcel, FakeWorkbookState } from "./index";

const excel = new FakeExcel(new FakeWorkbookState(["Feuil1"]));
const params = new URLSearchParams(window.location.search);
excel.syncDelayMs = Number(params.get("syncDelay") ?? 0);
const info = { host: "Excel", platform: "OfficeOnline" };

Object.assign(window, {
  __excel: excel,
  Excel: { run: (first: never, second?: never) => excel.run(first, second) },
  Office: {
    onReady: (callback?: (i: typeof info) => void) => {
      callback?.(info);
      return Promise.resolve(info);
    },
    context: {
      displayLanguage: params.get("lang") ?? "fr-FR",
      requirements: { isSetSupported: () => true },
    },
    actions: { associate: () => undefined },
    addin: { showAsTaskpane: () => Promise.resolve(), hide: () => Promise.resolve() },
    HostType: { Excel: "Excel" },
  },
});
