import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import {
  extractAssociatedFunctions,
  validateManifest,
  type ManifestIssue,
  type ValidateManifestOptions,
} from "../../src/manifest/validateManifest";

const ROOT = path.resolve(__dirname, "..", "..");
const MANIFEST = readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
const FUNCTIONS = extractAssociatedFunctions(readFileSync(path.join(ROOT, "src", "commands", "commands.ts"), "utf8"));
const OPTS: ValidateManifestOptions = {
  assetsDir: path.join(ROOT, "assets"),
  devServerOrigin: "https://localhost:3000",
  functionNames: FUNCTIONS,
};

const HOST = "/OfficeApp/VersionOverrides/Hosts/Host[@xsi:type='Workbook']";
const GROUP =
  `${HOST}/DesktopFormFactor` +
  "/ExtensionPoint[@xsi:type='PrimaryCommandSurface']/CustomTab[@id='TabBilanSchema']/Group[@id='GrpBilanSchema']";
const RUNTIME = `${HOST}/Runtimes/Runtime`;
const SHARED_RUNTIME_SET = '\n      <Set Name="SharedRuntime" MinVersion="1.1"/>';
const RESOURCES = "/OfficeApp/VersionOverrides/Resources";

/** The real manifest with string edits; each searched text must be found exactly as written. */
function edit(...changes: [string, string][]): string {
  let xml = MANIFEST;
  for (const [from, to] of changes) {
    if (!xml.includes(from)) throw new Error(`text not in manifest.xml: ${from}`);
    xml = xml.replace(from, to);
  }
  return xml;
}

function codes(issues: ManifestIssue[]): string[] {
  return issues.map((i) => `${i.code} ${i.path}`);
}

describe("validateManifest on the real manifest", () => {
  it("finds the functions that commands.ts associates", () => {
    expect(FUNCTIONS.sort()).toEqual(["calculer", "controler", "generer"]);
  });

  it("passes with no error and no warning", () => {
    const report = validateManifest(MANIFEST, OPTS);
    expect(report.errors).toEqual([]);
    expect(report.warnings).toEqual([]);
  });

  it("declares one long-lived shared runtime on the pane's page, used by FunctionFile and every ShowTaskpane", () => {
    expect(MANIFEST).toContain('<Set Name="SharedRuntime" MinVersion="1.1"/>');
    expect(MANIFEST.match(/<Runtime /g)).toHaveLength(1);
    expect(MANIFEST).toContain('<Runtime resid="Taskpane.Url" lifetime="long"/>');
    expect(MANIFEST).toContain('<FunctionFile resid="Taskpane.Url"/>');
    const sources = [...MANIFEST.matchAll(/<SourceLocation resid="([^"]+)"\/>/g)].map((m) => m[1]);
    expect(sources).toEqual(["Taskpane.Url"]);
    expect([...MANIFEST.matchAll(/<FunctionName>(\w+)<\/FunctionName>/g)].map((m) => m[1])).toEqual([
      "generer",
      "controler",
      "calculer",
    ]);
  });

  it("passes without the function list too", () => {
    const report = validateManifest(MANIFEST, { ...OPTS, functionNames: undefined });
    expect(report.errors).toEqual([]);
  });
});

