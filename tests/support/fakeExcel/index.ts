/**
 * An in-memory Excel for tests: `run(batch)` is `Excel.run`, over a workbook
 * state that tests read directly. Every sync is recorded (operations and
 * payload) so tests and the benchmark can hold the add-in to its round trips.
 */
import { FakeWorkbook } from "./api";
import { FakeRequestContext, type FakeHost, type SyncRecord } from "./proxy";
import { FakeWorkbookState } from "./state";

export { FakeWorkbookState, FakeSheet } from "./state";
export type { SyncRecord } from "./proxy";

/** Excel on the web's request limit. */
export const PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;

export class FakeExcel implements FakeHost {
  readonly syncs: SyncRecord[] = [];
  payloadLimitBytes = PAYLOAD_LIMIT_BYTES;

  constructor(readonly state: FakeWorkbookState = new FakeWorkbookState()) {}

  recordSync(record: SyncRecord): void {
    this.syncs.push(record);
  }

  /** `Excel.run`: a new request context for the batch. */
  async run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    const ctx = new FakeRequestContext(this, (c) => new FakeWorkbook(c));
    const api = Object.assign(ctx, { application: (ctx.workbook as FakeWorkbook).application });
    try {
      return await batch(api as unknown as Excel.RequestContext);
    } finally {
      ctx._close();
    }
  }

  get largestPayload(): number {
    return Math.max(0, ...this.syncs.map((s) => s.payloadBytes));
  }
}
