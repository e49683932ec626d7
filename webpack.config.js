/**
 * Web build of the add-in: task pane and ribbon commands, written to dist/web/ (dist/ itself
 * is the CLI's tsc output).
 *
 * The add-in uses a shared runtime (manifest.xml: <Runtimes>, FunctionFile = Taskpane.Url):
 * taskpane.html is the only page, and it loads both entries. `runtimeChunk: "single"` gives
 * them one webpack runtime, hence one module registry: the command functions (commands.js)
 * and the pane (taskpane.js) share the same instance of src/shared/vue.ts.
 *
 *   npx webpack --mode production            build into dist/web/
 *   npx webpack serve --mode development     https://localhost:3000 with the Office dev certificates
 *   npx webpack serve --env nocerts          plain http://localhost:3000 (CI, or no certificates)
 */
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const { NormalModuleReplacementPlugin, ProvidePlugin } = require("webpack");

const PORT = 3000;

/** https options from office-addin-dev-certs, or undefined for plain http. */
async function serverOptions(env) {
  if (env.nocerts || process.env.CI) return undefined;
  try {
    const devCerts = require("office-addin-dev-certs");
    return await devCerts.getHttpsServerOptions();
  } catch (error) {
    console.warn(
      `\n[bilan-schema] Certificats de développement indisponibles, le serveur passe en http (Office exige https).` +
        `\n[bilan-schema] Development certificates unavailable, serving over http (Office requires https).` +
        `\n${error && error.message ? error.message : error}\n`,
    );
    return undefined;
  }
}

module.exports = async (env = {}, argv = {}) => {
  const dev = argv.mode !== "production";
  const https = env.WEBPACK_SERVE ? await serverOptions(env) : undefined;

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
      publicPath: "/",
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
      // exceljs runs as its prebuilt browser bundle here, whose internals the Node-side patches cannot reach.
      new NormalModuleReplacementPlugin(/[\\/]exceljsQuirks$/, (resource) => {
        resource.request = resource.request.replace(/exceljsQuirks$/, "exceljsQuirks.browser");
      }),
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
          { from: "manifest.xml", to: "manifest.xml" },
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
      static: false,
      client: { overlay: { warnings: false } },
    },
  };
};
