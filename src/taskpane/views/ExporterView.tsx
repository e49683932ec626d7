/**
 * Exporter: the open workbook's values in the tidy long format, written into a sheet as an Excel table (works
 * everywhere, Power Query reads it), or downloaded as CSV or JSON where the pane may download (not Excel on Mac).
 */
import { useState } from "react";
import {
  Button,
  Caption1,
  Checkbox,
  Field,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
} from "@fluentui/react-components";
import { TIDY_COLUMNS } from "../../engine/tidy";
import { writeCsv } from "../../model/referentiel/csv";
import { ecrireExport, lireExport } from "../excel";
import { usePane } from "../state";

function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function ExporterView() {
  const { t, lang, failure } = usePane();
  const [format, setFormat] = useState<"csv" | "json">("csv");
  const [semicolon, setSemicolon] = useState(lang === "fr");
  const [bom, setBom] = useState(true);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ intent: "success" | "error"; text: string }>();

  const attempt = async (work: () => Promise<string>) => {
    setBusy(true);
    try {
      setResult({ intent: "success", text: await work() });
    } catch (e) {
      setResult({ intent: "error", text: failure(e) });
    } finally {
      setBusy(false);
    }
  };

  const writeSheet = () =>
    attempt(async () => {
      const { rows, report } = await lireExport();
      const done = await ecrireExport(rows, report.meta.modelId);
      return t("writtenSheet", { rows: done.rows, table: done.table, sheet: done.sheet });
    });

  const downloadFile = () =>
    attempt(async () => {
      const { rows, report } = await lireExport();
      const base = `bilan-${report.schema.id}-${report.meta.campaignYear}`;
      if (format === "json") download(`${base}.json`, JSON.stringify(rows, null, 2), "application/json");
      else
        download(
          `${base}.csv`,
          writeCsv([[...TIDY_COLUMNS], ...rows.map((r) => TIDY_COLUMNS.map((c) => r[c]))], {
            delimiter: semicolon ? ";" : ",",
            bom,
            escapeFormulas: true,
          }),
          "text/csv;charset=utf-8",
        );
      return t("exported", { rows: rows.length });
    });

  return (
    <section className="pane-section" aria-label={t("vue.exporter")}>
      <Button appearance="primary" disabled={busy} onClick={() => void writeSheet()}>
        {t("writeSheet")}
      </Button>
      <Caption1>{t("writeSheetHint")}</Caption1>
      <Field label={t("format")}>
        <RadioGroup value={format} onChange={(_, d) => setFormat(d.value as "csv" | "json")} layout="horizontal">
          <Radio value="csv" label="CSV" />
          <Radio value="json" label="JSON" />
        </RadioGroup>
      </Field>
      {format === "csv" && (
        <>
          <Checkbox checked={semicolon} onChange={(_, d) => setSemicolon(Boolean(d.checked))} label={t("semicolon")} />
          <Checkbox checked={bom} onChange={(_, d) => setBom(Boolean(d.checked))} label={t("bom")} />
        </>
      )}
      <Button appearance="secondary" disabled={busy} onClick={() => void downloadFile()}>
        {t("download")}
      </Button>
      {result && (
        <MessageBar intent={result.intent}>
          <MessageBarBody>{result.text}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
