/**
 * `npm run dev-server` without the development certificate: it still serves,
 * over http, and says so where one looks — at the fallback and again below
 * the server's own lines — in French first: Excel refuses an http add-in.
 */
import path from "node:path";

jest.mock("office-addin-dev-certs", () => ({
  getHttpsServerOptions: async () => {
    throw new Error("certutil: permission refusée");
  },
}));

type Configure = (
  env: Record<string, unknown>,
  argv: Record<string, string>,
) => Promise<{ devServer: { server: unknown; onListening: () => void } }>;
const configure = require(path.resolve(__dirname, "..", "..", "webpack.config.js")) as Configure;

// CI=… means "http on purpose" to the config, like --env nocerts: not this test's case.
const ci = process.env.CI;
beforeAll(() => delete process.env.CI);
afterAll(() => {
  if (ci !== undefined) process.env.CI = ci;
});

test("the certificate cannot be installed: http, with a visible warning at start and once listening", async () => {
  const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
  try {
    const config = await configure({ WEBPACK_SERVE: true }, { mode: "development" });
    expect(config.devServer.server).toBe("http");
    expect(warn).toHaveBeenCalledTimes(1);
    const first = String(warn.mock.calls[0]![0]);
    expect(first).toContain("ATTENTION : le certificat de développement n'a pas pu être installé.");
    expect(first).toContain("http://localhost:3000, qu'Excel refuse : le complément ne se chargera pas.");
    expect(first).toContain("npx office-addin-dev-certs install");
    expect(first).toContain("WARNING: the development certificate could not be installed");
    expect(first).toContain("certutil: permission refusée");
    expect(first.indexOf("ATTENTION")).toBeLessThan(first.indexOf("WARNING"));
    config.devServer.onListening();
    expect(warn).toHaveBeenCalledTimes(2);
    expect(String(warn.mock.calls[1]![0])).toContain("qu'Excel refuse");
  } finally {
    warn.mockRestore();
  }
});

test("--env nocerts asks for http: no warning", async () => {
  const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
  try {
    const config = await configure({ WEBPACK_SERVE: true, nocerts: true }, { mode: "development" });
    expect(config.devServer.server).toBe("http");
    config.devServer.onListening();
    expect(warn).not.toHaveBeenCalled();
  } finally {
    warn.mockRestore();
  }
});
