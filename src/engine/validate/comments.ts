/**
 * Notes and threaded comments partners left in a workbook: often their
 * answer, or why a value is missing. Each one is placed (the binding of its
 * cell, found where its row id says the cell is now, or the row's node) and
 * listed as an *info* finding with its cell, author and text, so that
 * nobody has to hover over every cell; carry-over, upgrade and rollup copies
 * move them by binding (transfer.ts).
 */
import { t, type Lang } from "../../i18n";
import { parseA1 } from "../../util/a1";
import { bindingsByKey, type CellBinding, type PlanMeta } from "../plan";
import type { SnapComment, Snapshot } from "../snapshot";
import { finding, RULES, type Finding, type FindingPlace } from "./findings";
import type { NodeInfo } from "../../model/nodes";
import type { Location } from "./locate";

export interface PlacedComment {
  sheet: string;
  /** Where it is in the file read. */
  address: string;
  comment: SnapComment;
  /** The binding of its cell, when the metadata maps that cell. */
  binding?: CellBinding;
  /** Otherwise, the node whose id column A holds on its row, if any. */
  node?: string;
}

export function placeComments(snapshot: Snapshot, meta: PlanMeta, location: Location): PlacedComment[] {
  // The map of bound cells is made for the first comment only: most workbooks come back without any.
  let bound: Map<string, CellBinding> | undefined;
  const boundAt = (sheet: string, address: string) => {
    if (!bound) {
      bound = new Map();
      const bindingOf = bindingsByKey(meta.bindings);
      for (const [key, at] of location.cells) bound.set(`${at.sheet.name}\u0000${at.address}`, bindingOf(key)!);
    }
    return bound.get(`${sheet}\u0000${address}`);
  };
  const out: PlacedComment[] = [];
  for (const sheet of snapshot.sheets)
    for (const [address, comment] of sheet.comments ?? []) {
      const binding = boundAt(sheet.name, address);
      const rowId = sheet.cells.get(`A${parseA1(address).row}`)?.value;
      out.push({
        sheet: sheet.name,
        address,
        comment,
        ...(binding ? { binding } : typeof rowId === "string" ? { node: rowId.split("#")[0]! } : {}),
      });
    }
  return out;
}

/** One *info* finding per comment: on an input cell with what the cell is for, elsewhere with its cell only. */
export function commentFindings(placed: PlacedComment[], nodes: Map<string, NodeInfo>): Finding[] {
  return placed.map((p) => {
    const node = p.binding?.node ?? p.node;
    const info = node !== undefined ? nodes.get(node) : undefined;
    const place: FindingPlace = {
      sheet: p.sheet,
      cell: p.address,
      ...(info ? { axe: info.axe.id } : {}),
      ...(info?.fiche ? { fiche: info.fiche.id } : {}),
      ...(info && node !== undefined ? { node } : {}),
      value: p.comment.text,
    };
    const rule = p.binding?.input ? "saisie.commentaire" : "saisie.commentaire-hors-saisie";
    const params = (lang: Lang) => ({
      what: commentWhat(p.comment, lang),
      text: oneLine(withoutAuthorLine(p.comment)),
      replies: commentReplies(p.comment, lang),
      cell: p.address,
      label: info?.label ?? node ?? p.sheet,
    });
    // Author and replies are worded in each language: the English message is made from its own pieces.
    return { ...finding(rule, place, params("fr")), messageEn: t("en", RULES[rule][0], params("en")) };
  });
}

/** « Commentaire de Marie Dupont », « Note ». */
export function commentWhat(c: SnapComment, lang: Lang): string {
  if (c.kind === "fil")
    return c.author ? t(lang, "validate.comment.threadBy", { author: c.author }) : t(lang, "validate.comment.thread");
  return c.author ? t(lang, "validate.comment.noteBy", { author: c.author }) : t(lang, "validate.comment.note");
}

/** The replies of a thread, each with its author, after its text; empty for a note. */
export function commentReplies(c: SnapComment, lang: Lang): string {
  return (c.replies ?? [])
    .map((r) =>
      r.author
        ? t(lang, "validate.comment.replyBy", { author: r.author, text: oneLine(r.text) })
        : t(lang, "validate.comment.reply", { text: oneLine(r.text) }),
    )
    .join("");
}

/** A message stays on one line (reports are tables): line breaks become spaces. The finding's value keeps them. */
const oneLine = (text: string) => text.replace(/\s*[\r\n]+\s*/g, " ").trim();

/** Excel starts a note with « Author: » on its own line: the message already says whose it is. */
function withoutAuthorLine(c: SnapComment): string {
  const head = c.author ? `${c.author}:` : undefined;
  return head && c.text.startsWith(head) ? c.text.slice(head.length) : c.text;
}
