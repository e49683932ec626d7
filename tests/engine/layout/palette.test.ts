/**
 * The state colours stay apart for every reader: CIEDE2000 ≥ 10 between every pair, for normal vision and
 * as a deuteranope sees them (Machado et al. 2009), error mark and plain input included; each fill keeps its
 * text readable. The colour difference itself is checked on published test pairs first.
 */
import { contrastRatio, deltaE2000, deuteranopeLab, hexToLab, type Lab } from "../../support/colour";
import { COLORS, STATE_COLORS, STYLES } from "../../../src/engine/layout/styles";
import { MARK_STYLE } from "../../../src/engine/validate/marks";

describe("CIEDE2000", () => {
  // Sharma, Wu & Dalal (2005), table 1: pairs 1, 7, 13, 17, 19, 25, 34.
  const pairs: [Lab, Lab, number][] = [
    [[50, 2.6772, -79.7751], [50, 0, -82.7485], 2.0425],
    [[50, 0, 0], [50, -1, 2], 2.3669],
    [[50, 2.49, -0.001], [50, -2.49, 0.0009], 7.1792],
    [[50, 2.5, 0], [73, 25, -18], 27.1492],
    [[50, 2.5, 0], [56, -27, -3], 31.903],
    [[60.2574, -34.0099, 36.2677], [60.4626, -34.1751, 39.4387], 1.2644],
    [[2.0776, 0.0795, -1.135], [0.9033, -0.0636, -0.5514], 0.9082],
  ];
  it.each(pairs)("%j / %j → %d", (a, b, expected) => {
    expect(deltaE2000(a, b)).toBeCloseTo(expected, 4);
    expect(deltaE2000(b, a)).toBeCloseTo(expected, 4);
  });

  it("places sRGB white at L* 100 and keeps greys grey for a deuteranope", () => {
    const [L, a, b] = hexToLab("#FFFFFF");
    expect([L, Math.abs(a), Math.abs(b)].map((x) => Math.round(x * 100) / 100)).toEqual([100, 0, 0]);
    expect(deltaE2000(hexToLab("#808080"), deuteranopeLab("#808080"))).toBeLessThan(1);
    // Red and green, far apart for most readers, come close for a deuteranope.
    expect(deltaE2000(deuteranopeLab("#D62728"), deuteranopeLab("#2CA02C"))).toBeLessThan(
      deltaE2000(hexToLab("#D62728"), hexToLab("#2CA02C")) / 2,
    );
  });
});

describe("the palette of states", () => {
  const colours: Record<string, string> = {
    ...Object.fromEntries(Object.entries(STATE_COLORS).map(([k, v]) => [k, v.fill])),
    erreur: MARK_STYLE.fill,
    saisie: COLORS.input,
  };
  const names = Object.keys(colours);
  const pairs = names.flatMap((a, i) => names.slice(i + 1).map((b) => [a, b] as const));

  it("names each state of the issue once", () => {
    expect(names).toEqual(
      expect.arrayContaining(["realise", "enCours", "reporte", "abandonne", "nonCommence", "missing", "unplanned"]),
    );
    expect(names).toEqual(expect.arrayContaining(["futur", "atteinte", "nonAtteinte", "erreur", "saisie"]));
    expect(pairs).toHaveLength((names.length * (names.length - 1)) / 2);
  });

  it.each(pairs)("%s / %s differ by ΔE00 ≥ 10, also for a deuteranope", (a, b) => {
    const [x, y] = [colours[a]!, colours[b]!];
    expect(deltaE2000(hexToLab(x), hexToLab(y))).toBeGreaterThanOrEqual(10);
    expect(deltaE2000(deuteranopeLab(x), deuteranopeLab(y))).toBeGreaterThanOrEqual(10);
  });

  it("keeps each state's text readable on its fill (WCAG AA, 4.5:1)", () => {
    for (const { fill, color } of Object.values(STATE_COLORS))
      expect(contrastRatio(fill, color)).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(MARK_STYLE.fill, MARK_STYLE.color)).toBeGreaterThanOrEqual(4.5);
  });

  it("uses the palette where the states show", () => {
    expect(COLORS.status["En cours"]).toBe(STATE_COLORS.enCours);
    expect(COLORS.status["Abandonné"]).toBe(STATE_COLORS.abandonne);
    expect(STYLES.unplanned.fill).toBe(STATE_COLORS.unplanned.fill);
    expect(STYLES.futur.fill).toBe(STATE_COLORS.futur.fill);
    expect(COLORS.jugement.nonAtteinte).toBe(STATE_COLORS.nonAtteinte);
    // Required inputs are framed, not told by their fill alone.
    expect(STYLES.inputStatus.border).toBe(COLORS.required);
    expect(STYLES.inputCountRequis.border).toBe(COLORS.required);
    expect(STYLES.inputCount.border).not.toBe(COLORS.required);
  });
});
