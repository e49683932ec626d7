/**
 * The request model of Office.js, in memory: proxy objects queue operations
 * (property sets, method calls, loads) on their RequestContext; `sync()` runs
 * them in order against the workbook state, then hands loaded values back.
 *
 * What is faithful: reading a property that was neither loaded nor set throws
 * PropertyNotLoaded; objects returned by methods (getItem, getRange, add…) are
 * instantiated in queue order, so ItemNotFound surfaces at sync; a failing
 * operation rejects the sync and the operations before it stay applied;
 * *OrNullObject methods give `isNullObject` after sync; collection `items` exist
 * only after a load. Each sync is counted with its number of queued operations
 * and the size of their arguments serialised as JSON (the request's payload,
 * approximately: the real one adds object paths and action records).
 */
import { FakeOfficeError, notLoaded } from "./errors";
import type { FakeWorkbookState } from "./state";

export interface SyncRecord {
  /** Queued operations executed by this sync. */
  operations: number;
  /** UTF-8 bytes of the queued operations serialised as JSON. */
  payloadBytes: number;
  /** Sheets whose cells' data this request changed (each raises onChanged). */
  changedSheets: string[];
}

/** What the context needs from the fake Excel that owns it. */
export interface FakeHost {
  readonly state: FakeWorkbookState;
  readonly payloadLimitBytes: number;
  recordSync(record: SyncRecord): void;
  latency(): Promise<void>;
  /** Resolves at once, or when the user leaves cell edit mode; rejects when the run did not ask to wait. */
  cellEditGate(delayForCellEdit: boolean): Promise<void>;
  /** The data changes a synced request made: onChanged events, raised after the sync as Excel does. */
  raiseAddinChanges(changes: FakeWorkbookState["pendingChanges"]): void;
}

interface Op {
  obj: FakeObject;
  kind: "create" | "set" | "call" | "load";
  name: string;
  args: unknown[];
  run: () => void;
}

let objectIds = 0;

export class FakeRequestContext {
  readonly workbook: FakeObject;
  readonly trackedObjects = { add: () => undefined, remove: () => undefined };
  readonly requestHeaders: Record<string, string> = {};
  private queue: Op[] = [];
  private closed = false;
  /** Excel.run({ delayForCellEdit: true }, …): wait for the user to leave cell edit mode instead of failing. */
  delayForCellEdit = false;

  constructor(
    readonly host: FakeHost,
    makeWorkbook: (ctx: FakeRequestContext) => FakeObject,
  ) {
    this.workbook = makeWorkbook(this);
  }

  get debugInfo(): { pendingStatements: string[] } {
    return { pendingStatements: this.queue.map((op) => `${op.obj._type}.${op.name}`) };
  }

  get pendingOperations(): number {
    return this.queue.length;
  }

  _enqueue(op: Op): void {
    if (this.closed)
      throw new FakeOfficeError("InvalidRequestContext", "Cannot use the object across different request contexts.");
    this.queue.push(op);
  }

  load(object: FakeObject, option?: LoadOption): void {
    object.load(option);
  }

  trace(_message: string): void {}

  async sync<T>(passThroughValue?: T): Promise<T> {
    await this.host.latency();
    await this.host.cellEditGate(this.delayForCellEdit);
    const ops = this.queue;
    this.queue = [];
    const payloadBytes = payloadOf(ops);
    const record: SyncRecord = { operations: ops.length, payloadBytes, changedSheets: [] };
    this.host.recordSync(record);
    if (payloadBytes > this.host.payloadLimitBytes)
      throw new FakeOfficeError("RequestPayloadSizeLimitExceeded", "The request payload size has exceeded the limit.");
    const state = this.host.state;
    state.pendingChanges = [];
    try {
      for (const op of ops) {
        try {
          op.run();
        } catch (e) {
          if (e instanceof FakeOfficeError) throw e.withLocation(`${op.obj._type}.${op.name}`);
          throw e;
        }
      }
    } finally {
      // Operations before a failing one stay applied, and Excel reports their changes too.
      const changes = state.pendingChanges;
      state.pendingChanges = [];
      record.changedSheets = [...new Set(changes.map((c) => c.sheet.name))];
      if (changes.length) this.host.raiseAddinChanges(changes);
    }
    return passThroughValue as T;
  }

  _close(): void {
    this.closed = true;
  }
}

