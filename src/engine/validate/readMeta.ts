/**
 * Reads the metadata sheet back: the plan's metadata and the model it was
 * made from. Then proves them: the layout is run again from that model with
 * the stored options, and must give the very same metadata. A hand-edited
 * map of cells or model shows up here, not as odd values later.
 */
import { parseSchema } from "../../model/parse";
import type { Schema } from "../../model/schema";
import { layoutWorkbook, type LayoutOptions } from "../layout";
import { META_MARKER, META_SHEET, writtenChunks } from "../layout/metaSheet";
import type { PlanMeta, WorkbookPlan } from "../plan";
import { validRegister } from "../register";
import { sheetOf, type Snapshot } from "../snapshot";

export type MetaRead =
  | { ok: true; meta: PlanMeta; schema: Schema; plan: WorkbookPlan }
  | { ok: false; missing: true }
  | { ok: false; missing: false; detail: string };

export function readMeta(snapshot: Snapshot): MetaRead {
  const sheet = sheetOf(snapshot, META_SHEET);
  if (!sheet) return { ok: false, missing: true };
  const altered = (detail: string): MetaRead => ({ ok: false, missing: false, detail });
  const rows: [string, string][] = [];
  for (let row = 1; ; row++) {
    const key = sheet.cells.get(`A${row}`)?.value;
    if (key === undefined) break;
    rows.push([String(key), String(sheet.cells.get(`B${row}`)?.value ?? "")]);
  }
  if (rows[0]?.[0] !== META_MARKER) return altered(`${META_SHEET}!A1`);
  const chunksOf = (key: string) => rows.filter(([k]) => k === key).map(([, v]) => v);
  const metaChunks = chunksOf("meta");
  let meta: PlanMeta;
  let model: unknown;
  try {
    meta = JSON.parse(metaChunks.join("")) as PlanMeta;
    model = JSON.parse(chunksOf("model").join(""));
  } catch {
    return altered("JSON");
  }
  if (meta.sources !== undefined && !validSources(meta.sources)) return altered("sources");
  if (meta.register !== undefined && !validRegister(meta.register)) return altered("register");
  const parsed = parseSchema(model);
  if (!parsed.ok) return altered(`modèle : ${parsed.errors[0]?.path} ${parsed.errors[0]?.message}`);
  const again = layoutWorkbook(parsed.schema, layoutOptionsOf(meta));
  if (!again.ok) return altered(again.error.message);
  if (!sameMeta(metaChunks, meta, again.plan)) return altered("carte des cellules");
  return { ok: true, meta, schema: parsed.schema, plan: again.plan };
}

/**
 * Whether the metadata read (its chunks as stored, and parsed) is the one the layout made again: the same JSON.
 * The layout's metadata sheet holds that JSON already, in chunks: when the stored chunks are the very same texts,
 * the parsed metadata says it again word for word (JSON.stringify undoes JSON.parse), and neither is written out
 * again; otherwise (other chunk sizes, spaces added by hand) the parsed metadata is written out and compared.
 */
function sameMeta(stored: string[], meta: PlanMeta, again: WorkbookPlan): boolean {
  const sheet = again.sheets.find((s) => s.name === META_SHEET);
  const written = sheet ? writtenChunks(sheet, "meta") : [JSON.stringify(again.meta)];
  if (stored.length === written.length && stored.every((c, i) => c === written[i])) return true;
  return JSON.stringify(meta) === written.join("");
}

/** The options a workbook's layout was made with, from its metadata: to make it again. */
export function layoutOptionsOf(meta: PlanMeta): LayoutOptions {
  return {
    campaignYear: meta.campaignYear,
    granularite: meta.granularite as never,
    ...(meta.cut ? { cut: { kind: meta.cut.kind, id: meta.cut.id } } : {}),
    ...(meta.lang ? { lang: meta.lang } : {}),
    generatedAt: new Date(meta.generatedAt),
    // Recorded, not derived: the proof checks they are well placed and that the rest agrees with the model.
    ...(meta.sources ? { sources: meta.sources } : {}),
    ...(meta.register ? { register: meta.register } : {}),
  };
}

/** The sources of a consolidated workbook are recorded, not derived: at least their shape is checked. */
function validSources(sources: unknown): boolean {
  return (
    Array.isArray(sources) &&
    sources.every(
      (s: Record<string, unknown>) =>
        typeof s === "object" && s !== null && ["cut", "who", "hash", "fichier"].every((k) => typeof s[k] === "string"),
    )
  );
}
