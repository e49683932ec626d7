/**
 * Consolider: partner workbooks picked by the user are read in the browser
 * (the .xlsx host), validated, listed as accepted or rejected with the
 * reason, and the accepted ones merged into the open workbook.
 */
import { useRef, useState } from "react";
import { Badge, Button, MessageBar, MessageBarBody } from "@fluentui/react-components";
import { consolidate, type Consolidation } from "../../engine/consolidate";
import { unreadableReport, validateSnapshot } from "../../engine/validate";
import { snapshotXlsx } from "../../hosts/xlsx/snapshot";
import { fusionner, lireBilan } from "../excel";
import { usePane } from "../state";

export function ConsoliderView() {
  const { t, text, failure } = usePane();
  const input = useRef<HTMLInputElement>(null);
  const [result, setResult] = useState<Consolidation>();
  const [message, setMessage] = useState<{ intent: "success" | "error"; text: string }>();

  const pick = async (files: FileList | null) => {
    setMessage(undefined);
    const sources = [];
    for (const file of [...(files ?? [])]) {
      const snap = await snapshotXlsx(new Uint8Array(await file.arrayBuffer()), file.name);
      sources.push({
        file: file.name,
        report: snap.ok
          ? validateSnapshot(snap.snapshot)
          : unreadableReport(file.name, snap.refusal.key, snap.refusal.params),
      });
    }
    setResult(consolidate(sources));
  };

  const merge = async () => {
    if (!result) return;
    try {
      const { written } = await fusionner(result, (await lireBilan()).plan);
      setMessage({ intent: "success", text: t("merged", { count: result.accepted.length, values: written }) });
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
      {result && result.accepted.length > 0 && (
        <Button appearance="primary" onClick={() => void merge()}>
          {t("merge")}
        </Button>
      )}
      {message && (
        <MessageBar intent={message.intent}>
          <MessageBarBody>{message.text}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
