/** Contrôler in the open workbook: read, validate, write the Contrôles sheet and mark the refused values. */
import { controlesOf } from "../../engine/layout/controles";
import { validateSnapshot, type ValidateOptions, type ValidationReport } from "../../engine/validate";
import type { Lang } from "../../i18n";
import { parseA1 } from "../../util/a1";
import { markErrors, writeControles } from "./controles";
import { readSnapshot } from "./snapshot";

export async function controlerClasseur(
  context: Excel.RequestContext,
  options: ValidateOptions & { lang?: Lang; source?: string } = {},
): Promise<{ report: ValidationReport; syncs: number }> {
  const { snapshot, syncs } = await readSnapshot(context, options.source ?? "classeur ouvert");
  const report = validateSnapshot(snapshot, options);
  const controles = report.meta && snapshot.sheets.find((s) => s.name === controlesOf(report.meta!));
  if (!report.readable || !controles || !report.meta) return { report, syncs };
  const lastRow = Math.max(0, ...[...controles.cells.keys()].map((a) => parseA1(a).row));
  await writeControles(context, report.findings, report.schema, lastRow, report.meta);
  // The refused values stay visible in their cells, the last run's marks replaced.
  if (report.plan) await markErrors(context, report.findings, report.plan);
  return { report, syncs: syncs + (report.plan ? 3 : 1) };
}
