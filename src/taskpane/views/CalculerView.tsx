/**
 * Calculer: recalculates the open workbook and redraws the Sommaire's chart;
 * shows the engine's figures per axe and for the whole schéma in the pane, and
 * draws the line chart of an indicator the user picks.
 */
import { useState } from "react";
import { Button, Dropdown, Field, MessageBar, MessageBarBody, Option, ProgressBar } from "@fluentui/react-components";
import type { WorkbookPlan } from "../../engine/plan";
import type { Schema, ValueType } from "../../model/schema";
import { familleOf } from "../../model/valueTypes";
import { computeRollups, type Rollups } from "../../engine/rollup";
import { calculerTableauDeBord, lireBilan, tracerIndicateur } from "../excel";
import { usePane } from "../state";
import type { Lang } from "../../i18n";

/** Indicators a line can show. */
const isNumeric = (type: ValueType) => ["nombre", "ratio"].includes(familleOf(type));

/** « 78,6 % » in French (decimal comma, narrow no-break space), "78.6%" in English. */
const percent = (v: number | undefined, lang: Lang) =>
  v === undefined
    ? undefined
    : new Intl.NumberFormat(lang === "en" ? "en-GB" : "fr-FR", { style: "percent", maximumFractionDigits: 1 }).format(
        v,
      );

export function CalculerView() {
  const { t, lang, failure } = usePane();
  const [rollups, setRollups] = useState<Rollups>();
  const [ready, setReady] = useState<{ plan: WorkbookPlan; schema: Schema }>();
  const [indicator, setIndicator] = useState("");
  const [message, setMessage] = useState<{ intent: "success" | "error"; text: string }>();

  const run = async () => {
    setMessage(undefined);
    try {
      const report = await lireBilan();
      setRollups(computeRollups(report.schema, report.meta, report.values, { findings: report.findings }));
      setReady({ plan: report.plan, schema: report.schema });
      await calculerTableauDeBord(report.plan);
      setMessage({ intent: "success", text: t("dashboardDone") });
    } catch (e) {
      setMessage({ intent: "error", text: failure(e) });
    }
  };

  const drawable = ready
    ? ready.schema.axes
        .flatMap((a) => a.fiches)
        .filter((f) => ready.plan.meta.fiches.includes(f.id))
        .flatMap((f) => f.indicateurs)
        .filter((i) => isNumeric(i.type))
    : [];
  const draw = async () => {
    const ind = drawable.find((i) => i.id === indicator);
    if (!ready || !ind) return;
    try {
      await tracerIndicateur(ready.plan, ready.schema, ind);
      setMessage({ intent: "success", text: t("chartDone", { libelle: ind.libelle }) });
    } catch (e) {
      setMessage({ intent: "error", text: failure(e) });
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
      {drawable.length > 0 && (
        <div className="pane-row">
          <Field label={t("chartIndicator")}>
            <Dropdown
              value={drawable.find((i) => i.id === indicator)?.libelle ?? ""}
              selectedOptions={indicator ? [indicator] : []}
              onOptionSelect={(_, d) => setIndicator(d.optionValue ?? "")}
            >
              {drawable.map((i) => (
                <Option key={i.id} value={i.id}>
                  {i.libelle}
                </Option>
              ))}
            </Dropdown>
          </Field>
          <Button disabled={!indicator} onClick={() => void draw()}>
            {t("chartDraw")}
          </Button>
        </div>
      )}
      {levels.map(({ id, name, r }) => (
        <Field
          key={id}
          label={name}
          data-testid={`rollup-${id}`}
          hint={t("progressAxe", {
            calendrier: percent(r.avancement, lang) ?? t("notComputed"),
            completude: percent(r.completude, lang) ?? t("notComputed"),
            cibles: r.cibles ?? t("notComputed"),
          })}
        >
          <ProgressBar value={r.avancement ?? 0} max={1} aria-label={name} />
        </Field>
      ))}
    </section>
  );
}
