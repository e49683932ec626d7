/**
 * Functions run by the ribbon buttons "Générer", "Contrôler" and "Calculer" (ExecuteFunction
 * in manifest.xml). The add-in uses a shared runtime: this file is bundled as the `commands`
 * entry and loaded by taskpane.html, the page of the runtime, next to the pane itself.
 *
 * Générer needs choices: it opens the pane on its view. Contrôler and Calculer work without
 * the pane: they act on the open workbook and show their result in it (the Contrôles sheet,
 * the Sommaire); when the workbook is no bilan or something fails, they open the pane on
 * their view, where the user gets the explanation.
 */
import { controlesOf } from "../engine/layout/controles";
import { sommaireName } from "../engine/layout/sommaire";
import { LANGS } from "../model/vocabulaire";
import { controlerClasseur } from "../hosts/office/controler";
import { requestVue, type Vue } from "../shared/vue";
import { RECALCULER } from "../hosts/office/dashboard";

/** A command may be run while the user is typing in a cell: Excel then waits for the edit to end. */
const RUN: Excel.RunOptions = { delayForCellEdit: true };

async function openPaneOn(vue: Vue): Promise<void> {
  try {
    requestVue(vue);
    await Office.addin.showAsTaskpane();
  } catch (error) {
    console.error(`Bilan Schéma : impossible d'ouvrir le volet (${vue})`, error);
  }
}

/** Shows a sheet of the bilan; false when the workbook has none of that name. */
/** Activates the first of these sheets the workbook has (a sheet's name in each language it may be in). */
async function show(...names: string[]): Promise<boolean> {
  return Excel.run(RUN, async (ctx) => {
    const found = names.map((n) => ctx.workbook.worksheets.getItemOrNullObject(n).load("name"));
    await ctx.sync();
    const ws = found.find((w) => !w.isNullObject);
    if (!ws) return false;
    ws.activate();
    await ctx.sync();
    return true;
  });
}

async function run(vue: Vue, event: Office.AddinCommands.Event, work: () => Promise<boolean>): Promise<void> {
  try {
    if (!(await work())) await openPaneOn(vue);
  } catch (error) {
    console.error(`Bilan Schéma : échec de « ${vue} »`, error);
    await openPaneOn(vue);
  } finally {
    // Office waits for this call: without it the button stays busy.
    event.completed();
  }
}

export async function generer(event: Office.AddinCommands.Event): Promise<void> {
  await run("generer", event, async () => false);
}

export async function controler(event: Office.AddinCommands.Event): Promise<void> {
  await run("controler", event, async () => {
    const { report } = await Excel.run(RUN, (ctx) => controlerClasseur(ctx));
    return report.readable && report.meta !== undefined && (await show(controlesOf(report.meta)));
  });
}

/** Recalculates every formula (the rollups are live formulas) and shows the Sommaire. */
export async function calculer(event: Office.AddinCommands.Event): Promise<void> {
  await run("calculer", event, async () => {
    await Excel.run(RUN, async (ctx) => {
      ctx.workbook.application.calculate(RECALCULER);
      await ctx.sync();
    });
    return show(...LANGS.map(sommaireName));
  });
}

// taskpane.html also opens outside Office (direct link, no network): then there is nothing to associate.
if (typeof Office !== "undefined") {
  void Office.onReady(() => {
    Office.actions.associate("generer", generer);
    Office.actions.associate("controler", controler);
    Office.actions.associate("calculer", calculer);
  });
}
