/**
 * Work-arounds for exceljs 4.4 behaviours that would spoil a bilan workbook.
 *
 * 1. Internal hyperlinks. For `{ text, hyperlink: "#'Sheet'!A1" }` exceljs
 *    writes both an external relationship to `#'Sheet'!A1` and
 *    `location="#'Sheet'!A1"`: LibreOffice (and Excel) join the two into
 *    `#'Sheet'!A1##'Sheet'!A1`, a link that goes nowhere. Excel's own form is
 *    `location="'Sheet'!A1"` with no relationship: the worksheet writer is
 *    patched to produce that for links starting with `#`, and the reader to
 *    give such links back as `#'Sheet'!A1` (exceljs drops them on reading).
 * 2. Sheet and cell protection written by LibreOffice (`sheet="true"`,
 *    `locked="false"`: valid xsd:boolean) read as unprotected sheets and
 *    locked cells: exceljs only knows `1`/`0`. The reader is patched to take
 *    `true`/`false` there.
 * (Defined names have their own work-around in definedNames.ts.)
 *
 * In the browser bundle this module is replaced by exceljsQuirks.browser.ts:
 * there exceljs is its prebuilt dist, whose internals cannot be patched.
 *
 * The patches only change links whose target starts with `#`, which exceljs
 * writes broken anyway, and the reading of `true`/`false`; they are
 * installed once, on first use.
 */

interface HyperlinkModel {
  address: string;
  target?: string;
  rId?: string;
  tooltip?: string;
}

interface Relationship {
  Id: string;
  Target: string;
  Type?: string;
  TargetMode?: string;
}

interface WorksheetXformModel {
  hyperlinks?: HyperlinkModel[];
  rels?: Relationship[];
  relationships?: Relationship[];
}

interface WorksheetXformPrototype {
  prepare(model: WorksheetXformModel, options: unknown): void;
  reconcile(model: WorksheetXformModel, options: unknown): void;
  __bilanPatched?: true;
}

/** What exceljs writes as `location` rather than as a relationship (its own test, hyperlink-xform.js). */
const LOCATION = /^[^!]+![a-zA-Z]+[\d]+$/;
const READ_REL_PREFIX = "bilanLocation";

export function installExceljsQuirks(): void {
  // The very module exceljs' writer and reader use (its "main" is lib/, not a bundle).

  const WorksheetXform = require("exceljs/lib/xlsx/xform/sheet/worksheet-xform") as {
    prototype: WorksheetXformPrototype;
  };
  const proto = WorksheetXform.prototype;
  if (proto.__bilanPatched) return;
  const { prepare, reconcile } = proto;

  proto.prepare = function (model, options) {
    prepare.call(this, model, options);
    const dropped = new Set<string>();
    for (const link of model.hyperlinks ?? []) {
      const location = link.target?.startsWith("#") ? link.target.slice(1) : undefined;
      if (!location || !LOCATION.test(location) || !link.rId) continue;
      dropped.add(link.rId);
      link.target = location;
      delete link.rId;
    }
    if (dropped.size && model.rels) model.rels = model.rels.filter((r) => !dropped.has(r.Id));
  };

  proto.reconcile = function (model, options) {
    // A link with a location and no relationship: give it a relationship to `#location` so that exceljs keeps it.
    let n = 0;
    for (const link of model.hyperlinks ?? []) {
      if (link.rId || !link.target) continue;
      link.rId = `${READ_REL_PREFIX}${++n}`;
      (model.relationships ??= []).push({ Id: link.rId, Target: `#${link.target}` });
    }
    reconcile.call(this, model, options);
  };

  proto.__bilanPatched = true;

  // LibreOffice writes the booleans of sheet and cell protection as true/false.
  for (const path of ["sheet/sheet-protection-xform", "style/protection-xform"]) {
    const Xform = require(`exceljs/lib/xlsx/xform/${path}`) as { prototype: { parseOpen(node: XmlNode): boolean } };
    const { parseOpen } = Xform.prototype;
    Xform.prototype.parseOpen = function (node) {
      const attributes: Record<string, string> = {};
      for (const [k, v] of Object.entries(node.attributes ?? {}))
        attributes[k] = v === "true" ? "1" : v === "false" ? "0" : v;
      return parseOpen.call(this, { ...node, attributes });
    };
  }
}

interface XmlNode {
  name: string;
  attributes: Record<string, string>;
}
