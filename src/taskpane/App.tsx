/**
 * The task pane: the bilan's steps as tabs (Schéma, Générer, Contrôler,
 * Calculer, Consolider, Exporter). A ribbon command or a `?vue=` link opens
 * the pane on its step.
 *
 * Excel opens a pane 320–350 px wide, where the six tabs in a row need about
 * 530 px: the tabs are laid out as a grid that wraps, three to a row in a
 * narrow pane and six in a wide one, so every step stays one click away and
 * visible (an overflow menu would hide half of them), and nothing scrolls
 * sideways. It is still one tab list: arrow keys go through the tabs in order.
 */
import { useEffect, useState } from "react";
import {
  Caption1,
  MessageBar,
  MessageBarBody,
  Tab,
  TabList,
  Title3,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { onVueRequest, vueFromSearch, VUES, type Vue } from "../shared/vue";
import { PaneProvider, usePane } from "./state";
import type { Lang } from "../i18n";
import { SchemaView } from "./views/SchemaView";
import { GenererView } from "./views/GenererView";
import { ControlerView } from "./views/ControlerView";
import { CalculerView } from "./views/CalculerView";
import { ConsoliderView } from "./views/ConsoliderView";
import { ExporterView } from "./views/ExporterView";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL}`,
  },
  heading: { margin: 0 },
  subtitle: { color: tokens.colorNeutralForeground3 },
  // 88 px holds the longest label ("Consolidate", "Consolider") in the small tabs' font:
  // 3 columns at 288 px (a 320 px pane less its padding), 6 from about 560 px.
  tabs: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fit, minmax(88px, 1fr))",
    rowGap: tokens.spacingVerticalXS,
  },
  tab: { justifyContent: "center", minWidth: 0 },
});

const VIEWS: Record<Vue, () => React.JSX.Element | null> = {
  schema: SchemaView,
  generer: GenererView,
  controler: ControlerView,
  calculer: CalculerView,
  consolider: ConsoliderView,
  exporter: ExporterView,
};

export interface AppProps {
  lang: Lang;
  /** window.location.search of the pane, e.g. "?vue=generer". */
  search: string;
}

export function App({ lang, search }: AppProps) {
  return (
    <PaneProvider lang={lang}>
      <Pane search={search} />
    </PaneProvider>
  );
}

function Pane({ search }: { search: string }) {
  const styles = useStyles();
  const { t } = usePane();
  const initial = vueFromSearch(search);
  const [vue, setVue] = useState<Vue>(initial.vue ?? "schema");
  useEffect(() => onVueRequest(setVue), []);
  const View = VIEWS[vue];
  return (
    <main className={styles.root}>
      <header>
        <Title3 as="h1" className={styles.heading}>
          {t("title")}
        </Title3>
        <Caption1 block className={styles.subtitle}>
          {t("subtitle")}
        </Caption1>
      </header>
      {initial.unknown && (
        <MessageBar intent="warning">
          <MessageBarBody>{t("viewUnknown", { value: initial.unknown })}</MessageBarBody>
        </MessageBar>
      )}
      <TabList
        selectedValue={vue}
        onTabSelect={(_, d) => setVue(d.value as Vue)}
        aria-label={t("views")}
        size="small"
        className={styles.tabs}
      >
        {VUES.map((v) => (
          <Tab key={v} value={v} id={`tab-${v}`} className={styles.tab}>
            {t(`vue.${v}`)}
          </Tab>
        ))}
      </TabList>
      <div role="tabpanel" aria-labelledby={`tab-${vue}`}>
        <View />
      </div>
    </main>
  );
}
