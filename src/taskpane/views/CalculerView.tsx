/**
 * Calculer: recalculates the open workbook and redraws the Sommaire's chart;
 * shows the engine's figures per axe and for the whole schéma in the pane.
 */
import { useState } from "react";
import { Button, Field, MessageBar, MessageBarBody, ProgressBar } from "@fluentui/react-components";
import { computeRollups, type Rollups } from "../../engine/rollup";
import { untrustedFinding, validateSnapshot } from "../../engine/validate";
import { calculerTableauDeBord, lireClasseur } from "../excel";
import { errorText, usePane } from "../state";

const percent = (v: number | undefined) => (v === undefined ? undefined : `${Math.round(v * 1000) / 10} %`);

export function CalculerView() {
  const { t, lang, text } = usePane();
  const [rollups, setRollups] = useState<Rollups>();
  const [message, setMessage] = useState<{ intent: "success" | "error"; text: string }>();

  const run = async () => {
    setMessage(undefined);
    try {
      const report = validateSnapshot(await lireClasseur());
      const blocking = untrustedFinding(report);
      if (blocking || !report.schema || !report.meta || !report.plan)
        return setMessage({ intent: "error", text: blocking ? text(blocking) : t("noExcel") });
      setRollups(computeRollups(report.schema, report.meta, report.values, { findings: report.findings }));
      await calculerTableauDeBord(report.plan);
      setMessage({ intent: "success", text: t("dashboardDone") });
    } catch (e) {
      setMessage({ intent: "error", text: t("failed", { message: errorText(e, lang) }) });
    }
  };

  const levels = rollups
    ? [
        ...rollups.axes.map((a) => ({ id: a.id, name: `${t("axe")} ${a.numero} — ${a.titre}`, r: a })),
        { id: "schema", name: t("vue.schema"), r: rollups },
      ]
    : [];
  return (
    <section className="pane-section" aria-label={t("vue.calculer")}>
      <Button appearance="primary" onClick={() => void run()}>
        {t("calculate")}
      </Button>
      {message && (
        <MessageBar intent={message.intent}>
          <MessageBarBody>{message.text}</MessageBarBody>
        </MessageBar>
      )}
      {levels.map(({ id, name, r }) => (
        <Field
          key={id}
          label={name}
          data-testid={`rollup-${id}`}
          hint={t("progressAxe", {
            calendrier: percent(r.avancement) ?? t("notComputed"),
            completude: percent(r.completude) ?? t("notComputed"),
            cibles: percent(r.atteinte) ?? t("notComputed"),
          })}
        >
          <ProgressBar value={r.avancement ?? 0} max={1} aria-label={name} />
        </Field>
      ))}
    </section>
  );
}
