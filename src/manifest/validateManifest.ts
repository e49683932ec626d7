/**
 * Offline checks of the add-in-only XML manifest (the stock validator needs an online
 * service). The checks are the ones that matter for this add-in: well-formedness, the
 * schema's element order, identifiers and versions, https URLs, ribbon resources and
 * their translations, icon files and sizes, control ids and command function names, and
 * the coherence of a shared runtime (one page for the pane and the ribbon functions).
 *
 * The only input/output is reading the icon files, through `opts.readFile` (defaults to
 * the file system), so the function can be used from a script, a test or the CLI.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { imageSize } from "image-size";
import { both, type KeysUnder } from "../i18n";

/** What went wrong, as the key of its message under `manifest.` in the catalogues of src/i18n. */
export type ManifestCode = KeysUnder<"manifest.">;

export interface ManifestIssue {
  code: ManifestCode;
  /** XPath-like location, e.g. /OfficeApp/VersionOverrides/.../Control[@id='BtnGenerer']/Icon/bt:Image[@size='16'] */
  path: string;
  message: string;
  messageEn: string;
  /** 1-based position of the element (or of the syntax error) in the manifest, when known. */
  line?: number;
  column?: number;
}

export interface ManifestReport {
  errors: ManifestIssue[];
  warnings: ManifestIssue[];
}

export interface ValidateManifestOptions {
  /** Folder holding the icons that the development server serves. */
  assetsDir: string;
  /** Origin of the development server, e.g. https://localhost:3000: images under it are looked up in assetsDir. */
  devServerOrigin: string;
  /** URL path under which assetsDir is served (default "/assets/"). */
  assetsUrlPath?: string;
  /** Function names that the commands file associates; when given, ExecuteFunction names are checked against it. */
  functionNames?: readonly string[];
  /** Locales every user-visible string must be translated into (default ["en-US"]). */
  overrideLocales?: readonly string[];
  /** Reads a file, or returns undefined when it does not exist (default: the file system). */
  readFile?: (file: string) => Uint8Array | undefined;
}

// ---------------------------------------------------------------------------
// Constants from the manifest schemas

const NS_OFFICEAPP = "http://schemas.microsoft.com/office/appforoffice/1.1";
const NS_VERSION_OVERRIDES = "http://schemas.microsoft.com/office/taskpaneappversionoverrides";

/** Children of a TaskPaneApp <OfficeApp>, in the order the schema requires. */
const BASE_ORDER = [
  "Id",
  "AlternateId",
  "Version",
  "ProviderName",
  "DefaultLocale",
  "DisplayName",
  "Description",
  "IconUrl",
  "HighResolutionIconUrl",
  "SupportUrl",
  "AppDomains",
  "Hosts",
  "Requirements",
  "DefaultSettings",
  "Permissions",
  "AllowSnapshot",
  "Dependencies",
  "VersionOverrides",
  "ExtendedOverrides",
] as const;

const BASE_REQUIRED: readonly string[] = [
  "Id",
  "Version",
  "ProviderName",
  "DefaultLocale",
  "DisplayName",
  "Description",
  "IconUrl",
  "HighResolutionIconUrl",
  "Hosts",
  "DefaultSettings",
  "Permissions",
  "VersionOverrides",
];

const VO_ORDER = ["Description", "Requirements", "Hosts", "Resources", "EquivalentAddins", "VersionOverrides"] as const;

/** Children of a <Host> in VersionOverrides 1.0 (task pane): the base type's Runtimes, AllFormFactors, then the form factor. */
const HOST_ORDER = ["Runtimes", "AllFormFactors", "DesktopFormFactor"] as const;

const SHARED_RUNTIME_SET = "SharedRuntime";

const PERMISSIONS = ["Restricted", "ReadDocument", "ReadAllDocument", "WriteDocument", "ReadWriteDocument"];

