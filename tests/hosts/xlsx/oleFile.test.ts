/** OLE2 files refused with the right reason: an encrypted .xlsx, a legacy .xls (a real one, from LibreOffice), other. */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { checkXlsx } from "../../../src/hosts/xlsx/guard";
import { oleStreamNames } from "../../../src/hosts/xlsx/oleFile";
import { cfbWithStreams } from "../../support/cfb";
import { libreOffice, libreOfficeProfile } from "../../support/libreoffice";

const dir = mkdtempSync(join(tmpdir(), "bilan-ole-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const refusal = async (data: Uint8Array) => {
  const r = await checkXlsx(data);
  return "key" in r ? r.key : "accepted";
};

test("an encrypted .xlsx, a legacy .xls and another OLE file each get their own reason", async () => {
  expect(await refusal(cfbWithStreams(["EncryptionInfo", "EncryptedPackage", "\u0006DataSpaces"]))).toBe(
    "validate.file.encrypted",
  );
  expect(await refusal(cfbWithStreams(["Workbook", "\u0005SummaryInformation"]))).toBe("validate.file.legacyXls");
  expect(await refusal(cfbWithStreams(["Book"]))).toBe("validate.file.legacyXls");
  expect(await refusal(cfbWithStreams(["WordDocument", "1Table"]))).toBe("validate.file.otherOle");
});

test("a real .xls written by LibreOffice, whose cells hold the encryption stream names, is a legacy .xls", async () => {
  const lo = libreOffice();
  if (!lo.ok) throw new Error(lo.reason);
  const csv = join(dir, "ancien.csv");
  writeFileSync(csv, "Axe,Note\r\n1,EncryptionInfo\r\n2,EncryptedPackage\r\n");
  const r = spawnSync(
    lo.soffice,
    [
      `-env:UserInstallation=${pathToFileURL(libreOfficeProfile()).href}`,
      "--headless",
      "--norestore",
      "--convert-to",
      "xls:MS Excel 97",
      "--outdir",
      dir,
      csv,
    ],
    { timeout: 120_000, encoding: "utf8" },
  );
  expect(r.status).toBe(0);
  const xls = readFileSync(join(dir, "ancien.xls"));
  expect(oleStreamNames(xls).has("Workbook")).toBe(true);
  expect(await refusal(xls)).toBe("validate.file.legacyXls");
}, 150_000);
