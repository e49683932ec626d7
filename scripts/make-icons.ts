/**
 * Draws the add-in's PNG icons into assets/ (run with `npm run icons`).
 *
 * Design: a rounded blue square holding a white 3×3 table (header row tinted) and a
 * round badge in the bottom-right corner. The badge tells the ribbon buttons apart:
 *   icon-NN      add-in icon and "Ouvrir le volet": green badge with a check mark
 *   generer-NN   "Générer": green badge with a plus sign
 *   controler-NN "Contrôler": orange badge with a magnifying glass
 *   calculer-NN  "Calculer": purple badge with a sigma
 *
 * Shapes are signed-distance functions in pixel units; every pixel is sampled on a
 * 5×5 grid, which gives clean anti-aliased edges at every size.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PNG } from "pngjs";

type Rgba = readonly [number, number, number, number];
type Sdf = (x: number, y: number) => number;
interface Layer {
  sdf: Sdf;
  color: (x: number, y: number) => Rgba;
}

const SAMPLES = 5;

function hex(value: string, alpha = 1): Rgba {
  const n = Number.parseInt(value.replace("#", ""), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255, alpha];
}

function mix(a: Rgba, b: Rgba, t: number): Rgba {
  return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t, a[3] + (b[3] - a[3]) * t];
}

// ---- signed distance functions (negative inside) ----

function roundedRect(x0: number, y0: number, x1: number, y1: number, r: number): Sdf {
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  const hx = (x1 - x0) / 2 - r;
  const hy = (y1 - y0) / 2 - r;
  return (x, y) => {
    const qx = Math.abs(x - cx) - hx;
    const qy = Math.abs(y - cy) - hy;
    const outside = Math.hypot(Math.max(qx, 0), Math.max(qy, 0));
    return outside + Math.min(Math.max(qx, qy), 0) - r;
  };
}

function rect(x0: number, y0: number, x1: number, y1: number): Sdf {
  return roundedRect(x0, y0, x1, y1, 0);
}

function circle(cx: number, cy: number, r: number): Sdf {
  return (x, y) => Math.hypot(x - cx, y - cy) - r;
}

/** A stroked polyline with round caps and joins. */
function polyline(points: readonly (readonly [number, number])[], width: number): Sdf {
  return (x, y) => {
    let best = Infinity;
    for (let i = 0; i + 1 < points.length; i++) {
      const [ax, ay] = points[i]!;
      const [bx, by] = points[i + 1]!;
      const dx = bx - ax;
      const dy = by - ay;
      const len2 = dx * dx + dy * dy;
      const t = len2 === 0 ? 0 : Math.min(1, Math.max(0, ((x - ax) * dx + (y - ay) * dy) / len2));
      best = Math.min(best, Math.hypot(x - (ax + t * dx), y - (ay + t * dy)));
    }
    return best - width / 2;
  };
}

/** A stroked polyline with square (butt) ends: used where round caps would blur small glyphs. */
function bar(x0: number, y0: number, x1: number, y1: number): Sdf {
  return rect(Math.min(x0, x1), Math.min(y0, y1), Math.max(x0, x1), Math.max(y0, y1));
}

const union =
  (...shapes: Sdf[]): Sdf =>
  (x, y) =>
    Math.min(...shapes.map((s) => s(x, y)));
const intersect =
  (a: Sdf, b: Sdf): Sdf =>
  (x, y) =>
    Math.max(a(x, y), b(x, y));
const subtract =
  (a: Sdf, b: Sdf): Sdf =>
  (x, y) =>
    Math.max(a(x, y), -b(x, y));

// ---- the design ----

type Glyph = "check" | "plus" | "magnifier" | "sigma";
interface Variant {
  name: string;
  badge: string;
  glyph: Glyph;
}

const VARIANTS: readonly Variant[] = [
  { name: "icon", badge: "#1F9D55", glyph: "check" },
  { name: "generer", badge: "#1F9D55", glyph: "plus" },
  { name: "controler", badge: "#E07B00", glyph: "magnifier" },
  { name: "calculer", badge: "#7A4FD6", glyph: "sigma" },
];

const WHITE = hex("#FFFFFF");
const BLUE_TOP = hex("#2F8FE6");
const BLUE_BOTTOM = hex("#0F5AA8");

/** Snaps a coordinate so that a line of integer width `w` falls on whole pixels. */
function snap(v: number, w: number): number {
  return Math.round(v - w / 2) + w / 2;
}