const SHORT_MAX = 125;
const LONG_MAX = 250;
const RESOURCE_ID_MAX = 32;
const BUTTON_ICON_SIZES = [16, 32, 80];

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const VERSION = /^\d{1,5}\.\d{1,5}\.\d{1,5}\.\d{1,5}$/;
const LOCALE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
const SET_VERSION = /^\d+\.\d+$/;
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

type ResourceKind = "image" | "url" | "short" | "long";

const RESOURCE_GROUPS: Record<string, ResourceKind> = {
  Images: "image",
  Urls: "url",
  ShortStrings: "short",
  LongStrings: "long",
};

const KIND_LABEL: Record<ResourceKind, string> = {
  image: "bt:Image",
  url: "bt:Url",
  short: "bt:ShortString",
  long: "bt:LongString",
};

/** Which kind of resource an element's resid must name, by the element's local name. */
const RESID_KIND: Record<string, ResourceKind> = {
  Image: "image",
  SourceLocation: "url",
  FunctionFile: "url",
  LearnMoreUrl: "url",
  Runtime: "url",
  Label: "short",
  Title: "short",
  Description: "long",
};

// ---------------------------------------------------------------------------
// A small element tree with XPath-like paths

interface XNode {
  name: string;
  local: string;
  attrs: Record<string, string>;
  children: XNode[];
  text: string;
  path: string;
  start: number | undefined;
  parent: XNode | undefined;
}

const PREDICATE_ATTRS = ["id", "Name", "size", "Locale", "xsi:type"];
/** Elements that are always alone in their place: their path step needs no predicate. */
const NO_PREDICATE = new Set(["OfficeApp", "VersionOverrides"]);

function localName(name: string): string {
  const i = name.indexOf(":");
  return i < 0 ? name : name.slice(i + 1);
}

function predicate(tag: string, attrs: Record<string, string>): string {
  if (NO_PREDICATE.has(tag)) return "";
  for (const a of PREDICATE_ATTRS) {
    if (attrs[a] !== undefined) return `[@${a}='${attrs[a]}']`;
  }
  return "";
}

type RawItem = Record<string, unknown>;

function tagOf(item: RawItem): string | undefined {
  return Object.keys(item).find((k) => k !== ":@");
}

function buildTree(items: RawItem[], parent: XNode | undefined, metaKey: symbol | string): XNode[] {
  const elements = items.filter((item) => {
    const tag = tagOf(item);
    return tag !== undefined && !tag.startsWith("?") && !tag.startsWith("#");
  });
  const steps = elements.map((item) => {
    const tag = tagOf(item)!;
    const attrs = (item[":@"] as Record<string, string> | undefined) ?? {};
    return `${tag}${predicate(tag, attrs)}`;
  });
  const totals = new Map<string, number>();
  for (const s of steps) totals.set(s, (totals.get(s) ?? 0) + 1);
  const seen = new Map<string, number>();

  return elements.map((item, i) => {
    const tag = tagOf(item)!;
    const step = steps[i]!;
    const n = (seen.get(step) ?? 0) + 1;
    seen.set(step, n);
    const position = (totals.get(step) ?? 0) > 1 ? `[${n}]` : "";
    const rawChildren = (item[tag] as RawItem[] | undefined) ?? [];
    const meta = (item as Record<symbol | string, unknown>)[metaKey] as { startIndex?: number } | undefined;
    const node: XNode = {
      name: tag,
      local: localName(tag),
      attrs: {},
      children: [],
      text: rawChildren
        .map((c) => (c["#text"] !== undefined ? String(c["#text"]) : ""))
        .join("")
        .trim(),
      path: `${parent?.path ?? ""}/${step}${position}`,
      start: meta?.startIndex,
      parent,
    };
    const attrs = (item[":@"] as Record<string, unknown> | undefined) ?? {};
    for (const [k, v] of Object.entries(attrs)) node.attrs[k] = String(v);
    node.children = buildTree(rawChildren, node, metaKey);
    return node;
  });
}

function child(node: XNode | undefined, local: string): XNode | undefined {
  return node?.children.find((c) => c.local === local);
}

