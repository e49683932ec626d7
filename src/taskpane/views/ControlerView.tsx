/**
 * Contrôler: checks the open workbook and lists the findings grouped by axe and fiche with their counts (a
 * blank workbook's expected inputs are one line per fiche, opened on demand), filterable by severity and rule;
 * a click on a cell selects it. Refreshes the Contrôles sheet, highlights on demand, and re-checks while the
 * user types. Laid out for a 320 px pane: a list whose first column is the cell (« Axe 1!E12 »), no table
 * columns to scroll.
 */
import { useCallback, useEffect, useId, useMemo, useRef, useState } from "react";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Body1Strong,
  Button,
  Caption1,
  Checkbox,
  Dropdown,
  Field,
  Link,
  MessageBar,
  MessageBarBody,
  Option,
  Switch,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { SEVERITIES, countBySeverity, type Finding, type Severity } from "../../engine/validate/findings";
import type { Schema } from "../../model/schema";
import { allerA, controler, effacerSurlignage, surligner, surveillerSaisies } from "../excel";
import { ALL, applyFilter, keepValid, ruleCounts, type FindingFilter } from "../findingsFilter";
import {
  groupFindings,
  openAtFirst,
  presentSeverities,
  shortSheet,
  type AxeGroup,
  type FicheGroup,
} from "../findingsGroups";
import { errorText, usePane } from "../state";

const SEVERITY_COLOR = { erreur: "danger", avertissement: "warning", info: "informative" } as const;

const useStyles = makeStyles({
  axeHeader: { display: "flex", flexDirection: "column", textAlign: "start", paddingBlock: tokens.spacingVerticalXS },
  counts: { color: tokens.colorNeutralForeground3 },
  fiche: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
    marginBottom: tokens.spacingVerticalM,
  },
  ficheTitle: {
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    fontWeight: tokens.fontWeightRegular,
  },
  // One grid per fiche: the cell column as wide as its widest address, the message taking the rest and wrapping.
  // Each row is a subgrid, so the columns line up while every row stays a list item for screen readers.
  list: {
    display: "grid",
    gridTemplateColumns: "max-content minmax(0, 1fr)",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
    padding: 0,
    listStyleType: "none",
  },
  row: { display: "grid", gridColumn: "1 / -1", gridTemplateColumns: "subgrid", alignItems: "baseline" },
  cell: { fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap" },
  message: { overflowWrap: "anywhere" },
  badge: { marginRight: tokens.spacingHorizontalXS, verticalAlign: "text-bottom" },
  summary: { gridColumn: "1 / -1", justifySelf: "start", paddingLeft: 0, fontWeight: tokens.fontWeightRegular },
});

