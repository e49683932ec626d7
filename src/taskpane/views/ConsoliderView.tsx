/**
 * Consolider: partner workbooks picked by the user are read in the browser
 * (the .xlsx host), validated, and judged by the engine against the open
 * workbook's model and campaign, as `bilan consolidate` judges them: listed as
 * accepted, set aside or rejected with the reason; the accepted ones are then
 * merged into the open workbook.
 */
import { useRef, useState } from "react";
import { Badge, Button, MessageBar, MessageBarBody, Subtitle2 } from "@fluentui/react-components";
import { consolidate, sourceReport, type Consolidation } from "../../engine/consolidate";
import { langOf } from "../../engine/plan";
import { awaited } from "../../engine/register";
import { retourName } from "../../engine/registerReport";
import { unreadableReport, validateSnapshot } from "../../engine/validate";
import { snapshotXlsx } from "../../hosts/xlsx/snapshot";
import { fusionner, lireBilan } from "../excel";
import { usePane } from "../state";

export function ConsoliderView() {
  const { t, text, failure, lang } = usePane();
  const input = useRef<HTMLInputElement>(null);
  const [result, setResult] = useState<Consolidation>();
  const [message, setMessage] = useState<{ intent: "success" | "warning" | "error"; text: string }>();

  const pick = async (files: FileList | null) => {
    setMessage(undefined);
    setResult(undefined);
    let open;
    try {
      open = await lireBilan();
    } catch (e) {
      setMessage({ intent: "error", text: failure(e) });
      return;
    }
    const sources = [];
    for (const file of [...(files ?? [])]) {
      const snap = await snapshotXlsx(new Uint8Array(await file.arrayBuffer()), file.name);
      sources.push({
        file: file.name,
        report: sourceReport(
          snap.ok
            ? validateSnapshot(snap.snapshot)
            : unreadableReport(file.name, snap.refusal.key, snap.refusal.params),
        ),
      });
    }
    // The open workbook's register of returns, with the states typed in its sheet, is updated as the CLI's is.
    setResult(
      consolidate(
        sources,
        { schema: open.schema, campaignYear: open.meta.campaignYear, lang: langOf(open.meta) },
        {
          ...(open.meta.register ? { previous: open.meta.register } : {}),
          saisis: open.etatsSaisis ?? [],
          master: { schema: open.schema, meta: open.meta },
        },
      ),
    );
  };

  const merge = async () => {
    if (!result) return;
    try {
      const { written, skipped } = await fusionner(result, await lireBilan());
      const count = result.accepted.length;
      const lines = [t(written ? "merged" : "mergedNothing", { count, values: written })];
      if (skipped.length) lines.push(t("mergedSkipped", { skipped: skipped.length }));
      // Green only when values were written and none was left without a cell.
      setMessage({ intent: written && !skipped.length ? "success" : "warning", text: lines.join(" ") });
    } catch (e) {
      setMessage({ intent: "error", text: failure(e) });
    }
  };

  return (
    <section className="pane-section" aria-label={t("vue.consolider")}>
      <Button onClick={() => input.current?.click()}>{t("pickFiles")}</Button>
      <input
        ref={input}
        type="file"
        multiple
        hidden
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        aria-label={t("pickFiles")}
        data-testid="pick-files"
        onChange={(e) => void pick(e.target.files)}
      />
      {result && (
        <ul className="pane-list" aria-label={t("vue.consolider")}>
          {result.accepted.map((a) => (
            <li key={a.file}>
              <Badge color="success" appearance="tint">
                {t("accepted")}
              </Badge>{" "}
              {a.file} — {a.who}
            </li>
          ))}
          {result.setAside.map((r) => (
            <li key={r.file}>
              <Badge color="warning" appearance="tint">
                {t("setAside")}
              </Badge>{" "}
              {r.file} — {text(r.reason)}
            </li>
          ))}
          {result.rejected.map((r) => (
            <li key={r.file}>
              <Badge color="danger" appearance="tint">
                {t("rejected")}
              </Badge>{" "}
              {r.file} — {text(r.reason)}
            </li>
          ))}
        </ul>
      )}
      {result && result.divergences.length > 0 && (
        <>
          <Subtitle2 as="h3">{t("divergences", { count: result.divergences.length })}</Subtitle2>
          <ul className="pane-list" aria-label={t("divergences", { count: result.divergences.length })}>
            {result.divergences.map((d) => (
              <li key={d.key}>
                {d.label} — {d.answers}
              </li>
            ))}
          </ul>
        </>
      )}
      {result && result.outliers.length > 0 && (
        <>
          <Subtitle2 as="h3">{t("outliers", { count: result.outliers.length })}</Subtitle2>
          <ul className="pane-list" aria-label={t("outliers", { count: result.outliers.length })}>
            {result.outliers.map((o) => (
              <li key={`${o.node}\u0000${o.who}`}>{text(o)}</li>
            ))}
          </ul>
        </>
      )}
      {result?.register && awaited(result.register).length > 0 && (
        // Tens of partners may not have answered: their count in sight, their names on demand.
        <details className="pane-details">
          <summary>{t("awaited", { count: awaited(result.register).length })}</summary>
          <ul className="pane-list">
            {awaited(result.register).map((r) => (
              <li key={r.cut}>{result.schema ? retourName(r, result.schema, lang) : r.who}</li>
            ))}
          </ul>
        </details>
      )}
      {result && result.accepted.length > 0 && (
        <Button appearance="primary" onClick={() => void merge()}>
          {t("merge")}
        </Button>
      )}
      {message && (
        <MessageBar intent={message.intent} data-intent={message.intent}>
          <MessageBarBody>{message.text}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
