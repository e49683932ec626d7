/**
 * Counts the cells (`<c …>` elements, with or without a namespace prefix) of
 * XML fed chunk by chunk, keeping none of the text: the guard counts a
 * workbook's cells while inflating it, before any parser builds them.
 */
const LT = 0x3c; // <
const COLON = 0x3a;
const C = 0x63;

/** A byte that ends an element name: space, tab, CR, LF, `/` or `>`. */
const endsName = (b: number) => b === 0x20 || b === 0x09 || b === 0x0d || b === 0x0a || b === 0x2f || b === 0x3e;

export class CellCounter {
  count = 0;
  /** Inside an element name after a `<` (names may span chunks). */
  private inName = false;
  private nameLength = 0;
  /** The local name (after a prefix's `:`): its length and first byte. */
  private localLength = 0;
  private localFirst = 0;

  feed(chunk: Uint8Array): void {
    let i = this.inName ? this.readName(chunk, 0) : 0;
    while (i < chunk.length) {
      const lt = chunk.indexOf(LT, i);
      if (lt < 0) return;
      this.inName = true;
      this.nameLength = this.localLength = 0;
      i = this.readName(chunk, lt + 1);
    }
  }

  /** Reads name bytes from `from`; counts the element when its local name is `c`. Returns where it stopped. */
  private readName(chunk: Uint8Array, from: number): number {
    for (let i = from; i < chunk.length; i++) {
      const b = chunk[i]!;
      if (endsName(b) || this.nameLength > 64) {
        if (this.localLength === 1 && this.localFirst === C) this.count++;
        this.inName = false;
        return i;
      }
      this.nameLength++;
      if (b === COLON) this.localLength = 0;
      else if (this.localLength++ === 0) this.localFirst = b;
    }
    return chunk.length;
  }
}