export function ControlerView() {
  const { t, lang, schema, report, setReport } = usePane();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string>();
  const [filter, setFilter] = useState<FindingFilter>(ALL);
  const [highlight, setHighlight] = useState(false);
  const [live, setLive] = useState(true);
  const stop = useRef<(() => Promise<void>) | undefined>(undefined);

  const check = useCallback(async () => {
    setBusy(true);
    setFailure(undefined);
    try {
      const r = await controler({ lang, ...(schema ? { expected: schema } : {}) });
      setReport(r);
      setFilter((f) => keepValid(f, r.findings));
      return r;
    } catch (e) {
      setFailure(errorText(e, lang));
      return undefined;
    } finally {
      setBusy(false);
    }
  }, [lang, schema, setReport]);

  // Live checking: once a check has run, each edit of an input cell is checked again (see surveillerSaisies).
  const checked = report !== undefined;
  const latest = useRef(report);
  latest.current = report;
  useEffect(() => {
    if (!live || !checked) return;
    let cancelled = false;
    void surveillerSaisies({
      courant: () => latest.current,
      rapport: (r) => {
        latest.current = r;
        setReport(r);
        setFilter((f) => keepValid(f, r.findings));
      },
      echec: (e) => setFailure(errorText(e, lang)),
      options: { lang, ...(schema ? { expected: schema } : {}) },
    }).then((s) => {
      if (cancelled) void s();
      else stop.current = s;
    });
    return () => {
      cancelled = true;
      void stop.current?.();
      stop.current = undefined;
    };
    // Once per activation, not on every new report: `checked` only changes with the first check.
  }, [live, checked, lang, schema, setReport]);

  const toggleHighlight = async (on: boolean) => {
    setHighlight(on);
    if (!report?.plan) return;
    try {
      if (on) await surligner(report.findings, report.plan);
      else await effacerSurlignage(report.plan);
    } catch (e) {
      setFailure(errorText(e, lang));
    }
  };

  const findings = report?.findings ?? [];
  const shown = useMemo(() => applyFilter(findings, filter), [findings, filter]);
  const rules = useMemo(() => ruleCounts(findings), [findings]);
  const groups = useMemo(() => groupFindings(shown, report?.schema), [shown, report?.schema]);
  const counts = countBySeverity(findings);
  // An axe is open or closed as openAtFirst says until the user opens or closes it (kept across checks).
  const [toggled, setToggled] = useState<Record<string, boolean>>({});
  const open = groups.filter((g) => toggled[groupId(g)] ?? openAtFirst(g)).map(groupId);

  return (
    <section className="pane-section" aria-label={t("vue.controler")}>
      <div className="pane-row">
        <Button appearance="primary" disabled={busy} onClick={() => void check()}>
          {busy ? t("checking") : t("check")}
        </Button>
        <Switch checked={live} onChange={(_, d) => setLive(d.checked)} label={t("live")} />
      </div>
      {failure && (
        <MessageBar intent="error">
          <MessageBarBody>{t("failed", { message: failure })}</MessageBarBody>
        </MessageBar>
      )}
      {report && (
        <>
          <p role="status" aria-live="polite" data-testid="counts">
            {findings.length ? t("counts", { ...counts }) : t("noFinding")}
            {report.completion.total.required > 0 && ` · ${t("completion", { ...report.completion.total })}`}
          </p>
          <Checkbox
            checked={highlight}
            disabled={!findings.length && !highlight}
            onChange={(_, d) => void toggleHighlight(Boolean(d.checked))}
            label={t("highlight")}
          />
          {findings.length > 0 && (
            <div className="pane-filters">
              <Field label={t("severity")}>
                <Dropdown
                  multiselect
                  value={filter.severities.map((s) => t(`sev.${s}`)).join(", ")}
                  selectedOptions={filter.severities}
                  onOptionSelect={(_, d) => setFilter({ ...filter, severities: d.selectedOptions as Severity[] })}
                >
                  {SEVERITIES.map((s) => (
                    <Option key={s} value={s}>
                      {`${t(`sev.${s}`)} (${counts[s]})`}
                    </Option>
                  ))}
                </Dropdown>
              </Field>
              <Field label={t("rule")}>
                <Dropdown
                  value={filter.rule || t("all")}
                  selectedOptions={[filter.rule]}
                  onOptionSelect={(_, d) => setFilter({ ...filter, rule: d.optionValue ?? "" })}
                >
                  <Option value="">{t("all")}</Option>
                  {rules.map(([rule, n]) => (
                    <Option key={rule} value={rule}>{`${rule} (${n})`}</Option>
                  ))}
                </Dropdown>
              </Field>
            </div>
          )}
          {groups.length > 0 && (
            <Accordion
              multiple
              collapsible
              openItems={open}
              onToggle={(_, d) => {
                const id = String(d.value);
                setToggled((m) => ({ ...m, [id]: d.openItems.includes(id) }));
              }}
              aria-label={t("findingsTable")}
              data-testid="findings"
            >
              {groups.map((g) => (
                <AxeSection key={groupId(g)} group={g} schema={report.schema} />
              ))}
            </Accordion>
          )}
        </>
      )}
    </section>
  );
}

/** An accordion item's value: the axe's id, or one no axe id can be (ids are letters, digits, `_` and `.`). */
const groupId = (g: AxeGroup) => g.axe ?? "(classeur)";

