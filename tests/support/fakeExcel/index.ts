/**
 * An in-memory Excel for tests: `run(batch)` is `Excel.run`, over a workbook
 * state that tests read directly. Every sync is recorded (operations and
 * payload) so tests and the benchmark can hold the add-in to its round trips.
 */
import { FakeWorkbook } from "./api";
import { FakeRequestContext, type FakeHost, type SyncRecord } from "./proxy";
import { FakeWorkbookState } from "./state";
import { parseArea } from "./address";

export { FakeWorkbookState, FakeSheet } from "./state";
export type { SyncRecord } from "./proxy";

/** Excel on the web's request limit. */
export const PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;

export class FakeExcel implements FakeHost {
  readonly syncs: SyncRecord[] = [];
  payloadLimitBytes = PAYLOAD_LIMIT_BYTES;
  /** Milliseconds each sync takes: a browser test slows Excel down to see progress. */
  syncDelayMs = 0;

  constructor(readonly state: FakeWorkbookState = new FakeWorkbookState()) {}

  recordSync(record: SyncRecord): void {
    this.syncs.push(record);
  }

  /** Awaited by each sync (see syncDelayMs). */
  latency(): Promise<void> {
    return this.syncDelayMs ? new Promise((done) => setTimeout(done, this.syncDelayMs)) : Promise.resolve();
  }

  /** `Excel.run(batch)`, or `Excel.run(context, batch)` to go on with an earlier context (event handlers). */
  async run<T>(
    first: ((context: Excel.RequestContext) => Promise<T>) | { context?: unknown },
    second?: (context: Excel.RequestContext) => Promise<T>,
  ): Promise<T> {
    const batch = (second ?? first) as (context: Excel.RequestContext) => Promise<T>;
    const earlier = second ? (((first as { context?: unknown }).context ?? first) as FakeRequestContext) : undefined;
    const ctx = earlier ?? new FakeRequestContext(this, (c) => new FakeWorkbook(c));
    const api = Object.assign(ctx, { application: (ctx.workbook as FakeWorkbook).application });
    return batch(api as unknown as Excel.RequestContext);
  }

  /** The user types `value` into a cell: the workbook changes, then the onChanged handlers run. */
  async type(sheet: string, address: string, value: string | number | null): Promise<void> {
    const s = this.state.mustSheet(sheet);
    const at = parseArea(address);
    const cell = s.cell(at.r1, at.c1);
    cell.value = value === "" ? null : value;
    cell.formula = null;
    for (const handler of [...this.state.changeHandlers])
      await handler({ address, worksheetId: s.id, changeType: "RangeEdited", source: "Local" });
  }

  get largestPayload(): number {
    return Math.max(0, ...this.syncs.map((s) => s.payloadBytes));
  }
}
