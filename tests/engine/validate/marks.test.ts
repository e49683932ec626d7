/** The marks' notes: a mark is found and taken out wherever it is, and the user's own text is kept. */
import { MARK_HEAD, withMark, withoutMark } from "../../../src/engine/validate/marks";

const mark = `${MARK_HEAD}\nLa valeur « Fait » n'est pas un nombre.`;

test("a mark alone, after the user's note, or with the user's text after it, comes out; the user's text stays", () => {
  expect(withoutMark(mark)).toBeUndefined();
  expect(withoutMark("À vérifier")).toBe("À vérifier");
  expect(withoutMark(undefined)).toBeUndefined();
  expect(withoutMark(withMark("À vérifier", mark))).toBe("À vérifier");
  expect(withoutMark(`${withMark("À vérifier", mark)}\n\nAjouté ensuite`)).toBe("À vérifier\n\nAjouté ensuite");
  expect(withoutMark(`${mark}\n\n${mark}`)).toBeUndefined();
});

test("a mark replaces the one before it, never adds to it", () => {
  const once = withMark("À vérifier", mark);
  expect(withMark(once, mark)).toBe(once);
  expect(withMark(withMark(undefined, mark), mark)).toBe(mark);
  expect(once).toBe(`À vérifier\n\n${mark}`);
});
