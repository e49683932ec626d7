/** Exporter: the open workbook's values in the tidy long format, downloaded as CSV or JSON. */
import { useState } from "react";
import { Button, Checkbox, Field, MessageBar, MessageBarBody, Radio, RadioGroup } from "@fluentui/react-components";
import { tidyRows, TIDY_COLUMNS } from "../../engine/tidy";
import { writeCsv } from "../../model/referentiel/csv";
import { lireBilan } from "../excel";
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
  const [result, setResult] = useState<{ intent: "success" | "error"; text: string }>();

  const run = async () => {
    try {
      const report = await lireBilan();
      const rows = tidyRows("classeur ouvert", report.schema, report.meta, report.values);
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
      setResult({ intent: "success", text: t("exported", { rows: rows.length }) });
    } catch (e) {
      setResult({ intent: "error", text: failure(e) });
    }
  };

  return (
    <section className="pane-section" aria-label={t("vue.exporter")}>
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
      <Button appearance="primary" onClick={() => void run()}>
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
