/**
 * The task pane's views, and how a ribbon command tells the pane which one to show.
 *
 * The add-in runs in a shared runtime: the ribbon functions (commands.ts) and the pane
 * (App.tsx) are loaded by the same page, taskpane.html, and live in the same window, with
 * one instance of this module. A command calls `requestVue`; the pane listens with
 * `onVueRequest`, whether it is already open or starts after the request.
 *
 * The `?vue=` query string still selects a view for a direct link to taskpane.html.
 */
export const VUES = ["schema", "generer", "controler", "calculer", "consolider", "exporter"] as const;
export type Vue = (typeof VUES)[number];

export function parseVue(value: string | null | undefined): Vue | undefined {
  const v = value?.trim().toLowerCase();
  return VUES.find((x) => x === v);
}

/** The `vue` query-string parameter: the parsed view, and the raw text when it is not a known view. */
export function vueFromSearch(search: string): { vue: Vue | undefined; unknown: string | undefined } {
  const raw = new URLSearchParams(search).get("vue");
  const vue = parseVue(raw);
  return { vue, unknown: raw && !vue ? raw : undefined };
}

export type VueListener = (vue: Vue) => void;

let lastRequest: Vue | undefined;
const listeners = new Set<VueListener>();

/**
 * Asks the pane to show `vue`: the request is remembered (for a pane that subscribes later)
 * and given to every current listener. A listener that throws does not stop the others.
 */
export function requestVue(vue: Vue): void {
  lastRequest = vue;
  for (const listener of [...listeners]) {
    try {
      listener(vue);
    } catch (error) {
      console.error(`Bilan Schéma : échec du changement de vue (${vue})`, error);
    }
  }
}

/**
 * Calls `listener` at once with the last request, if there was one, then on each new
 * request. Returns the function that unsubscribes it.
 */
export function onVueRequest(listener: VueListener): () => void {
  listeners.add(listener);
  if (lastRequest !== undefined) listener(lastRequest);
  return () => {
    listeners.delete(listener);
  };
}
