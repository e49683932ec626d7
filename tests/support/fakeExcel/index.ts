/**
 * An in-memory Excel for tests: `run(batch)` is `Excel.run`, over a workbook
 * state that tests read directly. Every sync is recorded (operations and
 * payload) so tests and the benchmark can hold the add-in to its round trips.
 * Events are raised as Excel raises them: for the user's typing and for the
 * add-in's own writes (see PARITY.md beside this file).
 */
import { FakeWorkbook } from "./api";
import { FakeOfficeError } from "./errors";
import { FakeRequestContext, type FakeHost, type SyncRecord } from "./proxy";
import { FakeWorkbookState, type WorksheetChangedEvent } from "./state";
import { formatRect, parseArea } from "./address";

export { FakeWorkbookState, FakeSheet } from "./state";
export type { WorksheetChangedEvent } from "./state";
export type { SyncRecord } from "./proxy";

/** Excel on the web's request limit. */
export const PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;

type RunOptions = { delayForCellEdit?: boolean; mergeUndoGroup?: boolean };
type Batch<T> = (context: Excel.RequestContext) => Promise<T>;

export class FakeExcel implements FakeHost {
  readonly syncs: SyncRecord[] = [];
  payloadLimitBytes = PAYLOAD_LIMIT_BYTES;
  /** Milliseconds each sync takes: a browser test slows Excel down to see progress. */
  syncDelayMs = 0;
  /**
   * ExcelApi 1.14 and later give `triggerSource` in WorksheetChangedEventArgs; false models an older
   * build, whose events do not say whether the add-in made the change.
   */
  triggerSource = true;
  /** Every onChanged event raised, in order (handlers or not). */
  readonly events: WorksheetChangedEvent[] = [];
  /** Every Excel.run, with its options. */
  readonly runs: RunOptions[] = [];
  private editing: { done: Promise<void>; end: () => void } | undefined;
  private dispatching = new Set<Promise<void>>();

  constructor(readonly state: FakeWorkbookState = new FakeWorkbookState()) {}

  recordSync(record: SyncRecord): void {
    this.syncs.push(record);
  }

  /** Awaited by each sync (see syncDelayMs). */
  latency(): Promise<void> {
    return this.syncDelayMs ? new Promise((done) => setTimeout(done, this.syncDelayMs)) : Promise.resolve();
  }

  /** `Excel.run(batch)`, `Excel.run(options, batch)`, or `Excel.run(context, batch)` to go on with an earlier context. */
  async run<T>(first: Batch<T> | RunOptions | { context?: unknown }, second?: Batch<T>): Promise<T> {
    const batch = (second ?? first) as Batch<T>;
    const options = second && isRunOptions(first) ? first : {};
    const earlier =
      second && !isRunOptions(first)
        ? (((first as { context?: unknown }).context ?? first) as FakeRequestContext)
        : undefined;
    this.runs.push(options);
    const ctx = earlier ?? new FakeRequestContext(this, (c) => new FakeWorkbook(c));
    if (!earlier) ctx.delayForCellEdit = options.delayForCellEdit === true;
    const api = Object.assign(ctx, { application: (ctx.workbook as FakeWorkbook).application });
    return batch(api as unknown as Excel.RequestContext);
  }

  /** The user double-clicks a cell: Excel is in cell edit mode until `endCellEdit()`. */
  startCellEdit(): void {
    if (this.editing) return;
    let end!: () => void;
    const done = new Promise<void>((resolve) => (end = resolve));
    this.editing = { done, end };
  }

  endCellEdit(): void {
    const editing = this.editing;
    this.editing = undefined;
    editing?.end();
  }

  /** RunOptions.delayForCellEdit: a batch waits for the end of cell editing, or fails at once without it. */
  cellEditGate(delayForCellEdit: boolean): Promise<void> {
    if (!this.editing) return Promise.resolve();
    if (delayForCellEdit) return this.editing.done;
    return Promise.reject(
      new FakeOfficeError(
        "InvalidOperationInCellEditMode",
        "Excel is in cell-editing mode. Please exit the edit mode.",
      ),
    );
  }

  raiseAddinChanges(changes: FakeWorkbookState["pendingChanges"]): void {
    for (const { sheet, rect } of changes)
      this.raise({
        type: "WorksheetChanged",
        worksheetId: sheet.id,
        address: formatRect(rect),
        changeType: "RangeEdited",
        source: "Local",
        triggerSource: "ThisLocalAddin",
      });
  }

  /** Handlers run after the change, asynchronously, as Excel's notifications do. */
  private raise(event: WorksheetChangedEvent): void {
    if (!this.triggerSource) delete event.triggerSource;
    this.events.push(event);
    const handlers = [...this.state.changeHandlers];
    if (!handlers.length) return;
    const dispatch = new Promise<void>((resolve) => setTimeout(resolve, 0))
      .then(() => Promise.all(handlers.map((h) => Promise.resolve(h(event)).catch(() => undefined))))
      .then(() => undefined);
    this.dispatching.add(dispatch);
    void dispatch.finally(() => this.dispatching.delete(dispatch));
  }

  /** Waits until every event raised so far has been handed to its handlers (and they have returned). */
  async eventsDelivered(): Promise<void> {
    while (this.dispatching.size) await Promise.all([...this.dispatching]);
  }

  /**
   * The user types `value` into a cell (or pastes it over a range): the workbook changes, Excel's own
   * refusal of locked cells applies, then the onChanged handlers run.
   */
  async type(sheet: string, address: string, value: string | number | null): Promise<void> {
    const s = this.state.mustSheet(sheet);
    const at = parseArea(address);
    for (let r = at.r1; r <= at.r2; r++)
      for (let c = at.c1; c <= at.c2; c++) {
        if (s.protection.protected && (s.peek(r, c)?.format.locked ?? true))
          throw new Error(`fake Excel: ${sheet}!${address} is locked; Excel would refuse the typing`);
        const cell = s.cell(r, c);
        cell.value = value === "" ? null : value;
        cell.formula = null;
      }
    this.raise({
      type: "WorksheetChanged",
      worksheetId: s.id,
      address: formatRect(at),
      changeType: "RangeEdited",
      source: "Local",
      triggerSource: "Unknown",
    });
    await this.eventsDelivered();
  }

  get largestPayload(): number {
    return Math.max(0, ...this.syncs.map((s) => s.payloadBytes));
  }
}

/** Excel.RunOptions, as opposed to an object whose context a run goes on with. */
function isRunOptions(x: unknown): x is RunOptions {
  return (
    typeof x === "object" &&
    x !== null &&
    !(x instanceof FakeRequestContext) &&
    !("context" in x) &&
    ("delayForCellEdit" in x || "mergeUndoGroup" in x)
  );
}