/** UTF-8 length of a string, without TextEncoder (absent from jsdom). */
function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdbff ? (i++, 4) : 3;
  }
  return n;
}

/** Arguments of the queued operations as JSON; proxies are sent as references. */
function payloadOf(ops: Op[]): number {
  let bytes = 2;
  for (const op of ops) {
    const json = JSON.stringify([op.obj._id, op.kind, op.name, op.args], (_k, v: unknown) =>
      v instanceof FakeObject ? { ref: v._id } : v,
    );
    bytes += utf8Length(json) + 1;
  }
  return bytes;
}

export type LoadOption =
  string | string[] | { select?: string | string[]; expand?: string | string[] } | Record<string, unknown> | undefined;

/** Load paths (`name`, `format/font/bold`, `items/name`), or null for "every scalar property". */
export function loadPaths(option: LoadOption): string[] | null {
  if (option === undefined || option === null) return null;
  const split = (s: string | string[]) =>
    (Array.isArray(s) ? s : s.split(","))
      .map((x) => x.trim())
      .filter(Boolean)
      .map((x) => x.replace(/\./g, "/"));
  if (typeof option === "string" || Array.isArray(option)) return split(option);
  if ("select" in option || "expand" in option) {
    const o = option as { select?: string | string[]; expand?: string | string[] };
    return [...(o.select ? split(o.select) : []), ...(o.expand ? split(o.expand) : [])];
  }
  const out: string[] = [];
  const walk = (o: Record<string, unknown>, prefix: string) => {
    for (const [k, v] of Object.entries(o)) {
      if (k.startsWith("$")) continue;
      if (v === true) out.push(prefix + k);
      else if (v && typeof v === "object") walk(v as Record<string, unknown>, `${prefix}${k}/`);
    }
  };
  walk(option as Record<string, unknown>, "");
  return out;
}

export interface PropSpec<S> {
  /** Reads the property from the workbook, at sync. */
  read?: (self: S) => unknown;
  /** Applies a set, at sync. */
  write?: (self: S, value: unknown) => void;
  /** A navigation property: the child object (loading it loads its scalars). */
  nav?: (self: S) => FakeObject;
}

/** Base of every proxy. */
export abstract class FakeObject {
  readonly _id = ++objectIds;
  abstract readonly _type: string;
  _target: unknown = undefined;
  _status: "pending" | "resolved" | "null" = "pending";
  readonly _values: Record<string, unknown> = {};
  private readonly _navs = new Map<string, FakeObject>();

  constructor(
    readonly context: FakeRequestContext,
    private readonly _resolver: (() => unknown) | null = null,
  ) {}

  get _state(): FakeWorkbookState {
    return this.context.host.state;
  }

  /** The object in the workbook, at sync. */
  _t<T = unknown>(): T {
    if (this._status === "resolved") return this._target as T;
    if (this._status === "null")
      throw new FakeOfficeError("ItemNotFound", `The requested resource doesn't exist (null ${this._type}).`);
    if (!this._resolver) throw new FakeOfficeError("InvalidObjectPath", `${this._type} used before it was created.`);
    this._target = this._resolver();
    this._status = "resolved";
    this._values.isNullObject = false;
    return this._target as T;
  }

  /** A child reached by a navigation property: the same proxy every time, resolved lazily. */
  _nav<C extends FakeObject>(name: string, make: () => C): C {
    let child = this._navs.get(name) as C | undefined;
    if (!child) this._navs.set(name, (child = make()));
    return child;
  }

  /** Queue a method that returns an object: instantiated in queue order. */
  _create<C extends FakeObject>(child: C, name: string, args: unknown[], compute: () => unknown, nullable = false): C {
    this.context._enqueue({
      obj: this,
      kind: "create",
      name,
      args,
      run: () => {
        const t = compute();
        if (t === null || t === undefined) {
          if (!nullable) throw new FakeOfficeError("ItemNotFound", `The requested resource doesn't exist (${name}).`);
          child._status = "null";
          child._values.isNullObject = true;
          return;
        }
        child._target = t;
        child._status = "resolved";
        child._values.isNullObject = false;
      },
    });
    return child;
  }

  /** Queue a void method. */
  _call(name: string, args: unknown[], run: () => void): void {
    this.context._enqueue({ obj: this, kind: "call", name, args, run });
  }

  /** Queue a method with a primitive result (ClientResult). */
  _result<T>(name: string, args: unknown[], compute: () => T): FakeClientResult<T> {
    const result = new FakeClientResult<T>();
    this.context._enqueue({ obj: this, kind: "call", name, args, run: () => result._set(compute()) });
    return result;
  }

