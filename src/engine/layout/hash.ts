/**
 * Hash of a model's structure (ids, kinds, types, order): tells whether a
 * workbook was made from the same structure. Not a security measure, so a fast
 * non-cryptographic 53-bit hash (cyrb53) that runs the same in Node and browsers.
 */
import type { Schema } from "../../model/schema";

export function cyrb53(text: string, seed = 0): string {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, "0");
}

export function structureHash(schema: Schema): string {
  const shape = {
    id: schema.id,
    periode: schema.periode,
    axes: schema.axes.map((a) => ({
      id: a.id,
      fiches: a.fiches.map((f) => ({
        id: f.id,
        sa: f.sousActions.map((s) => s.id),
        ind: f.indicateurs.map((i) => [i.id, i.type, i.obligatoire]),
      })),
    })),
  };
  return cyrb53(JSON.stringify(shape));
}
