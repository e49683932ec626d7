/**
 * Schéma: pick a built-in, import a JSON model, read a référentiel table from the sheet, or paste a schéma's published
 * text (a draft, with the decisions to review); errors with their paths; a preview.
 */
import { useMemo, useRef, useState } from "react";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Caption1,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  Subtitle2,
  Textarea,
} from "@fluentui/react-components";
import { t as tr } from "../../i18n";
import { importText, type Decision } from "../../model/importText";
import { BUILTIN_IDS, loadBuiltin } from "../../model/builtins";
import { parseSchema, parseSchemaJson, type ParseResult } from "../../model/parse";
import { fromTable } from "../../model/referentiel/fromTable";
import { countSchema, departementConnu } from "../../model/summary";
import { formatIssue } from "../../model/issues";
import { decodeText } from "../../model/textFile";
import { lireTableSelection } from "../excel";
import { errorText, usePane } from "../state";

export function SchemaView() {
  const { t, lang, schema, setSchema } = usePane();
  const builtins = useMemo(() => BUILTIN_IDS.map((id) => countSchema(loadBuiltin(id))), []);
  const [errors, setErrors] = useState<string[]>([]);
  const [infos, setInfos] = useState<string[]>([]);
  const [failure, setFailure] = useState<string>();
  const fileInput = useRef<HTMLInputElement>(null);
  const [pasted, setPasted] = useState("");
  const [decisions, setDecisions] = useState<Decision[]>([]);

  const take = (r: ParseResult, read: string[] = [], unsure: Decision[] = []) => {
    setInfos(read);
    setDecisions(unsure);
    if (r.ok) {
      setSchema(r.schema);
      setErrors([]);
    } else setErrors(r.errors.map((e) => formatIssue(e, lang)));
  };
  const importJson = async (file: File | undefined) => {
    if (!file) return;
    const decoded = decodeText(new Uint8Array(await file.arrayBuffer()), file.name);
    if (!decoded.ok) take({ ok: false, errors: [decoded.error], warnings: [] });
    else
      take(
        parseSchemaJson(decoded.text),
        decoded.infos.map((i) => formatIssue(i, lang)),
      );
  };
  // The same import as `bilan import-text`: the draft becomes the current schéma, its unsure decisions are listed.
  const importPasted = () => {
    const r = importText(pasted);
    take(parseSchema(r.model), [], r.decisions);
  };
  const readTable = async () => {
    try {
      setFailure(undefined);
      take(fromTable(await lireTableSelection()));
    } catch (e) {
      setFailure(errorText(e, lang));
    }
  };

  return (
    <section aria-labelledby="schemas-heading" className="pane-section">
      <Subtitle2 as="h2" id="schemas-heading">
        {t("schemasHeading")}
      </Subtitle2>
      <RadioGroup
        aria-labelledby="schemas-heading"
        value={schema?.id ?? ""}
        onChange={(_, d) => take({ ok: true, schema: loadBuiltin(d.value), warnings: [] })}
      >
        {builtins.map((s) => (
          <Radio
            key={s.id}
            value={s.id}
            label={`${[departementConnu(s.departement), s.title].filter(Boolean).join(" — ")} — ${t("period", { value: s.period })} · ${t("n.axes", { count: s.axes })}, ${t("n.fiches", { count: s.fiches })}, ${t("n.indicateurs", { count: s.indicateurs })}`}
          />
        ))}
      </RadioGroup>
      <div className="pane-row">
        <Button onClick={() => fileInput.current?.click()}>{t("importJson")}</Button>
        <input
          ref={fileInput}
          type="file"
          accept=".json,application/json"
          hidden
          aria-label={t("importJson")}
          data-testid="import-json"
          onChange={(e) => void importJson(e.target.files?.[0])}
        />
        <Button onClick={() => void readTable()}>{t("readTable")}</Button>
      </div>
      <Field label={t("pasteText")} hint={t("pasteHint")}>
        <Textarea value={pasted} onChange={(_, d) => setPasted(d.value)} resize="vertical" data-testid="paste-text" />
      </Field>
      <div className="pane-row">
        <Button disabled={!pasted.trim()} onClick={importPasted}>
          {t("importText")}
        </Button>
      </div>
      {failure && (
        <MessageBar intent="error">
          <MessageBarBody>{t("failed", { message: failure })}</MessageBarBody>
        </MessageBar>
      )}
      {infos.map((i) => (
        <MessageBar key={i} intent="info">
          <MessageBarBody>{i}</MessageBarBody>
        </MessageBar>
      ))}
      {errors.length > 0 && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t("modelErrors", { count: errors.length })}</MessageBarTitle>
            <ul>
              {errors.slice(0, 50).map((e) => (
                <li key={e}>{e}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {decisions.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t("toReview", { count: decisions.length })}</MessageBarTitle>
            <ul>
              {decisions.slice(0, 100).map((d) => (
                <li key={d.key}>
                  {t("decision", {
                    line: d.line,
                    kind: tr(lang, `importText.kind.${d.kind}`),
                    text: d.text,
                    key: d.key,
                  })}
                </li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {schema && <SchemaTree />}
    </section>
  );
}

function SchemaTree() {
  const { t, schema } = usePane();
  if (!schema) return null;
  const c = countSchema(schema);
  return (
    <div aria-label={t("tree")}>
      <Subtitle2 as="h3">{t("current", { title: schema.titre })}</Subtitle2>
      <Caption1 block>
        {[departementConnu(schema.departement), t("period", { value: c.period })].filter(Boolean).join(" · ")} ·{" "}
        {[
          t("n.axes", { count: c.axes }),
          t("n.fiches", { count: c.fiches }),
          t("n.sousActions", { count: c.sousActions }),
          t("n.indicateurs", { count: c.indicateurs }),
        ].join(", ")}
      </Caption1>
      <Accordion multiple collapsible>
        {schema.axes.map((axe) => (
          <AccordionItem key={axe.id} value={axe.id}>
            <AccordionHeader>
              {schema.niveaux.axe} {axe.numero} — {axe.titre} ({axe.fiches.length})
            </AccordionHeader>
            <AccordionPanel>
              <ul>
                {axe.fiches.map((f) => (
                  <li key={f.id}>
                    {t("ficheLine", {
                      numero: f.numero,
                      titre: f.titre,
                      sa: f.sousActions.length,
                      ind: f.indicateurs.length,
                    })}
                  </li>
                ))}
              </ul>
            </AccordionPanel>
          </AccordionItem>
        ))}
      </Accordion>
    </div>
  );
}
