/** The pane's language: English when Office (or, outside Office, the browser) runs in English; French otherwise. */
import { parseLang, type Lang } from "../i18n";

export function detectLang(): Lang {
  let language: string | undefined;
  try {
    language = typeof Office !== "undefined" ? Office.context?.displayLanguage : undefined;
  } catch {
    language = undefined;
  }
  language ||= typeof navigator !== "undefined" ? navigator.language : undefined;
  return parseLang(language);
}
