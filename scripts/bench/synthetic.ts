/**
 * Synthetic schémas k times the size of Essonne (k × 34 fiches), for
 * benchmarks and scale tests: `scaledEssonne` repeats its axes (more sheets),
 * `denseEssonne` the fiches of each axe (longer sheets).
 */
import essonne from "../../src/model/schemas/essonne-2022-2026.json";
import type { SchemaInput } from "../../src/model/schema";

export function scaledEssonne(k: number): SchemaInput {
  const base = essonne as unknown as SchemaInput;
  const fichesPerCopy = base.axes.reduce((n, a) => n + (a.fiches?.length ?? 0), 0);
  const axes = [];
  for (let copy = 0; copy < k; copy++) {
    for (const axe of base.axes) {
      axes.push({
        ...axe,
        numero: `${axe.numero}.${copy + 1}`,
        titre: `${axe.titre} (${copy + 1})`,
        fiches: (axe.fiches ?? []).map((f) => ({ ...f, numero: String(Number(f.numero) + copy * fichesPerCopy) })),
      });
    }
  }
  return { ...base, id: `essonne_x${k}`, axes };
}

export function denseEssonne(k: number): SchemaInput {
  const base = essonne as unknown as SchemaInput;
  const fichesPerCopy = base.axes.reduce((n, a) => n + (a.fiches?.length ?? 0), 0);
  const axes = base.axes.map((axe) => ({
    ...axe,
    fiches: Array.from({ length: k }, (_, copy) =>
      (axe.fiches ?? []).map((f) => ({ ...f, numero: String(Number(f.numero) + copy * fichesPerCopy) })),
    ).flat(),
  }));
  return { ...base, id: `essonne_dense${k}`, axes };
}
