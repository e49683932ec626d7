/** Générer: campaign, calendar columns, whole schéma or a cut, password; a progress bar and a cancel button. */
import { useRef, useState } from "react";
import {
  Button,
  Checkbox,
  Dropdown,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Option,
  ProgressBar,
  Radio,
  RadioGroup,
} from "@fluentui/react-components";
import { GRANULARITES, type Granularite } from "../../model/schema";
import { layoutWorkbook } from "../../engine/layout";
import type { RenderProgress } from "../../hosts/office/renderPlan";
import { generer } from "../excel";
import { usePane } from "../state";

type Cut = "tout" | "partenaire" | "territoire";

export function GenererView() {
  const { t, text, schema, failure, lang } = usePane();
  const now = new Date().getFullYear();
  const [year, setYear] = useState<number>();
  const [granularite, setGranularite] = useState<Granularite>();
  const [cut, setCut] = useState<Cut>("tout");
  const [who, setWho] = useState<string>("");
  const [password, setPassword] = useState("");
  const [replace, setReplace] = useState(false);
  const [progress, setProgress] = useState<RenderProgress>();
  const [result, setResult] = useState<{ intent: "success" | "error"; text: string }>();
  const abort = useRef<AbortController | undefined>(undefined);

  if (!schema)
    return (
      <MessageBar intent="info">
        <MessageBarBody>{t("chooseFirst")}</MessageBarBody>
      </MessageBar>
    );
  const years = Array.from(
    { length: schema.periode.fin - schema.periode.debut + 1 },
    (_, i) => schema.periode.debut + i,
  );
  const campaign = year ?? Math.min(Math.max(now, schema.periode.debut), schema.periode.fin);
  const g = granularite ?? schema.granularite;
  const whoList = cut === "partenaire" ? schema.partenaires : cut === "territoire" ? schema.territoires : [];

  const run = async () => {
    setResult(undefined);
    const layout = layoutWorkbook(schema, {
      campaignYear: campaign,
      granularite: g,
      ...(cut !== "tout" && who ? { cut: { kind: cut, id: who } } : {}),
      ...(password ? { password } : {}),
      // The workbook in the pane's language (Office's display language), as the pane speaks.
      lang,
    });
    if (!layout.ok) return setResult({ intent: "error", text: text(layout.error) });
    abort.current = new AbortController();
    try {
      await generer(layout.plan, { replace, signal: abort.current.signal, onProgress: setProgress });
      setResult({ intent: "success", text: t("generated", { sheets: layout.plan.sheets.length }) });
    } catch (e) {
      setResult({
        intent: "error",
        text: failure(e),
      });
    } finally {
      setProgress(undefined);
      abort.current = undefined;
    }
  };

  const busy = progress !== undefined;
  return (
    <section className="pane-section" aria-label={t("vue.generer")}>
      <Field label={t("year")}>
        <Dropdown
          value={String(campaign)}
          selectedOptions={[String(campaign)]}
          onOptionSelect={(_, d) => setYear(Number(d.optionValue))}
        >
          {years.map((y) => (
            <Option key={y} value={String(y)}>
              {String(y)}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Field label={t("granularity")}>
        <Dropdown
          value={t(`g.${g}`)}
          selectedOptions={[g]}
          onOptionSelect={(_, d) => setGranularite(d.optionValue as Granularite)}
        >
          {GRANULARITES.map((x) => (
            <Option key={x} value={x}>
              {t(`g.${x}`)}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Field label={t("cut")}>
        <RadioGroup
          value={cut}
          onChange={(_, d) => {
            setCut(d.value as Cut);
            setWho("");
          }}
        >
          <Radio value="tout" label={t("cutAll")} />
          <Radio value="partenaire" label={t("cutPartner")} disabled={!schema.partenaires.length} />
          <Radio value="territoire" label={t("cutTerritory")} disabled={!schema.territoires.length} />
        </RadioGroup>
      </Field>
      {cut !== "tout" && (
        <Field label={t("cutWho")}>
          <Dropdown
            value={whoList.find((x) => x.id === who)?.nom ?? ""}
            selectedOptions={who ? [who] : []}
            onOptionSelect={(_, d) => setWho(d.optionValue ?? "")}
          >
            {whoList.map((x) => (
              <Option key={x.id} value={x.id}>
                {x.nom}
              </Option>
            ))}
          </Dropdown>
        </Field>
      )}
      <Field label={t("password")}>
        <Input type="password" value={password} onChange={(_, d) => setPassword(d.value)} autoComplete="new-password" />
      </Field>
      <Checkbox checked={replace} onChange={(_, d) => setReplace(Boolean(d.checked))} label={t("replace")} />
      <div className="pane-row">
        <Button appearance="primary" disabled={busy || (cut !== "tout" && !who)} onClick={() => void run()}>
          {t("generate")}
        </Button>
        {busy && <Button onClick={() => abort.current?.abort()}>{t("cancel")}</Button>}
      </div>
      {progress && (
        <Field
          validationMessage={t("progress", {
            done: Math.min(progress.done + 1, progress.total),
            total: progress.total,
            sheet: progress.sheet,
          })}
          validationState="none"
        >
          <ProgressBar value={progress.done / progress.total} aria-label={t("vue.generer")} />
        </Field>
      )}
      {result && (
        <MessageBar intent={result.intent} layout="multiline">
          <MessageBarBody>{result.text}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
