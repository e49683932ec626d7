/**
 * Jest setup of every suite. The pane's tests (jsdom) wait for what the pane shows (`findBy…`, `waitFor`): on a
 * loaded 2-core machine a whole check of a workbook takes seconds, so they wait up to 10 s, not testing-library's 1 s.
 */
if (typeof document !== "undefined") {
  (require("@testing-library/dom") as typeof import("@testing-library/dom")).configure({ asyncUtilTimeout: 10_000 });
}
