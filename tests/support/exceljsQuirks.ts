/**
 * Work-arounds for exceljs 4.4 behaviours that would spoil the tests' full
 * read of a bilan workbook (readWorkbook.ts; the product reads values with
 * src/hosts/xlsx/valueReader.ts, and exceljs's writing has its own, in
 * streamingWriter.ts and definedNames.ts).
 *
 * 1. Internal links. Excel writes them as `location="'Sheet'!A1"` with no
 *    relationship; exceljs' reader drops such links. The reader is patched
 *    to give them back as `#'Sheet'!A1`, the plan's form.
 * 2. Sheet and cell protection written by LibreOffice (`sheet="true"`,
 *    `locked="false"`: valid xsd:boolean) read as unprotected sheets and
 *    locked cells: exceljs only knows `1`/`0`. The reader is patched to take
 *    `true`/`false` there.
 *
 * The patches are installed once, on first use.
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
}

interface WorksheetXformModel {
  hyperlinks?: HyperlinkModel[];
  relationships?: Relationship[];
}

interface WorksheetXformPrototype {
  reconcile(model: WorksheetXformModel, options: unknown): void;
  __bilanPatched?: true;
}

const READ_REL_PREFIX = "bilanLocation";

export function installExceljsQuirks(): void {
  // The very module exceljs' reader uses (its "main" is lib/, not a bundle).
  const WorksheetXform = require("exceljs/lib/xlsx/xform/sheet/worksheet-xform") as {
    prototype: WorksheetXformPrototype;
  };
  const proto = WorksheetXform.prototype;
  if (proto.__bilanPatched) return;
  const { reconcile } = proto;

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
