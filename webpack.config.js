/**
 * Web build of the add-in: task pane and ribbon commands, written to dist/web/ (dist/ itself
 * is the CLI's tsc output).
 *
 * The add-in uses a shared runtime (manifest.xml: <Runtimes>, FunctionFile = Taskpane.Url):
 * taskpane.html is the only page, and it loads both entries. `runtimeChunk: "single"` gives
 * them one webpack runtime, hence one module registry: the command functions (commands.js)
 * and the pane (taskpane.js) share the same instance of src/shared/vue.ts.
 *
 *   npx webpack --mode production            build into dist/web/, and dist/manifest.xml
 *   ADDIN_URL=https://… npx webpack --mode production
 *   npx webpack --mode production --env ADDIN_URL=https://…
 *                                            the same for an add-in published at that folder (https only):
 *                                            dist/manifest.xml points there (src/manifest/hostedManifest.ts)
 *   npx webpack serve --mode development     https://localhost:3000 with the Office dev certificates
 *   npx webpack serve --env nocerts          plain http://localhost:3000 (CI, or no certificates)
 */
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const { ProvidePlugin } = require("webpack");

// The manifest's rewriting is TypeScript shared with its tests: tsx lets Node require it (jest has its own loader).
const unregisterTsx = require("tsx/cjs/api").register();
const { AddinUrlError, addinBase, DEV_BASE, hostedManifest } = require("./src/manifest/hostedManifest.ts");
unregisterTsx();

const PORT = 3000;

/** The folder the add-in is published at (ADDIN_URL, from --env or the environment), or the dev server's. */
function publishedBase(env) {
  const raw = env.ADDIN_URL ?? process.env.ADDIN_URL;
  if (!raw) return DEV_BASE;
  try {
    return addinBase(raw);
  } catch (error) {
    if (!(error instanceof AddinUrlError)) throw error;
    console.error(`\n[bilan-schema] ${error.message}\n[bilan-schema] ${error.messageEn}\n`);
    process.exit(2);
  }
}

/** https options from office-addin-dev-certs, or undefined for plain http. */
async function serverOptions(env) {
  if (env.nocerts || process.env.CI) return undefined;
  try {
    const devCerts = require("office-addin-dev-certs");
    return await devCerts.getHttpsServerOptions();
  } catch (error) {
    console.warn(httpWarning(error && error.message ? error.message : String(error)));
    return undefined;
  }
}

/** Said when the certificate could not be installed, and again once the server listens, below its own output. */
function httpWarning(reason) {
  const line = "!".repeat(100);
  return [
    "",
    line,
    "[bilan-schema] ATTENTION : le certificat de développement n'a pas pu être installé.",
    "[bilan-schema] Le serveur démarre en http://localhost:3000, qu'Excel refuse : le complément ne se chargera pas.",
    "[bilan-schema] Installez le certificat (npx office-addin-dev-certs install), puis relancez npm run dev-server.",
    "[bilan-schema] WARNING: the development certificate could not be installed; serving over plain http,",
    "[bilan-schema] which Excel refuses: the add-in will not load. Run npx office-addin-dev-certs install, then retry.",
    ...(reason ? [`[bilan-schema] (${reason})`] : []),
    line,
    "",
  ].join("\n");
}

module.exports = async (env = {}, argv = {}) => {
  const dev = argv.mode !== "production";
  const https = env.WEBPACK_SERVE ? await serverOptions(env) : undefined;
  const base = publishedBase(env);

  return {
    mode: dev ? "development" : "production",
    devtool: dev ? "source-map" : false,
    target: "web",
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist", "web"),
      filename: "[name].js",
      // Relative: the pages find their scripts wherever dist/web is published (a folder of a site, a share).
      publicPath: "",
      clean: true,
    },
    optimization: {
      runtimeChunk: "single",
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js", ".json"],
      // Node built-ins are not polyfilled: code for the browser must not need them.
      fallback: { fs: false, path: false, stream: false, crypto: false },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              transpileOnly: true,
              configFile: path.resolve(__dirname, "tsconfig.json"),
              // ES modules let webpack drop the unused parts of Fluent UI.
              compilerOptions: { module: "esnext", sourceMap: dev },
            },
          },
        },
      ],
    },
    plugins: [
      // csv-parse (référentiel tables, exports) uses Node's Buffer: the well-known polyfill stands in.
      new ProvidePlugin({ Buffer: ["buffer", "Buffer"] }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        // runtime.js, then commands.js (associates the ribbon functions), then taskpane.js.
        // "manual" keeps this order ("runtime" is not an entry: the plugin adds runtime.js itself).
        chunks: ["runtime", "commands", "taskpane"],
        chunksSortMode: "manual",
      }),
      new HtmlWebpackPlugin({
        filename: "aide.html",
        template: "./src/taskpane/aide.html",
        chunks: [],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          // dist/manifest.xml, beside dist/web (what is published): the file an administrator deploys.
          {
            from: "manifest.xml",
            to: "../manifest.xml",
            transform: (content) => hostedManifest(content.toString("utf8"), base),
          },
        ],
      }),
    ],
    performance: {
      // Fluent UI and, later, exceljs make large bundles; the pane is loaded once per session.
      hints: dev ? false : "warning",
      maxAssetSize: 4 * 1024 * 1024,
      maxEntrypointSize: 4 * 1024 * 1024,
    },
    devServer: {
      port: PORT,
      host: "localhost",
      hot: true,
      headers: { "Access-Control-Allow-Origin": "*" },
      server: https ? { type: "https", options: https } : "http",
      // The warning again, once the server has printed its own lines (where one looks).
      onListening: () => {
        if (!https && !env.nocerts && !process.env.CI) console.warn(httpWarning(""));
      },
      static: false,
      client: { overlay: { warnings: false } },
    },
  };
};