/** « 2 erreurs, 1 avertissement · 244 saisies attendues vides »: what a group holds. */
function CountsLine({ counts, empty = 0 }: { counts: Record<Severity, number>; empty?: number }) {
  const { t } = usePane();
  const styles = useStyles();
  const severities = presentSeverities(counts)
    .map(([s, n]) => t(`count.${s}`, { count: n }))
    .join(", ");
  const parts = [severities, empty ? t("expectedEmpty", { count: empty }) : ""].filter(Boolean);
  return <Caption1 className={styles.counts}>{parts.join(" · ")}</Caption1>;
}

function AxeSection({ group, schema }: { group: AxeGroup; schema: Schema | undefined }) {
  const { t } = usePane();
  const styles = useStyles();
  const axe = schema?.axes.find((a) => a.id === group.axe);
  const title =
    group.axe === undefined
      ? t("wholeWorkbook")
      : axe
        ? `${schema!.niveaux.axe} ${axe.numero} — ${axe.titre}`
        : group.axe;
  return (
    <AccordionItem value={groupId(group)} data-testid={`axe-${group.axe ?? "classeur"}`}>
      <AccordionHeader as="h2">
        <span className={styles.axeHeader}>
          <Body1Strong>{title}</Body1Strong>
          <CountsLine counts={group.counts} empty={group.empty} />
        </span>
      </AccordionHeader>
      <AccordionPanel>
        {group.fiches.map((f) => (
          <FicheSection key={f.fiche ?? ""} group={f} schema={schema} />
        ))}
      </AccordionPanel>
    </AccordionItem>
  );
}

function FicheSection({ group, schema }: { group: FicheGroup; schema: Schema | undefined }) {
  const { t } = usePane();
  const styles = useStyles();
  const [expanded, setExpanded] = useState(false);
  const listId = useId();
  const fiche = schema?.axes.flatMap((a) => a.fiches).find((f) => f.id === group.fiche);
  const label = fiche ? `${schema!.niveaux.fiche} ${fiche.numero}` : group.fiche;
  const title = fiche ? `${label} — ${fiche.titre}` : label;
  return (
    <div className={styles.fiche} data-testid={`fiche-${group.fiche ?? ""}`}>
      {title !== undefined && (
        <div>
          <h3 className={styles.ficheTitle}>
            <strong>{label}</strong>
            {fiche && ` — ${fiche.titre}`}
          </h3>
          {group.findings.length > 0 && <CountsLine counts={group.counts} />}
        </div>
      )}
      <ul className={styles.list} id={listId} aria-label={title ?? t("findingsTable")}>
        {group.findings.map((f, i) => (
          <FindingRow key={i} finding={f} />
        ))}
        {group.empty.length > 0 && (
          <li className={styles.summary}>
            <Button
              appearance="transparent"
              size="small"
              aria-expanded={expanded}
              aria-controls={listId}
              className={styles.summary}
              onClick={() => setExpanded(!expanded)}
            >
              <span aria-hidden="true">{expanded ? "▾\u00a0" : "▸\u00a0"}</span>
              {t("expectedEmpty", { count: group.empty.length })}
            </Button>
          </li>
        )}
        {expanded && group.empty.map((f, i) => <FindingRow key={`empty-${i}`} finding={f} />)}
      </ul>
    </div>
  );
}

function FindingRow({ finding: f }: { finding: Finding }) {
  const { t, text } = usePane();
  const styles = useStyles();
  const place = f.sheet && f.cell ? `${shortSheet(f.sheet)}!${f.cell}` : shortSheet(f.sheet ?? "");
  return (
    <li className={styles.row} data-rule={f.rule}>
      <span className={styles.cell}>
        {f.sheet && f.cell ? (
          // The name holds the visible text (WCAG 2.5.3); the sheet's full name is in the tooltip.
          <Link
            as="button"
            aria-label={t("goTo", { cell: place })}
            title={`${f.sheet}!${f.cell}`}
            onClick={() => void allerA(f.sheet!, f.cell!)}
          >
            {place}
          </Link>
        ) : (
          place
        )}
      </span>
      <span className={styles.message}>
        <Badge size="small" appearance="tint" color={SEVERITY_COLOR[f.severity]} className={styles.badge}>
          {t(`sevOne.${f.severity}`)}
        </Badge>
        {text(f)}
      </span>
    </li>
  );
}
