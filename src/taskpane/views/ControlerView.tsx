/**
 * Contrôler: checks the open workbook, lists the findings (filterable by
 * severity, axe and rule; a click selects the cell), refreshes the Contrôles
 * sheet, highlights on demand, and re-checks while the user types.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import {
  Badge,
  Button,
  Checkbox,
  DataGrid,
  DataGridBody,
  DataGridCell,
  DataGridHeader,
  DataGridHeaderCell,
  DataGridRow,
  Dropdown,
  Field,
  MessageBar,
  MessageBarBody,
  Option,
  Switch,
  createTableColumn,
  type TableColumnDefinition,
} from "@fluentui/react-components";
import { SEVERITIES, countBySeverity, type Finding, type Severity } from "../../engine/validate/findings";
import { allerA, controler, effacerSurlignage, surligner, surveillerSaisies } from "../excel";
import { ALL, applyFilter, facets, keepValid, type FindingFilter } from "../findingsFilter";
import { errorText, usePane } from "../state";

const SEVERITY_COLOR = { erreur: "danger", avertissement: "warning", info: "informative" } as const;
const COLUMN_SIZES = {
  severity: { idealWidth: 96, minWidth: 80 },
  cell: { idealWidth: 64, minWidth: 56 },
  message: { idealWidth: 260, minWidth: 160 },
};

export function ControlerView() {
  const { t, lang, text, schema, report, setReport } = usePane();
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
  const { axes, rules } = useMemo(() => facets(findings), [findings]);
  const counts = countBySeverity(findings);
  const axeLabel = (id: string) => {
    const a = report?.schema?.axes.find((x) => x.id === id);
    return a ? `${report!.schema!.niveaux.axe} ${a.numero}` : id;
  };

  const columns: TableColumnDefinition<Finding>[] = [
    createTableColumn<Finding>({
      columnId: "severity",
      renderHeaderCell: () => t("severity"),
      renderCell: (f) => (
        <Badge appearance="tint" color={SEVERITY_COLOR[f.severity]}>
          {f.severity}
        </Badge>
      ),
    }),
    createTableColumn<Finding>({
      columnId: "cell",
      renderHeaderCell: () => t("cell"),
      renderCell: (f) =>
        f.sheet && f.cell ? (
          <Button
            appearance="transparent"
            size="small"
            aria-label={t("goTo", { cell: `${f.sheet}!${f.cell}` })}
            onClick={() => void allerA(f.sheet!, f.cell!)}
          >
            {f.cell}
          </Button>
        ) : (
          (f.sheet ?? "")
        ),
    }),
    createTableColumn<Finding>({
      columnId: "message",
      renderHeaderCell: () => t("message"),
      renderCell: (f) => text(f),
    }),
  ];

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
              <Field label={t("axe")}>
                <Dropdown
                  value={filter.axe ? axeLabel(filter.axe) : t("all")}
                  selectedOptions={[filter.axe]}
                  onOptionSelect={(_, d) => setFilter({ ...filter, axe: d.optionValue ?? "" })}
                >
                  <Option value="">{t("all")}</Option>
                  {axes.map(([id, n]) => (
                    <Option key={id} value={id}>{`${axeLabel(id)} (${n})`}</Option>
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
          {shown.length > 0 && (
            <DataGrid
              items={shown}
              columns={columns}
              getRowId={(f: Finding) => `${f.rule}|${f.sheet}|${f.cell}|${f.node}`}
              aria-label={t("findingsTable")}
              size="small"
              resizableColumns
              columnSizingOptions={COLUMN_SIZES}
            >
              <DataGridHeader>
                <DataGridRow>
                  {({ renderHeaderCell }) => <DataGridHeaderCell>{renderHeaderCell()}</DataGridHeaderCell>}
                </DataGridRow>
              </DataGridHeader>
              <DataGridBody<Finding>>
                {({ item, rowId }) => (
                  <DataGridRow<Finding> key={rowId} data-rule={item.rule}>
                    {({ renderCell }) => <DataGridCell>{renderCell(item)}</DataGridCell>}
                  </DataGridRow>
                )}
              </DataGridBody>
            </DataGrid>
          )}
        </>
      )}
    </section>
  );
}