function glyphShape(glyph: Glyph, cx: number, cy: number, r: number, s: number): Sdf {
  const w = Math.max(1.4, r * 0.34); // glyph stroke width
  switch (glyph) {
    case "check":
      return polyline(
        [
          [cx - r * 0.5, cy + r * 0.02],
          [cx - r * 0.14, cy + r * 0.38],
          [cx + r * 0.52, cy - r * 0.36],
        ],
        w,
      );
    case "plus": {
      const a = r * 0.56;
      const h = w / 2;
      return union(bar(cx - a, cy - h, cx + a, cy + h), bar(cx - h, cy - a, cx + h, cy + a));
    }
    case "magnifier": {
      const lr = r * 0.36;
      const lx = cx - r * 0.12;
      const ly = cy - r * 0.12;
      const ringW = Math.max(1.1, r * 0.2);
      const ring = subtract(circle(lx, ly, lr + ringW / 2), circle(lx, ly, lr - ringW / 2));
      const d = (lr + ringW / 2) / Math.SQRT2;
      const handle = polyline(
        [
          [lx + d * 0.9, ly + d * 0.9],
          [cx + r * 0.56, cy + r * 0.56],
        ],
        Math.max(1.4, r * 0.26),
      );
      return union(ring, handle);
    }
    case "sigma": {
      const x0 = cx - r * 0.42;
      const x1 = cx + r * 0.44;
      const y0 = cy - r * 0.5;
      const y1 = cy + r * 0.5;
      const sw = Math.max(1.2, r * 0.24);
      const h = sw / 2;
      return union(
        bar(x0, y0 - h, x1, y0 + h),
        bar(x0, y1 - h, x1, y1 + h),
        polyline(
          [
            [x0 + h * 0.6, y0 + h],
            [cx + r * 0.08, cy],
            [x0 + h * 0.6, y1 - h],
          ],
          sw,
        ),
        s >= 64 ? bar(x1 - h, y0 - h, x1 + h, y0 + r * 0.16) : () => Infinity,
        s >= 64 ? bar(x1 - h, y1 - r * 0.16, x1 + h, y1 + h) : () => Infinity,
      );
    }
  }
}

function layers(size: number, variant: Variant): Layer[] {
  const s = size;
  const margin = s <= 16 ? 0 : Math.round(s / 32);
  const bg = roundedRect(margin, margin, s - margin, s - margin, s * 0.19);
  const background = (_x: number, y: number): Rgba => mix(BLUE_TOP, BLUE_BOTTOM, y / s);

  // The table: outer border and two inner lines each way, snapped to the pixel grid.
  const line = Math.max(1, Math.round(s / 18));
  const t0 = snap(s * 0.2, line);
  const t1 = snap(s * 0.8, line);
  const step = (t1 - t0) / 3;
  const xs = [t0, snap(t0 + step, line), snap(t0 + 2 * step, line), t1];
  const h = line / 2;
  const lines: Sdf[] = [];
  for (const v of xs) {
    lines.push(rect(v - h, t0 - h, v + h, t1 + h)); // vertical
    lines.push(rect(t0 - h, v - h, t1 + h, v + h)); // horizontal
  }
  const grid = union(...lines);
  const header = rect(t0, t0, t1, xs[1]!);

  // The badge, with a gap in the background colour so it stands off the table.
  const br = s <= 16 ? s * 0.3 : s * 0.25;
  const inset = s <= 16 ? 0 : s * 0.03;
  const bcx = s - margin - br - inset;
  const bcy = s - margin - br - inset;
  const gap = Math.max(1, s * 0.045);
  const badgeColor = hex(variant.badge);

  return [
    { sdf: bg, color: background },
    { sdf: intersect(header, bg), color: () => hex("#FFFFFF", 0.38) },
    { sdf: intersect(grid, bg), color: () => WHITE },
    { sdf: intersect(circle(bcx, bcy, br + gap), bg), color: background },
    { sdf: circle(bcx, bcy, br), color: (_x, y) => mix(badgeColor, hex(variant.badge, 1), y / s) },
    { sdf: glyphShape(variant.glyph, bcx, bcy, br, s), color: () => WHITE },
  ];
}

function render(size: number, variant: Variant): Buffer {
  const png = new PNG({ width: size, height: size });
  const stack = layers(size, variant);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      // Accumulate premultiplied colour over the sub-samples.
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const x = px + (sx + 0.5) / SAMPLES;
          const y = py + (sy + 0.5) / SAMPLES;
          let cr = 0;
          let cg = 0;
          let cb = 0;
          let ca = 0;
          for (const layer of stack) {
            if (layer.sdf(x, y) > 0) continue;
            const [lr, lg, lb, la] = layer.color(x, y);
            cr = lr * la + cr * (1 - la);
            cg = lg * la + cg * (1 - la);
            cb = lb * la + cb * (1 - la);
            ca = la + ca * (1 - la);
          }
          r += cr;
          g += cg;
          b += cb;
          a += ca;
        }
      }
      const n = SAMPLES * SAMPLES;
      const i = (py * size + px) * 4;
      const alpha = a / n;
      png.data[i] = alpha > 0 ? Math.round(r / n / alpha) : 0;
      png.data[i + 1] = alpha > 0 ? Math.round(g / n / alpha) : 0;
      png.data[i + 2] = alpha > 0 ? Math.round(b / n / alpha) : 0;
      png.data[i + 3] = Math.round(alpha * 255);
    }
  }
  return PNG.sync.write(png);
}

const SIZES: Record<string, readonly number[]> = {
  icon: [16, 32, 64, 80, 128],
  generer: [16, 32, 80],
  controler: [16, 32, 80],
  calculer: [16, 32, 80],
};

function main(): void {
  const outDir = path.resolve(__dirname, "..", "assets");
  mkdirSync(outDir, { recursive: true });
  for (const variant of VARIANTS) {
    for (const size of SIZES[variant.name] ?? []) {
      const file = path.join(outDir, `${variant.name}-${size}.png`);
      writeFileSync(file, render(size, variant));
      console.log(`${path.relative(process.cwd(), file)} (${size}×${size})`);
    }
  }
}

main();