  get isNullObject(): boolean {
    if ("isNullObject" in this._values) return this._values.isNullObject as boolean;
    throw notLoaded("isNullObject", this._type);
  }

  load(option?: LoadOption): this {
    const paths = loadPaths(option);
    this.context._enqueue({ obj: this, kind: "load", name: "load", args: [paths], run: () => this._load(paths) });
    return this;
  }

  _specs(): Record<string, PropSpec<never>> {
    return (this.constructor as unknown as { specs?: Record<string, PropSpec<never>> }).specs ?? {};
  }

  _load(paths: string[] | null): void {
    if (this._status === "null") return;
    this._t();
    const specs = this._specs();
    const list = paths ?? Object.keys(specs).filter((k) => specs[k]!.read);
    const nested = new Map<string, string[]>();
    for (const path of list) {
      const [head, ...rest] = path.split("/");
      const spec = specs[head!];
      if (!spec) throw new FakeOfficeError("InvalidArgument", `fake Excel: ${this._type} has no property '${head}'.`);
      if (rest.length || spec.nav) {
        if (!spec.nav)
          throw new FakeOfficeError("InvalidArgument", `fake Excel: ${this._type}.${head} is not an object.`);
        const list2 = nested.get(head!) ?? [];
        if (rest.length) list2.push(rest.join("/"));
        nested.set(head!, list2);
      } else this._values[head!] = clone(spec.read!(this as never));
    }
    for (const [head, sub] of nested) specs[head]!.nav!(this as never)._load(sub.length ? sub : null);
  }
}

function clone<T>(v: T): T {
  return v === null || typeof v !== "object" ? v : (JSON.parse(JSON.stringify(v)) as T);
}

/** Install getters and setters for the specs of a proxy class. */
export function defineProps<S extends FakeObject>(
  cls: { prototype: S; specs?: Record<string, PropSpec<S>> },
  specs: Record<string, PropSpec<S>>,
): void {
  cls.specs = specs;
  for (const [name, spec] of Object.entries(specs)) {
    if (spec.nav) {
      // A class getter already reaches the child: the spec only makes it loadable.
      if (Object.getOwnPropertyDescriptor(cls.prototype, name)) continue;
      Object.defineProperty(cls.prototype, name, {
        get(this: S) {
          return spec.nav!(this);
        },
      });
      continue;
    }
    Object.defineProperty(cls.prototype, name, {
      get(this: S) {
        if (name in this._values) return this._values[name];
        if (this._status === "null") return undefined;
        throw notLoaded(name, this._type);
      },
      set(this: S, value: unknown) {
        if (!spec.write)
          throw new FakeOfficeError("InvalidArgument", `fake Excel: ${this._type}.${name} is read-only.`);
        this._values[name] = value;
        this.context._enqueue({ obj: this, kind: "set", name, args: [value], run: () => spec.write!(this, value) });
      },
    });
  }
}

/** Items of a collection exist after a load of the collection. */
export abstract class FakeCollection<I extends FakeObject> extends FakeObject {
  abstract _items(): unknown[];
  abstract _wrap(target: unknown): I;

  get items(): I[] {
    if ("items" in this._values) return this._values.items as I[];
    throw notLoaded("items", this._type);
  }

  override _load(paths: string[] | null): void {
    if (this._status === "null") return;
    this._t();
    const itemPaths = paths?.map((p) => p.replace(/^items\//, "")).filter((p) => p !== "items") ?? null;
    const items = this._items().map((t) => {
      const proxy = this._wrap(t);
      proxy._target = t;
      proxy._status = "resolved";
      proxy._values.isNullObject = false;
      proxy._load(itemPaths && itemPaths.length ? itemPaths : null);
      return proxy;
    });
    this._values.items = items;
  }

  getCount(): FakeClientResult<number> {
    return this._result("getCount", [], () => this._items().length);
  }
}

export class FakeClientResult<T> {
  private has = false;
  private v: T | undefined;

  get value(): T {
    if (!this.has)
      throw new FakeOfficeError(
        "ValueNotLoaded",
        'The value of the result object has not been loaded yet. Before reading the value property, call "context.sync()" on the associated request context.',
      );
    return this.v as T;
  }

  _set(v: T): void {
    this.v = v;
    this.has = true;
  }
}