function childrenNamed(node: XNode | undefined, local: string): XNode[] {
  return node?.children.filter((c) => c.local === local) ?? [];
}

function* descendants(node: XNode): Generator<XNode> {
  for (const c of node.children) {
    yield c;
    yield* descendants(c);
  }
}

// ---------------------------------------------------------------------------
// The report being built

class Reporter {
  readonly errors: ManifestIssue[] = [];
  readonly warnings: ManifestIssue[] = [];
  private readonly lineStarts: number[] = [0];

  constructor(text: string) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.lineStarts.push(i + 1);
  }

  error(code: ManifestCode, where: XNode | string, params: Record<string, string | number> = {}): void {
    this.errors.push(this.issue(code, where, params));
  }

  warn(code: ManifestCode, where: XNode | string, params: Record<string, string | number> = {}): void {
    this.warnings.push(this.issue(code, where, params));
  }

  issueAt(code: ManifestCode, pathText: string, params: Record<string, string | number>, line: number, column: number) {
    return { ...this.issue(code, pathText, params), line, column };
  }

  private issue(code: ManifestCode, where: XNode | string, params: Record<string, string | number>): ManifestIssue {
    const issue: ManifestIssue = {
      code,
      path: typeof where === "string" ? where : where.path,
      ...both(`manifest.${code}`, params),
    };
    if (typeof where !== "string" && where.start !== undefined) {
      const { line, column } = this.position(where.start);
      issue.line = line;
      issue.column = column;
    }
    return issue;
  }

  private position(index: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid]! <= index) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: index - this.lineStarts[lo]! + 1 };
  }
}

// ---------------------------------------------------------------------------
// The validator

interface Resource {
  id: string;
  kind: ResourceKind;
  node: XNode;
  value: string | undefined;
}

interface ImageFileInfo {
  file: string;
  ok: boolean;
  width?: number;
  height?: number;
}

