/**
 * The manifest for where the add-in is published. manifest.xml points at the
 * development server (https://localhost:3000/); a build for an organisation
 * puts every one of its addresses under the folder given in ADDIN_URL, where
 * dist/web is published. webpack.config.js and the tests use these functions,
 * so that what is tested is what the build writes.
 */
import { both, type Params } from "../i18n";
import type { ManifestCode, ValidateManifestOptions } from "./validateManifest";

/** Where manifest.xml points: the development server. */
export const DEV_BASE = "https://localhost:3000/";

/** A publishing address that cannot be used, with the reason in French and in English. */
export class AddinUrlError extends Error {
  readonly messageEn: string;
  constructor(
    readonly code: ManifestCode,
    params: Params,
  ) {
    const text = both(`manifest.${code}`, params);
    super(text.message);
    this.messageEn = text.messageEn;
  }
}

/** Pages a folder address must not end with: the user gave the pane's page, not its folder. */
const FILE = /\/([^/]+\.(?:html?|xml|js|aspx?|php))$/i;

/**
 * The folder address the add-in is published at, checked and ending with `/`:
 * https only (Office loads no add-in over http), no credentials, query or
 * fragment, no file name, no empty path segment.
 */
export function addinBase(raw: string): string {
  const value = raw.trim();
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new AddinUrlError("addinUrl.invalid", { value });
  }
  if (url.protocol !== "https:")
    throw new AddinUrlError("addinUrl.notHttps", { value, scheme: url.protocol.slice(0, -1) });
  const file = FILE.exec(url.pathname);
  const folderPath = (file ? url.pathname.slice(0, file.index) : url.pathname)
    .replace(/\/+/g, "/")
    .replace(/\/?$/, "/");
  const folder = `${url.origin}${folderPath}`;
  if (url.username || url.password)
    throw new AddinUrlError("addinUrl.extra", { value, what: "user:password@", folder });
  if (value.includes("?")) throw new AddinUrlError("addinUrl.extra", { value, what: "?", folder });
  if (value.includes("#")) throw new AddinUrlError("addinUrl.extra", { value, what: "#", folder });
  if (file) throw new AddinUrlError("addinUrl.file", { value, file: file[1]!, folder });
  if (/\/\//.test(url.pathname)) throw new AddinUrlError("addinUrl.emptySegment", { value, folder });
  return folder;
}

/** manifest.xml with its development addresses moved under `base` (from addinBase); unchanged for DEV_BASE. */
export function hostedManifest(xml: string, base: string): string {
  if (base === DEV_BASE) return xml;
  const devOrigin = DEV_BASE.slice(0, -1);
  // Pages and icons first (they keep their path under the new folder), then bare origins (AppDomain).
  const out = xml.split(DEV_BASE).join(base).split(devOrigin).join(new URL(base).origin);
  const left = out.split("\n").findIndex((line) => /localhost/i.test(line));
  if (left >= 0 && !/localhost/i.test(base)) throw new AddinUrlError("addinUrl.localhostLeft", { line: left + 1 });
  return out;
}

/** Options of the offline check for a manifest published at `base`: its icons are dist/web's (assets/). */
export function hostedCheckOptions(base: string): Pick<ValidateManifestOptions, "devServerOrigin" | "assetsUrlPath"> {
  const url = new URL(base);
  return { devServerOrigin: url.origin, assetsUrlPath: `${url.pathname}assets/` };
}

/** The folder a manifest was made for: that of its pane's page (`<SourceLocation>`), or undefined. */
export function publishedBaseOf(xml: string): string | undefined {
  const page = /<SourceLocation\s+DefaultValue="([^"]+)"/.exec(xml)?.[1];
  if (!page) return undefined;
  try {
    return new URL(".", page).href;
  } catch {
    return undefined;
  }
}