describe("validateManifest on broken variants", () => {
  const cases: {
    name: string;
    xml: () => string;
    code: string;
    path: string;
    warning?: boolean;
    opts?: Partial<ValidateManifestOptions>;
  }[] = [
    {
      name: "malformed XML",
      xml: () => edit(["<Permissions>ReadWriteDocument</Permissions>", "<Permissions>ReadWriteDocument</Permission>"]),
      code: "xml.malformed",
      path: "/",
    },
    {
      name: "missing Id",
      xml: () => edit(["  <Id>8f9538af-f61a-44df-aa67-34b89b9a14b8</Id>\n", ""]),
      code: "element.missing",
      path: "/OfficeApp/Id",
    },
    {
      name: "Id that is not a GUID",
      xml: () => edit(["8f9538af-f61a-44df-aa67-34b89b9a14b8", "8f9538af-f61a-44df-aa67-34b89b9a14bZ"]),
      code: "id.guid",
      path: "/OfficeApp/Id",
    },
    {
      name: "Version not n.n.n.n",
      xml: () => edit(["<Version>1.0.0.0</Version>", "<Version>1.0-beta</Version>"]),
      code: "version.format",
      path: "/OfficeApp/Version",
    },
    {
      name: "elements out of the schema's order",
      xml: () =>
        edit(
          ["  <Version>1.0.0.0</Version>\n", ""],
          [
            "  <ProviderName>Bilan Schéma</ProviderName>\n",
            "  <ProviderName>Bilan Schéma</ProviderName>\n  <Version>1.0.0.0</Version>\n",
          ],
        ),
      code: "element.order",
      path: "/OfficeApp/Version",
    },
    {
      name: "http URL",
      xml: () =>
        edit([
          '<SourceLocation DefaultValue="https://localhost:3000/taskpane.html"/>',
          '<SourceLocation DefaultValue="http://localhost:3000/taskpane.html"/>',
        ]),
      code: "url.notHttps",
      path: "/OfficeApp/DefaultSettings/SourceLocation",
    },
    {
      name: "http URL in a resource",
      xml: () =>
        edit([
          '<bt:Url id="GetStarted.LearnMoreUrl" DefaultValue="https://localhost:3000/aide.html"/>',
          '<bt:Url id="GetStarted.LearnMoreUrl" DefaultValue="http://localhost:3000/aide.html"/>',
        ]),
      code: "url.notHttps",
      path: `${RESOURCES}/bt:Urls/bt:Url[@id='GetStarted.LearnMoreUrl']`,
    },
    {
      name: "dangling resid",
      xml: () => edit(['<Label resid="BtnGenerer.Label"/>', '<Label resid="BtnGenerer.Lable"/>']),
      code: "resid.dangling",
      path: `${GROUP}/Control[@id='BtnGenerer']/Label`,
    },
    {
      name: "resid of the wrong kind",
      xml: () => edit(['<Label resid="BtnGenerer.Label"/>', '<Label resid="BtnGenerer.Tooltip"/>']),
      code: "resid.wrongKind",
      path: `${GROUP}/Control[@id='BtnGenerer']/Label`,
    },
    {
      name: "duplicate resource id",
      xml: () => edit(['<bt:Image id="Generer.32x32"', '<bt:Image id="Generer.16x16"']),
      code: "resource.duplicateId",
      path: `${RESOURCES}/bt:Images/bt:Image[@id='Generer.16x16'][2]`,
    },
    {
      name: "resource id longer than 32 characters",
      xml: () =>
        edit(
          ['<bt:Url id="GetStarted.LearnMoreUrl"', '<bt:Url id="GetStarted.LearnMoreUrl.For.The.Help"'],
          [
            '<LearnMoreUrl resid="GetStarted.LearnMoreUrl"/>',
            '<LearnMoreUrl resid="GetStarted.LearnMoreUrl.For.The.Help"/>',
          ],
        ),
      code: "resource.idTooLong",
      path: `${RESOURCES}/bt:Urls/bt:Url[@id='GetStarted.LearnMoreUrl.For.The.Help']`,
    },
    {
      name: "missing icon file",
      xml: () => edit(["assets/calculer-80.png", "assets/calculer-absent-80.png"]),
      code: "icon.missingFile",
      path: `${RESOURCES}/bt:Images/bt:Image[@id='Calculer.80x80']`,
    },
    {
      name: "icon of the wrong size",
      xml: () =>
        edit([
          '<bt:Image id="Generer.16x16" DefaultValue="https://localhost:3000/assets/generer-16.png"/>',
          '<bt:Image id="Generer.16x16" DefaultValue="https://localhost:3000/assets/generer-32.png"/>',
        ]),
      code: "icon.wrongSize",
      path: `${GROUP}/Control[@id='BtnGenerer']/Icon/bt:Image[@size='16']`,
    },
    {
      name: "button icon without its 80 px image",
      xml: () => edit(['<bt:Image size="80" resid="Calculer.80x80"/>\n', "\n"]),
      code: "icon.missingSize",
      path: `${GROUP}/Control[@id='BtnCalculer']/Icon`,
    },
    {
      name: "missing en-US override",
      xml: () => edit(['\n          <bt:Override Locale="en-US" Value="Calculate"/>', ""]),
      code: "override.missing",
      path: `${RESOURCES}/bt:ShortStrings/bt:String[@id='BtnCalculer.Label']`,
      warning: true,
    },
    {
      name: "missing en-US override of DisplayName",
      xml: () => edit(['\n    <Override Locale="en-US" Value="Schema review"/>', ""]),
      code: "override.missing",
      path: "/OfficeApp/DisplayName",
      warning: true,
    },
    {
      name: "ShortString longer than 125 characters",
      xml: () => edit(['DefaultValue="Calculer"', `DefaultValue="${"Calculer".repeat(16)}"`]),
      code: "string.tooLong",
      path: `${RESOURCES}/bt:ShortStrings/bt:String[@id='BtnCalculer.Label']`,
    },
    {
      name: "LongString longer than 250 characters",
      xml: () =>
        edit(['DefaultValue="Calcule les indicateurs', `DefaultValue="${"Calcule les indicateurs ".repeat(11)}`]),
      code: "string.tooLong",
      path: `${RESOURCES}/bt:LongStrings/bt:String[@id='BtnCalculer.Tooltip']`,
    },
    {
      name: "wrong Permissions",
      xml: () => edit(["<Permissions>ReadWriteDocument</Permissions>", "<Permissions>ReadWriteMailbox</Permissions>"]),
      code: "permissions.invalid",
      path: "/OfficeApp/Permissions",
    },
    {
      name: "root of another add-in type",
      xml: () => edit(['xsi:type="TaskPaneApp"', 'xsi:type="MailApp"']),
      code: "root.type",
      path: "/OfficeApp",
    },
    {
      name: "duplicate control id",
      xml: () => edit(['id="BtnCalculer"', 'id="BtnControler"']),
      code: "control.duplicateId",
      path: `${GROUP}/Control[@id='BtnControler'][2]`,
    },
    {
      name: "function the commands file does not associate",
      xml: () => edit(["<FunctionName>calculer</FunctionName>", "<FunctionName>calculerTout</FunctionName>"]),
      code: "function.unknown",
      path: `${GROUP}/Control[@id='BtnCalculer']/Action[@xsi:type='ExecuteFunction']/FunctionName`,
    },
    {
      name: "ExecuteFunction without FunctionFile",
      xml: () => edit(['          <FunctionFile resid="Taskpane.Url"/>\n', ""]),
      code: "functionFile.missing",
      path: `${HOST}/DesktopFormFactor`,
    },
    {
      name: "function generer no longer associated",
      xml: () => edit(["<FunctionName>generer</FunctionName>", "<FunctionName>generer2</FunctionName>"]),
      code: "function.unknown",
      path: `${GROUP}/Control[@id='BtnGenerer']/Action[@xsi:type='ExecuteFunction']/FunctionName`,
    },
    {
      name: "Runtime resid that names no resource",
      xml: () => edit(['<Runtime resid="Taskpane.Url"', '<Runtime resid="Runtime.Url"']),
      code: "resid.dangling",
      path: RUNTIME,
    },
    {
      name: "Runtime resid that names a string, not a bt:Url",
      xml: () => edit(['<Runtime resid="Taskpane.Url"', '<Runtime resid="Tab.Label"']),
      code: "resid.wrongKind",
      path: RUNTIME,
    },
    {
      name: "Runtime without resid",
      xml: () => edit(['<Runtime resid="Taskpane.Url" lifetime="long"/>', '<Runtime lifetime="long"/>']),
      code: "resid.missing",
      path: RUNTIME,
    },
    {
      name: "Runtimes without Runtime",
      xml: () => edit(['\n          <Runtime resid="Taskpane.Url" lifetime="long"/>', ""]),
      code: "element.missing",
      path: `${HOST}/Runtimes/Runtime`,
    },
    {
      name: "FunctionFile on another page than the shared runtime",
      xml: () =>
        edit(
          ['<FunctionFile resid="Taskpane.Url"/>', '<FunctionFile resid="Commands.Url"/>'],
          [
            '<bt:Url id="Taskpane.Url" DefaultValue="https://localhost:3000/taskpane.html"/>',
            '<bt:Url id="Taskpane.Url" DefaultValue="https://localhost:3000/taskpane.html"/>\n' +
              '        <bt:Url id="Commands.Url" DefaultValue="https://localhost:3000/commands.html"/>',
          ],
        ),
      code: "runtime.otherPage",
      path: `${HOST}/DesktopFormFactor/FunctionFile`,
    },
    {
      name: "ShowTaskpane on another page than the shared runtime",
      xml: () =>
        edit(
          ['<SourceLocation resid="Taskpane.Url"/>', '<SourceLocation resid="TaskpaneGenerer.Url"/>'],
          [
            '<bt:Url id="Taskpane.Url" DefaultValue="https://localhost:3000/taskpane.html"/>',
            '<bt:Url id="Taskpane.Url" DefaultValue="https://localhost:3000/taskpane.html"/>\n' +
              '        <bt:Url id="TaskpaneGenerer.Url" DefaultValue="https://localhost:3000/taskpane.html?vue=generer"/>',
          ],
        ),
      code: "runtime.otherPage",
      path: `${GROUP}/Control[@id='BtnOuvrir']/Action[@xsi:type='ShowTaskpane']/SourceLocation`,
    },
    {
      name: "shared runtime without the SharedRuntime requirement",
      xml: () => edit([SHARED_RUNTIME_SET, ""]),
      code: "runtime.requirement",
      path: `${HOST}/Runtimes`,
    },
    {
      name: "shared runtime with the default (short) lifetime",
      xml: () => edit(['<Runtime resid="Taskpane.Url" lifetime="long"/>', '<Runtime resid="Taskpane.Url"/>']),
      code: "runtime.lifetime",
      path: RUNTIME,
      warning: true,
    },
    {
      name: "Runtimes after the form factor",
      xml: () =>
        edit(
          ['        <Runtimes>\n          <Runtime resid="Taskpane.Url" lifetime="long"/>\n        </Runtimes>\n', ""],
          [
            "        </DesktopFormFactor>\n",
            '        </DesktopFormFactor>\n        <Runtimes>\n          <Runtime resid="Taskpane.Url" lifetime="long"/>\n        </Runtimes>\n',
          ],
        ),
      code: "element.order",
      path: `${HOST}/Runtimes`,
    },
    {
      name: "undeclared bt: prefix",
      xml: () => edit(['\n           xmlns:bt="http://schemas.microsoft.com/office/officeappbasictypes/1.0"', ""]),
      code: "namespace.undeclared",
      path: `${GROUP}/Icon/bt:Image[@size='16']`,
    },
    {
      name: "no Workbook host",
      xml: () => edit(['<Host Name="Workbook"/>', '<Host Name="Document"/>']),
      code: "hosts.noWorkbook",
      path: "/OfficeApp/Hosts",
    },
  ];

  it.each(cases)("$name → $code", ({ xml, code, path: where, warning, opts }) => {
    const report = validateManifest(xml(), { ...OPTS, ...opts });
    const found = warning ? report.warnings : report.errors;
    expect(codes(found)).toContain(`${code} ${where}`);
    if (warning) expect(report.errors).toEqual([]);
    const issue = found.find((i) => i.code === code && i.path === where)!;
    expect(issue.message).not.toMatch(/\{\{/);
    expect(issue.messageEn).not.toMatch(/\{\{/);
    expect(issue.message).not.toEqual(issue.messageEn);
  });

  it("gives the line and column of a syntax error", () => {
    const xml = edit(["<Permissions>ReadWriteDocument</Permissions>", "<Permissions>ReadWriteDocument</Permission>"]);
    const [issue] = validateManifest(xml, OPTS).errors;
    const line = xml.split("\n").findIndex((l) => l.includes("</Permission>")) + 1;
    expect(issue?.line).toBe(line);
    expect(issue?.column).toBeGreaterThan(1);
    expect(issue?.message).toMatch(new RegExp(`ligne ${line}`));
  });

  it("gives the line of an element-level issue", () => {
    const xml = edit(["<Permissions>ReadWriteDocument</Permissions>", "<Permissions>Everything</Permissions>"]);
    const issue = validateManifest(xml, OPTS).errors.find((i) => i.code === "permissions.invalid");
    expect(issue?.line).toBe(xml.split("\n").findIndex((l) => l.includes("<Permissions>")) + 1);
  });

  it("reports a file that is not a PNG", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "manifest-assets-"));
    try {
      cpSync(OPTS.assetsDir, dir, { recursive: true });
      writeFileSync(path.join(dir, "icon-80.png"), "not an image");
      const report = validateManifest(MANIFEST, { ...OPTS, assetsDir: dir });
      expect(codes(report.errors)).toContain(`icon.notPng ${RESOURCES}/bt:Images/bt:Image[@id='Icon.80x80']`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("accepts the SharedRuntime requirement in VersionOverrides instead of the base manifest", () => {
    const xml = edit(
      [SHARED_RUNTIME_SET, ""],
      [
        '<VersionOverrides xmlns="http://schemas.microsoft.com/office/taskpaneappversionoverrides" xsi:type="VersionOverridesV1_0">\n',
        '<VersionOverrides xmlns="http://schemas.microsoft.com/office/taskpaneappversionoverrides" xsi:type="VersionOverridesV1_0">\n' +
          '    <Requirements>\n      <bt:Sets>\n        <bt:Set Name="SharedRuntime" MinVersion="1.1"/>\n      </bt:Sets>\n    </Requirements>\n',
      ],
    );
    const report = validateManifest(xml, OPTS);
    expect(report.errors).toEqual([]);
    expect(report.warnings).toEqual([]);
  });

  it("reports only the dangling resid when the runtime names no page", () => {
    const report = validateManifest(edit(['<Runtime resid="Taskpane.Url"', '<Runtime resid="Runtime.Url"']), OPTS);
    expect(codes(report.errors)).toEqual([`resid.dangling ${RUNTIME}`]);
  });

  it("reports every page that is not the shared runtime's", () => {
    const xml = edit(
      ['<Runtime resid="Taskpane.Url"', '<Runtime resid="Runtime.Url"'],
      [
        '<bt:Url id="Taskpane.Url" DefaultValue="https://localhost:3000/taskpane.html"/>',
        '<bt:Url id="Taskpane.Url" DefaultValue="https://localhost:3000/taskpane.html"/>\n' +
          '        <bt:Url id="Runtime.Url" DefaultValue="https://localhost:3000/runtime.html"/>',
      ],
    );
    const report = validateManifest(xml, OPTS);
    expect(codes(report.errors).sort()).toEqual(
      [
        `runtime.otherPage ${HOST}/DesktopFormFactor/FunctionFile`,
        `runtime.otherPage ${GROUP}/Control[@id='BtnOuvrir']/Action[@xsi:type='ShowTaskpane']/SourceLocation`,
      ].sort(),
    );
    expect(report.errors[0]?.messageEn).toMatch(/"Taskpane\.Url".*"Runtime\.Url"/);
  });

  it("does not ask for a single page without a shared runtime", () => {
    const xml = edit(
      ['        <Runtimes>\n          <Runtime resid="Taskpane.Url" lifetime="long"/>\n        </Runtimes>\n', ""],
      [SHARED_RUNTIME_SET, ""],
      ['<FunctionFile resid="Taskpane.Url"/>', '<FunctionFile resid="Commands.Url"/>'],
      [
        '<bt:Url id="Taskpane.Url" DefaultValue="https://localhost:3000/taskpane.html"/>',
        '<bt:Url id="Taskpane.Url" DefaultValue="https://localhost:3000/taskpane.html"/>\n' +
          '        <bt:Url id="Commands.Url" DefaultValue="https://localhost:3000/commands.html"/>',
      ],
    );
    const report = validateManifest(xml, OPTS);
    expect(report.errors).toEqual([]);
    expect(report.warnings).toEqual([]);
  });

  it("warns about a function associated but called by no button", () => {
    const report = validateManifest(MANIFEST, { ...OPTS, functionNames: [...FUNCTIONS, "exporter"] });
    expect(report.errors).toEqual([]);
    expect(report.warnings.map((w) => w.code)).toEqual(["function.unused"]);
  });

  it("reports a root that is not OfficeApp", () => {
    const report = validateManifest("<Manifest/>", OPTS);
    expect(codes(report.errors)).toEqual(["root.element /Manifest"]);
  });
});

describe("extractAssociatedFunctions", () => {
  it("reads the names given to Office.actions.associate", () => {
    const src = `Office.actions.associate("a", f);\nOffice.actions.associate( 'b' , g);\nOffice.actions.associate(\`c\`, h);`;
    expect(extractAssociatedFunctions(src)).toEqual(["a", "b", "c"]);
  });
});
