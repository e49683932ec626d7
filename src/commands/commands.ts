/**
 * Functions run by the ribbon buttons "Générer", "Contrôler" and "Calculer" (ExecuteFunction
 * in manifest.xml). The add-in uses a shared runtime: this file is bundled as the `commands`
 * entry and loaded by taskpane.html, the page of the runtime, next to the pane itself.
 *
 * For now each function asks the pane for its view (src/shared/vue.ts, same window as the
 * pane) and shows the pane. Later they will run the checks and rollups without the pane.
 */
import { requestVue, type Vue } from "../shared/vue";

async function openPaneOn(vue: Vue, event: Office.AddinCommands.Event): Promise<void> {
  try {
    requestVue(vue);
    await Office.addin.showAsTaskpane();
  } catch (error) {
    console.error(`Bilan Schéma : impossible d'ouvrir le volet (${vue})`, error);
  } finally {
    // Office waits for this call: without it the button stays busy.
    event.completed();
  }
}

export async function generer(event: Office.AddinCommands.Event): Promise<void> {
  await openPaneOn("generer", event);
}

export async function controler(event: Office.AddinCommands.Event): Promise<void> {
  await openPaneOn("controler", event);
}

export async function calculer(event: Office.AddinCommands.Event): Promise<void> {
  await openPaneOn("calculer", event);
}

// taskpane.html also opens outside Office (direct link, no network): then there is nothing to associate.
if (typeof Office !== "undefined") {
  void Office.onReady(() => {
    Office.actions.associate("generer", generer);
    Office.actions.associate("controler", controler);
    Office.actions.associate("calculer", calculer);
  });
}
