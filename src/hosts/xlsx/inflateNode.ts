/** The guard's native inflater in Node (guard.ts `InflateRaw`): zlib, bounded by the part's declared size. */
import { inflateRawSync } from "node:zlib";
import type { InflateRaw } from "./guard";

export const inflateRawNode: InflateRaw = (compressed, maxLength) =>
  inflateRawSync(compressed, { maxOutputLength: maxLength });
