/**
 * Synthetic schémas k times the size of Essonne (k × 34 fiches), for
 * benchmarks and scale tests: `scaledEssonne` repeats its axes (more sheets),
 * `denseEssonne` the fiches of each axe (longer sheets).
 */
import essonne from "../../src/model/schemas/essonne-2022-2026.json";
import type { SchemaInput } from "../../src/model/schema";

const base = essonne as unknown as SchemaInput;
type AxeInput = SchemaInput["axes"][number];

/**
 * An axe's fiches in their `copy`-th repetition: numbered after every fiche of the earlier copies, their explicit
 * sous-action ids (`fa_25.sp_1`) moved to the new fiche's.
 */
function copyOfFiches(axe: AxeInput, copy: number) {
  const fichesPerCopy = base.axes.reduce((n, a) => n + (a.fiches?.length ?? 0), 0);
  return (axe.fiches ?? []).map((f) => {
    const numero = String(Number(f.numero) + copy * fichesPerCopy);
    const sousActions = (f.sousActions ?? []).map((s) =>
      s.id ? { ...s, id: s.id.replace(/^fa_\d+\./, `fa_${numero}.`) } : s,
    );
    return { ...f, numero, sousActions };
  });
}

export function scaledEssonne(k: number): SchemaInput {
  const axes = Array.from({ length: k }, (_, copy) =>
    base.axes.map((axe) => ({
      ...axe,
      numero: `${axe.numero}.${copy + 1}`,
      titre: `${axe.titre} (${copy + 1})`,
      fiches: copyOfFiches(axe, copy),
    })),
  ).flat();
  return { ...base, id: `essonne_x${k}`, axes };
}

export function denseEssonne(k: number): SchemaInput {
  const axes = base.axes.map((axe) => ({
    ...axe,
    fiches: Array.from({ length: k }, (_, copy) => copyOfFiches(axe, copy)).flat(),
  }));
  return { ...base, id: `essonne_dense${k}`, axes };
}
