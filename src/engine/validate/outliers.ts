/**
 * Outliers by the modified z-score of Iglewicz and Hoaglin: M = 0.6745 (x − median) / MAD, where MAD is the median
 * of the absolute deviations from the median; |M| > 3.5 is an outlier. Median and MAD rather than mean and standard
 * deviation: an indicator's yearly counts, or partners' values of one campaign, are few and skewed (a small service
 * beside a large one, a year of 0), and one extreme value inflates the standard deviation enough to hide itself
 * while flagging ordinary values; the median and the MAD are not moved by it.
 */

/** |M| above this is an outlier (Iglewicz and Hoaglin's advice). */
export const Z_THRESHOLD = 3.5;
/** Fewer values than this make no median worth judging by. */
export const MIN_SAMPLE = 4;
/** 0.6745 is the 0.75 quantile of the standard normal: it makes MAD comparable with a standard deviation. */
const K = 0.6745;

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export interface ModifiedZ {
  z: number;
  median: number;
  mad: number;
  /** How many values the median and MAD come from. */
  n: number;
}

/**
 * The modified z-score of `x` against `sample` (the values it is judged by), or undefined when the sample is too
 * small or has no spread (MAD 0: more than half the values equal, where any other value would score infinite).
 */
export function modifiedZ(x: number, sample: readonly number[]): ModifiedZ | undefined {
  if (sample.length < MIN_SAMPLE) return undefined;
  const med = median(sample);
  const mad = median(sample.map((v) => Math.abs(v - med)));
  if (mad === 0) return undefined;
  return { z: (K * (x - med)) / mad, median: med, mad, n: sample.length };
}

/** The values whose |M| stays within the threshold: median ± threshold × MAD / 0.6745. */
export function acceptedRange(m: ModifiedZ, threshold: number): { min: number; max: number } {
  const half = (threshold * m.mad) / K;
  return { min: m.median - half, max: m.median + half };
}
