import { useEffect, useMemo, useState } from "react";
import {
  Body1,
  Caption1,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Subtitle2,
  Title3,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { builtinSummaries } from "../model/builtins";
import { onVueRequest, vueFromSearch, type Vue } from "../shared/vue";
import { translate, vueLabel, type Lang, type StringKey } from "./strings";

type SchemaSummary = ReturnType<typeof builtinSummaries>[number];

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalL,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL}`,
  },
  heading: {
    margin: 0,
  },
  header: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
  },
  sectionHeading: {
    margin: `0 0 ${tokens.spacingVerticalS}`,
  },
  subtitle: {
    color: tokens.colorNeutralForeground3,
  },
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
  },
  item: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground1,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
  },
  counts: {
    display: "grid",
    gridTemplateColumns: "minmax(8rem, max-content) minmax(3rem, max-content)",
    justifyContent: "start",
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
  },
  countLabel: {
    color: tokens.colorNeutralForeground3,
  },
  countValue: {
    margin: 0,
    fontVariantNumeric: "tabular-nums",
    textAlign: "end",
  },
});

type Loaded = { ok: true; schemas: SchemaSummary[] } | { ok: false; detail: string };

function loadSummaries(): Loaded {
  try {
    return { ok: true, schemas: builtinSummaries() };
  } catch (error) {
    return { ok: false, detail: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * The view asked for: first the query string (a direct link to taskpane.html?vue=…), then,
 * as they come, the requests of the ribbon commands (same window: shared runtime). A request
 * made before the pane subscribed is delivered at once when it subscribes.
 */
function useRequestedVue(search: string): { vue: Vue | undefined; unknown: string | undefined } {
  const [requested, setRequested] = useState(() => vueFromSearch(search));
  useEffect(() => onVueRequest((vue) => setRequested({ vue, unknown: undefined })), []);
  return requested;
}

type CountKey = "axes" | "fiches" | "sousActions" | "indicateurs";
const COUNT_KEYS: readonly CountKey[] = ["axes", "fiches", "sousActions", "indicateurs"];

export interface AppProps {
  lang: Lang;
  /** window.location.search of the pane, e.g. "?vue=generer". */
  search: string;
}

export function App({ lang, search }: AppProps) {
  const styles = useStyles();
  const t = (key: StringKey, params?: Record<string, string | number>) => translate(lang, key, params);
  const loaded = useMemo(loadSummaries, []);
  const { vue, unknown } = useRequestedVue(search);
  const numbers = useMemo(() => new Intl.NumberFormat(lang === "en" ? "en-GB" : "fr-FR"), [lang]);

  return (
    <main className={styles.root}>
      <header className={styles.header}>
        <Title3 as="h1" className={styles.heading}>
          {t("title")}
        </Title3>
        <Caption1 className={styles.subtitle}>{t("subtitle")}</Caption1>
      </header>

      {vue && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t("viewRequestedTitle", { vue: vueLabel(lang, vue) })}</MessageBarTitle>
            <div>{t("viewRequested", { vue: vueLabel(lang, vue) })}</div>
          </MessageBarBody>
        </MessageBar>
      )}
      {unknown && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t("viewUnknownTitle")}</MessageBarTitle>
            <div>{t("viewUnknown", { value: unknown })}</div>
          </MessageBarBody>
        </MessageBar>
      )}

      <section aria-labelledby="schemas-heading">
        <Subtitle2 as="h2" id="schemas-heading" block className={styles.sectionHeading}>
          {t("schemasHeading")}
        </Subtitle2>
        {!loaded.ok ? (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{t("loadError")}</MessageBarTitle>
              <div>{loaded.detail}</div>
            </MessageBarBody>
          </MessageBar>
        ) : loaded.schemas.length === 0 ? (
          <Body1>{t("noSchemas")}</Body1>
        ) : (
          <ul className={styles.list} aria-labelledby="schemas-heading">
            {loaded.schemas.map((s) => (
              <li key={s.id} className={styles.item} aria-labelledby={`schema-${s.id}`}>
                <Subtitle2 as="h3" id={`schema-${s.id}`} className={styles.heading}>
                  {s.title}
                </Subtitle2>
                <Caption1>{t("period", { value: s.period })}</Caption1>
                <dl className={styles.counts}>
                  {COUNT_KEYS.map((key) => (
                    <div key={key} style={{ display: "contents" }}>
                      <dt className={styles.countLabel}>
                        <Caption1>{t(key)}</Caption1>
                      </dt>
                      <dd className={styles.countValue}>
                        <Body1>{numbers.format(s[key])}</Body1>
                      </dd>
                    </div>
                  ))}
                </dl>
              </li>
            ))}
          </ul>
        )}
      </section>
    </main>
  );
}