function defaultReadFile(file: string): Uint8Array | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/** Names associated with `Office.actions.associate("name", ...)` in a commands source file. */
export function extractAssociatedFunctions(source: string): string[] {
  const names = new Set<string>();
  for (const m of source.matchAll(/Office\.actions\.associate\(\s*(["'`])([^"'`]+)\1/g)) names.add(m[2]!);
  return [...names];
}

export function validateManifest(xmlText: string, opts: ValidateManifestOptions): ManifestReport {
  return new Validator(xmlText, opts).run();
}

class Validator {
  private readonly r: Reporter;
  private readonly resources = new Map<string, Resource>();
  private readonly usedResources = new Set<string>();
  private readonly imageFiles = new Map<string, ImageFileInfo | undefined>();
  private readonly readFile: (file: string) => Uint8Array | undefined;
  private readonly locales: readonly string[];
  private readonly origin: string | undefined;

  constructor(
    private readonly xmlText: string,
    private readonly opts: ValidateManifestOptions,
  ) {
    this.r = new Reporter(xmlText);
    this.readFile = opts.readFile ?? defaultReadFile;
    this.locales = opts.overrideLocales ?? ["en-US"];
    try {
      this.origin = new URL(opts.devServerOrigin).origin;
    } catch {
      this.origin = undefined;
    }
  }

  run(): ManifestReport {
    const root = this.parse();
    if (root) {
      this.checkNamespaces(root);
      this.checkBase(root);
      const vo = child(root, "VersionOverrides");
      if (vo) this.checkVersionOverrides(vo);
    }
    return { errors: this.r.errors, warnings: this.r.warnings };
  }

  // ---- parsing ----

  private parse(): XNode | undefined {
    const wellFormed = XMLValidator.validate(this.xmlText);
    if (wellFormed !== true) {
      const { line, col, msg } = wellFormed.err;
      this.r.errors.push(this.r.issueAt("xml.malformed", "/", { line, column: col, detail: msg }, line, col));
      return undefined;
    }
    let raw: RawItem[];
    try {
      const parser = new XMLParser({
        preserveOrder: true,
        ignoreAttributes: false,
        attributeNamePrefix: "",
        parseTagValue: false,
        parseAttributeValue: false,
        trimValues: true,
        captureMetaData: true,
      });
      raw = parser.parse(this.xmlText) as RawItem[];
    } catch (e) {
      this.r.errors.push(this.r.issueAt("xml.malformed", "/", { line: 1, column: 1, detail: String(e) }, 1, 1));
      return undefined;
    }
    const metaKey = XMLParser.getMetaDataSymbol() as unknown as symbol;
    const roots = buildTree(raw, undefined, metaKey);
    const root = roots[0];
    if (!root) {
      this.r.error("root.element", "/", { name: "" });
      return undefined;
    }
    if (root.name !== "OfficeApp") {
      this.r.error("root.element", root, { name: root.name });
      return undefined;
    }
    if (root.attrs["xmlns"] !== NS_OFFICEAPP) {
      this.r.error("root.namespace", root, { value: root.attrs["xmlns"] ?? "", expected: NS_OFFICEAPP });
    }
    if (root.attrs["xsi:type"] !== "TaskPaneApp") {
      this.r.error("root.type", root, { value: root.attrs["xsi:type"] ?? "" });
    }
    return root;
  }

  /** Every prefix used on an element or attribute must be declared on it or an ancestor. */
  private checkNamespaces(root: XNode): void {
    const reported = new Set<string>();
    const visit = (node: XNode, declared: Set<string>): void => {
      const scope = new Set(declared);
      for (const a of Object.keys(node.attrs)) if (a.startsWith("xmlns:")) scope.add(a.slice(6));
      const names = [node.name, ...Object.keys(node.attrs).filter((a) => !a.startsWith("xmlns"))];
      for (const n of names) {
        const i = n.indexOf(":");
        if (i < 0) continue;
        const prefix = n.slice(0, i);
        if (prefix === "xml" || scope.has(prefix) || reported.has(prefix)) continue;
        reported.add(prefix);
        this.r.error("namespace.undeclared", node, { prefix });
      }
      for (const c of node.children) visit(c, scope);
    };
    visit(root, new Set());
  }

  // ---- base manifest ----

  private checkBase(root: XNode): void {
    this.checkOrder(root, BASE_ORDER, BASE_REQUIRED);

    const id = child(root, "Id");
    if (id && !GUID.test(id.text)) this.r.error("id.guid", id, { value: id.text });

    const version = child(root, "Version");
    if (version && !VERSION.test(version.text)) this.r.error("version.format", version, { value: version.text });

    const provider = child(root, "ProviderName");
    if (provider && provider.text === "")
      this.r.error("value.missing", provider, { name: "ProviderName", attribute: "(texte)" });

    const locale = child(root, "DefaultLocale");
    if (locale && !LOCALE.test(locale.text)) this.r.error("locale.invalid", locale, { value: locale.text });

    for (const [name, max, kind] of [
      ["DisplayName", SHORT_MAX, "DisplayName"],
      ["Description", LONG_MAX, "Description"],
    ] as const) {
      const node = child(root, name);
      if (!node) continue;
      this.checkLocalized(node, max, kind);
      this.checkOverridesPresent(node);
    }

    const iconUrl = child(root, "IconUrl");
    if (iconUrl) this.checkBaseIcon(iconUrl, [32]);
    const highRes = child(root, "HighResolutionIconUrl");
    if (highRes) this.checkBaseIcon(highRes, [64, 128]);

    const support = child(root, "SupportUrl");
    if (support) this.checkUrlSetting(support);

    for (const domain of childrenNamed(child(root, "AppDomains"), "AppDomain")) {
      this.checkUrl(domain.text, domain);
    }

    const hosts = child(root, "Hosts");
    if (hosts && !childrenNamed(hosts, "Host").some((h) => h.attrs["Name"] === "Workbook")) {
      this.r.error("hosts.noWorkbook", hosts);
    }

    for (const set of childrenNamed(child(child(root, "Requirements"), "Sets"), "Set")) {
      const min = set.attrs["MinVersion"];
      if (min !== undefined && !SET_VERSION.test(min)) {
        this.r.error("requirements.version", set, { value: min, name: set.attrs["Name"] ?? "?" });
      }
    }

    const settings = child(root, "DefaultSettings");
    if (settings) {
      const source = child(settings, "SourceLocation");
      if (!source) this.r.error("element.missing", `${settings.path}/SourceLocation`, { name: "SourceLocation" });
      else this.checkUrlSetting(source);
    }

    const permissions = child(root, "Permissions");
    if (permissions && !PERMISSIONS.includes(permissions.text)) {
      this.r.error("permissions.invalid", permissions, { value: permissions.text, expected: PERMISSIONS.join(", ") });
    }
  }

  /** Presence, uniqueness and order of the children of `parent`. */
  private checkOrder(parent: XNode, order: readonly string[], required: readonly string[]): void {
    const seen = new Set<string>();
    parent.children.forEach((c, i) => {
      const rank = order.indexOf(c.local);
      if (rank < 0) {
        this.r.warn("element.unknown", c, { name: c.name });
        return;
      }
      if (seen.has(c.local)) this.r.error("element.duplicate", c, { name: c.name });
      seen.add(c.local);
      const later = parent.children.slice(0, i).find((p) => order.indexOf(p.local) > rank);
      if (later) this.r.error("element.order", c, { name: c.name, before: later.name });
    });
    for (const name of required) {
      if (!seen.has(name)) this.r.error("element.missing", `${parent.path}/${name}`, { name });
    }
  }

  /** DefaultValue present and not too long, overrides not too long either. */
  private checkLocalized(node: XNode, max: number, kind: string): void {
    const value = node.attrs["DefaultValue"];
    if (value === undefined || value.trim() === "") {
      this.r.error("value.missing", node, { name: node.name, attribute: "DefaultValue" });
    } else if (value.length > max) {
      this.r.error("string.tooLong", node, { length: value.length, max, kind });
    }
    for (const o of childrenNamed(node, "Override")) {
      const v = o.attrs["Value"] ?? "";
      if (v.length > max) this.r.error("string.tooLong", o, { length: v.length, max, kind });
    }
  }

  private checkOverridesPresent(node: XNode): void {
    const present = new Set(childrenNamed(node, "Override").map((o) => o.attrs["Locale"]?.toLowerCase()));
    for (const locale of this.locales) {
      if (!present.has(locale.toLowerCase())) this.r.warn("override.missing", node, { locale });
    }
  }

  /** An element whose DefaultValue (and overrides' Value) is a URL. */
  private checkUrlSetting(node: XNode): URL | undefined {
    const value = node.attrs["DefaultValue"];
    if (value === undefined || value.trim() === "") {
      this.r.error("value.missing", node, { name: node.name, attribute: "DefaultValue" });
      return undefined;
    }
    for (const o of childrenNamed(node, "Override")) this.checkUrl(o.attrs["Value"] ?? "", o);
    return this.checkUrl(value, node);
  }

  private checkUrl(value: string, node: XNode): URL | undefined {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      this.r.error("url.invalid", node, { value });
      return undefined;
    }
    if (url.protocol !== "https:") {
      this.r.error("url.notHttps", node, { value });
      return undefined;
    }
    return url;
  }

  private checkBaseIcon(node: XNode, recommended: readonly number[]): void {
    const url = this.checkUrlSetting(node);
    if (!url) return;
    const info = this.imageFile(url, node);
    if (!info?.ok) return;
    const named = sizeFromName(url.pathname);
    if (named !== undefined) this.checkImageSize(info, named, node);
    if (info.width === info.height && info.width !== undefined && !recommended.includes(info.width)) {
      this.r.warn("icon.recommendedSize", node, {
        name: node.name,
        size: info.width,
        expected: recommended.join(" ou "),
      });
    }
  }

  // ---- images on disk ----

  /** Looks the image of `url` up in assetsDir; reports a missing or non-PNG file once per file. */
  private imageFile(url: URL, where: XNode): ImageFileInfo | undefined {
    if (this.origin === undefined || url.origin !== this.origin) return undefined;
    const prefix = this.opts.assetsUrlPath ?? "/assets/";
    let rel = decodeURIComponent(url.pathname);
    rel = rel.startsWith(prefix) ? rel.slice(prefix.length) : rel.replace(/^\/+/, "");
    const file = path.join(this.opts.assetsDir, rel);
    if (this.imageFiles.has(file)) return this.imageFiles.get(file);

    const shown = path.join(path.basename(this.opts.assetsDir), rel);
    let info: ImageFileInfo;
    const bytes = this.readFile(file);
    if (!bytes) {
      this.r.error("icon.missingFile", where, { url: url.href, file: shown });
      info = { file: shown, ok: false };
    } else if (!PNG_SIGNATURE.every((b, i) => bytes[i] === b)) {
      this.r.error("icon.notPng", where, { file: shown, detail: "signature PNG absente / no PNG signature" });
      info = { file: shown, ok: false };
    } else {
      try {
        const dim = imageSize(bytes);
        info = { file: shown, ok: true, width: dim.width, height: dim.height };
      } catch (e) {
        this.r.error("icon.notPng", where, { file: shown, detail: e instanceof Error ? e.message : String(e) });
        info = { file: shown, ok: false };
      }
    }
    this.imageFiles.set(file, info);
    return info;
  }

  private checkImageSize(info: ImageFileInfo, size: number, where: XNode): void {
    if (info.width !== size || info.height !== size) {
      this.r.error("icon.wrongSize", where, {
        file: info.file,
        width: info.width ?? "?",
        height: info.height ?? "?",
        size,
      });
    }
  }

  // ---- VersionOverrides ----

  private checkVersionOverrides(vo: XNode): void {
    const ns = vo.attrs["xmlns"] ?? "";
    const type = vo.attrs["xsi:type"] ?? "";
    if (ns !== NS_VERSION_OVERRIDES || type !== "VersionOverridesV1_0") {
      this.r.error("versionOverrides.type", vo, {
        ns,
        type,
        expectedNs: NS_VERSION_OVERRIDES,
        expectedType: "VersionOverridesV1_0",
      });
    }
    this.checkOrder(vo, VO_ORDER, ["Hosts"]);
    this.collectResources(child(vo, "Resources"));

    const hosts = child(vo, "Hosts");
    if (hosts) {
      for (const host of childrenNamed(hosts, "Host")) this.checkOrder(host, HOST_ORDER, []);
      this.checkResids(hosts);
      this.checkIcons(hosts);
      this.checkControlIds(hosts);
      this.checkActions(hosts);
      for (const host of childrenNamed(hosts, "Host")) this.checkSharedRuntime(host, vo);
    }

    for (const res of this.resources.values()) {
      if (!this.usedResources.has(res.id)) this.r.warn("resource.unused", res.node, { id: res.id });
    }
  }

  private collectResources(resources: XNode | undefined): void {
    if (!resources) return;
    for (const group of resources.children) {
      const kind = RESOURCE_GROUPS[group.local];
      if (!kind) {
        this.r.warn("element.unknown", group, { name: group.name });
        continue;
      }
      for (const item of group.children) {
        const id = item.attrs["id"] ?? "";
        const value = item.attrs["DefaultValue"];
        if (id.length > RESOURCE_ID_MAX) this.r.error("resource.idTooLong", item, { id, length: id.length });
        if (this.resources.has(id)) {
          this.r.error("resource.duplicateId", item, { id });
          continue;
        }
        this.resources.set(id, { id, kind, node: item, value });
        if (kind === "image" || kind === "url") {
          this.checkUrlSetting(item);
        } else {
          this.checkLocalized(item, kind === "short" ? SHORT_MAX : LONG_MAX, KIND_LABEL[kind]);
          this.checkOverridesPresent(item);
        }
      }
    }
  }

  private resolve(node: XNode): Resource | undefined {
    const resid = node.attrs["resid"];
    const kind = RESID_KIND[node.local];
    if (resid === undefined) {
      if (kind) this.r.error("resid.missing", node, { name: node.name });
      return undefined;
    }
    const res = this.resources.get(resid);
    this.usedResources.add(resid);
    if (!res) {
      this.r.error("resid.dangling", node, { resid, kind: kind ? KIND_LABEL[kind] : "?" });
      return undefined;
    }
    if (kind && res.kind !== kind) {
      this.r.error("resid.wrongKind", node, { resid, kind: KIND_LABEL[kind], found: KIND_LABEL[res.kind] });
      return undefined;
    }
    return res;
  }

  private checkResids(hosts: XNode): void {
    for (const node of descendants(hosts)) {
      // Images are resolved with their size in checkIcons.
      if (node.local === "Image" && node.parent?.local === "Icon") continue;
      if (node.attrs["resid"] !== undefined || (RESID_KIND[node.local] && node.children.length === 0)) {
        this.resolve(node);
      }
    }
  }

  private checkIcons(hosts: XNode): void {
    for (const icon of [...descendants(hosts)].filter((n) => n.local === "Icon")) {
      const images = childrenNamed(icon, "Image");
      const sizes = new Set(images.map((i) => Number(i.attrs["size"])));
      const isCommand = icon.parent?.local === "Control" || icon.parent?.local === "Group";
      if (isCommand) {
        for (const size of BUTTON_ICON_SIZES) if (!sizes.has(size)) this.r.error("icon.missingSize", icon, { size });
      }
      for (const image of images) {
        const res = this.resolve(image);
        if (!res?.value) continue;
        let url: URL;
        try {
          url = new URL(res.value);
        } catch {
          continue; // reported on the resource
        }
        const info = this.imageFile(url, res.node);
        const size = Number(image.attrs["size"]);
        if (info?.ok && Number.isFinite(size)) this.checkImageSize(info, size, image);
      }
    }
    // Images no <Icon> refers to: check them by their file name.
    for (const res of this.resources.values()) {
      if (res.kind !== "image" || this.usedResources.has(res.id) || !res.value) continue;
      try {
        const url = new URL(res.value);
        const info = this.imageFile(url, res.node);
        const named = sizeFromName(url.pathname);
        if (info?.ok && named !== undefined) this.checkImageSize(info, named, res.node);
      } catch {
        // reported on the resource
      }
    }
  }

  private checkControlIds(hosts: XNode): void {
    const seen = new Set<string>();
    for (const node of descendants(hosts)) {
      const id = node.attrs["id"];
      if (id === undefined) continue;
      if (seen.has(id)) this.r.error("control.duplicateId", node, { id });
      seen.add(id);
    }
  }

  private checkActions(hosts: XNode): void {
    const called = new Set<string>();
    let functionFile: XNode | undefined;
    for (const host of childrenNamed(hosts, "Host")) {
      for (const formFactor of host.children) {
        const file = child(formFactor, "FunctionFile");
        functionFile ??= file;
        let executes = false;
        for (const control of [...descendants(formFactor)].filter((n) => n.local === "Control")) {
          if (control.attrs["xsi:type"] === "Button") {
            for (const name of ["Label", "Supertip", "Icon", "Action"]) {
              if (!child(control, name)) this.r.error("element.missing", `${control.path}/${name}`, { name });
            }
            const tip = child(control, "Supertip");
            if (tip) {
              for (const name of ["Title", "Description"]) {
                if (!child(tip, name)) this.r.error("element.missing", `${tip.path}/${name}`, { name });
              }
            }
          }
          const action = child(control, "Action");
          if (!action) continue;
          const type = action.attrs["xsi:type"] ?? "";
          if (type === "ShowTaskpane") {
            if (!child(action, "SourceLocation")) {
              this.r.error("element.missing", `${action.path}/SourceLocation`, { name: "SourceLocation" });
            }
          } else if (type === "ExecuteFunction") {
            executes = true;
            const fn = child(action, "FunctionName");
            if (!fn || fn.text === "") {
              this.r.error("element.missing", `${action.path}/FunctionName`, { name: "FunctionName" });
              continue;
            }
            called.add(fn.text);
            const known = this.opts.functionNames;
            if (known && !known.includes(fn.text)) {
              this.r.error("function.unknown", fn, { name: fn.text, known: known.join(", ") || "∅" });
            }
          } else {
            this.r.error("action.type", action, { value: type });
          }
        }
        if (executes && !file) this.r.error("functionFile.missing", formFactor);
      }
    }
    for (const name of this.opts.functionNames ?? []) {
      if (!called.has(name)) this.r.warn("function.unused", functionFile ?? hosts, { name });
    }
  }

  /**
   * A shared runtime (<Runtimes> in the host) is one page that runs the pane and the ribbon
   * functions: FunctionFile and every ShowTaskpane SourceLocation must name that page's
   * resid, or Office would load a second page in another runtime. The SharedRuntime
   * requirement set must be declared, and an Excel shared runtime needs lifetime="long".
   */
  private checkSharedRuntime(host: XNode, vo: XNode): void {
    const runtimes = child(host, "Runtimes");
    if (!runtimes) return;
    const list = childrenNamed(runtimes, "Runtime");
    if (list.length === 0) {
      this.r.error("element.missing", `${runtimes.path}/Runtime`, { name: "Runtime" });
      return;
    }

    const sets = new Set([
      ...declaredSets(child(vo.parent, "Requirements")),
      ...declaredSets(child(vo, "Requirements")),
    ]);
    if (!sets.has(SHARED_RUNTIME_SET)) this.r.error("runtime.requirement", runtimes, { name: SHARED_RUNTIME_SET });

    for (const runtime of list) {
      const lifetime = runtime.attrs["lifetime"] ?? "short";
      if (lifetime !== "long") this.r.warn("runtime.lifetime", runtime, { value: lifetime });
    }

    // Runtimes whose resid names a bt:Url (the others are reported by checkResids).
    const pages = list
      .map((runtime) => runtime.attrs["resid"])
      .filter((resid): resid is string => resid !== undefined && this.resources.get(resid)?.kind === "url");
    if (pages.length === 0) return;

    const pageUsers = [...descendants(host)].filter(
      (node) =>
        node.local === "FunctionFile" ||
        (node.local === "SourceLocation" &&
          node.parent?.local === "Action" &&
          node.parent.attrs["xsi:type"] === "ShowTaskpane"),
    );
    for (const node of pageUsers) {
      const resid = node.attrs["resid"];
      if (resid === undefined || pages.includes(resid)) continue; // a missing resid is reported by checkResids
      this.r.error("runtime.otherPage", node, { name: node.name, resid, runtime: pages.join(", ") });
    }
  }
}

/** Names of the requirement sets declared in <Requirements><Sets> (base manifest or VersionOverrides). */
function declaredSets(requirements: XNode | undefined): Set<string> {
  return new Set(
    childrenNamed(child(requirements, "Sets"), "Set")
      .map((set) => set.attrs["Name"])
      .filter((name): name is string => name !== undefined),
  );
}

/** The size an icon's file name announces: icon-16.png, logo_80.png, icon-32x32.png. */
function sizeFromName(pathname: string): number | undefined {
  const m = /(?:^|[-_.])(\d{2,3})(?:x(\d{2,3}))?\.png$/i.exec(path.posix.basename(pathname));
  if (!m) return undefined;
  if (m[2] !== undefined && m[2] !== m[1]) return undefined;
  return Number(m[1]);
}
