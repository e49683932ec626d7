import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "./App";
import { detectLang } from "./detectLang";

function start(): void {
  const container = document.getElementById("container");
  if (!container) return;
  const lang = detectLang();
  document.documentElement.lang = lang;
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <App lang={lang} search={window.location.search} />
    </FluentProvider>,
  );
}

if (typeof Office === "undefined") {
  // office.js could not be loaded (page opened outside Office without network): show the pane anyway.
  start();
} else {
  void Office.onReady(() => start());
}
