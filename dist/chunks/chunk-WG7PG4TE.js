import { createRequire as __cpCreateRequire } from 'node:module';
const require = __cpCreateRequire(import.meta.url);
import {
  __commonJS,
  __require
} from "./chunk-MFDBYX32.js";

// node_modules/escape-string-regexp/index.js
var require_escape_string_regexp = __commonJS({
  "node_modules/escape-string-regexp/index.js"(exports, module) {
    "use strict";
    module.exports = (string) => {
      if (typeof string !== "string") {
        throw new TypeError("Expected a string");
      }
      return string.replace(/[|\\{}()[\]^$+*?.]/g, "\\$&").replace(/-/g, "\\x2d");
    };
  }
});

// node_modules/clean-stack/index.js
var require_clean_stack = __commonJS({
  "node_modules/clean-stack/index.js"(exports, module) {
    "use strict";
    var os = __require("os");
    var escapeStringRegexp = require_escape_string_regexp();
    var extractPathRegex = /\s+at.*[(\s](.*)\)?/;
    var pathRegex = /^(?:(?:(?:node|(?:(?:node:)?internal\/[\w/]*|.*node_modules\/(?:babel-polyfill|pirates)\/.*)?\w+)(?:\.js)?:\d+:\d+)|native)/;
    var homeDir = typeof os.homedir === "undefined" ? "" : os.homedir();
    module.exports = (stack, { pretty = false, basePath } = {}) => {
      const basePathRegex = basePath && new RegExp(`(at | \\()${escapeStringRegexp(basePath)}`, "g");
      return stack.replace(/\\/g, "/").split("\n").filter((line) => {
        const pathMatches = line.match(extractPathRegex);
        if (pathMatches === null || !pathMatches[1]) {
          return true;
        }
        const match = pathMatches[1];
        if (match.includes(".app/Contents/Resources/electron.asar") || match.includes(".app/Contents/Resources/default_app.asar")) {
          return false;
        }
        return !pathRegex.test(match);
      }).filter((line) => line.trim() !== "").map((line) => {
        if (basePathRegex) {
          line = line.replace(basePathRegex, "$1");
        }
        if (pretty) {
          line = line.replace(extractPathRegex, (m, p1) => m.replace(p1, p1.replace(homeDir, "~")));
        }
        return line;
      }).join("\n");
    };
  }
});

// node_modules/@oclif/core/package.json
var require_package = __commonJS({
  "node_modules/@oclif/core/package.json"(exports, module) {
    module.exports = {
      name: "@oclif/core",
      description: "base library for oclif CLIs",
      version: "5.1.9",
      author: "Salesforce",
      bugs: "https://github.com/oclif/core/issues",
      dependencies: {
        "ansi-escapes": "^4.3.2",
        ansis: "^3.17.0",
        "clean-stack": "^3.0.1",
        "cli-spinners": "^2.9.2",
        debug: "^4.4.3",
        ejs: "^6",
        "get-package-type": "^0.1.0",
        "indent-string": "^4.0.0",
        lilconfig: "^3.1.3",
        minimatch: "^10.2.5",
        semver: "^7.8.1",
        "string-width": "^4.2.3",
        "supports-color": "^8",
        tinyglobby: "^0.2.17",
        "widest-line": "^3.1.0",
        wordwrap: "^1.0.0",
        "wrap-ansi": "^7.0.0",
        "wsl-utils": "^0.4.0"
      },
      devDependencies: {
        "@commitlint/config-conventional": "^19",
        "@eslint/compat": "^1.4.1",
        "@oclif/plugin-help": "^6",
        "@oclif/plugin-plugins": "^5",
        "@oclif/prettier-config": "^0.2.1",
        "@oclif/test": "^4",
        "@types/benchmark": "^2.1.5",
        "@types/chai": "^4.3.16",
        "@types/chai-as-promised": "^7.1.8",
        "@types/clean-stack": "^2.1.1",
        "@types/debug": "^4.1.13",
        "@types/ejs": "^3.1.5",
        "@types/indent-string": "^4.0.1",
        "@types/mocha": "^10.0.10",
        "@types/node": "^18",
        "@types/picomatch": "^4.0.3",
        "@types/pnpapi": "^0.0.5",
        "@types/sinon": "^17.0.3",
        "@types/supports-color": "^8.1.3",
        "@types/wordwrap": "^1.0.3",
        "@types/wrap-ansi": "^3.0.0",
        benchmark: "^2.1.4",
        chai: "^4.5.0",
        "chai-as-promised": "^7.1.2",
        commitlint: "^19",
        "cross-env": "^7.0.3",
        eslint: "^10",
        "eslint-config-oclif": "^7",
        "eslint-config-prettier": "^10",
        husky: "^9.1.7",
        "lint-staged": "^15",
        madge: "^6.1.0",
        mocha: "^11.7.5",
        nyc: "^15.1.0",
        prettier: "^3.8.3",
        shx: "^0.4.0",
        sinon: "^18",
        "ts-node": "^10.9.2",
        tsd: "^0.33.0",
        typescript: "^6.0.3"
      },
      engines: {
        node: ">=22.0.0"
      },
      files: [
        "/lib"
      ],
      homepage: "https://github.com/oclif/core",
      keywords: [
        "oclif",
        "cli",
        "command",
        "command line",
        "parser",
        "args",
        "argv"
      ],
      license: "MIT",
      exports: {
        ".": "./lib/index.js",
        "./args": "./lib/args.js",
        "./command": "./lib/command.js",
        "./config": "./lib/config/index.js",
        "./errors": "./lib/errors/index.js",
        "./execute": "./lib/execute.js",
        "./flags": "./lib/flags.js",
        "./flush": "./lib/flush.js",
        "./handle": "./lib/errors/handle.js",
        "./help": "./lib/help/index.js",
        "./hooks": "./lib/interfaces/hooks.js",
        "./interfaces": "./lib/interfaces/index.js",
        "./logger": "./lib/logger.js",
        "./package.json": "./package.json",
        "./parser": "./lib/parser/index.js",
        "./performance": "./lib/performance.js",
        "./run": "./lib/main.js",
        "./settings": "./lib/settings.js",
        "./util/ids": "./lib/util/ids.js",
        "./ux": "./lib/ux/index.js"
      },
      repository: "oclif/core",
      oclif: {
        bin: "oclif",
        devPlugins: [
          "@oclif/plugin-help",
          "@oclif/plugin-plugins"
        ]
      },
      publishConfig: {
        access: "public"
      },
      scripts: {
        build: "shx rm -rf lib && tsc",
        compile: "tsc",
        format: 'prettier --write "+(src|test)/**/*.+(ts|js|json)"',
        lint: "eslint",
        posttest: "yarn lint && yarn test:circular-deps",
        prepack: "yarn run build",
        prepare: "husky",
        "test:circular-deps": "yarn build && madge lib/ -c",
        "test:debug": 'nyc mocha --debug-brk --inspect "test/**/*.test.ts"',
        "test:integration": 'mocha --forbid-only "test/**/*.integration.ts" --parallel --timeout 1200000',
        "test:interoperability": "cross-env DEBUG=integration:* ts-node test/integration/interop.ts",
        "test:perf": "ts-node test/perf/parser.perf.ts",
        test: 'nyc mocha --forbid-only "test/**/*.test.ts" --parallel'
      },
      types: "lib/index.d.ts"
    };
  }
});

// node_modules/@oclif/core/lib/cache.js
var require_cache = __commonJS({
  "node_modules/@oclif/core/lib/cache.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var node_fs_1 = __require("node:fs");
    var node_path_1 = __require("node:path");
    var Cache = class _Cache extends Map {
      static instance;
      constructor() {
        super();
        this.set("@oclif/core", this.getOclifCoreMeta());
      }
      static getInstance() {
        if (!_Cache.instance) {
          _Cache.instance = new _Cache();
        }
        return _Cache.instance;
      }
      get(key) {
        return super.get(key);
      }
      getOclifCoreMeta() {
        try {
          return { name: "@oclif/core", version: require_package().version };
        } catch {
          try {
            return {
              name: "@oclif/core",
              version: JSON.parse((0, node_fs_1.readFileSync)((0, node_path_1.join)(__dirname, "..", "package.json"), "utf8")).version
            };
          } catch {
            return { name: "@oclif/core", version: "unknown" };
          }
        }
      }
    };
    exports.default = Cache;
  }
});

// node_modules/ansis/index.js
var require_ansis = __commonJS({
  "node_modules/ansis/index.js"(exports, module) {
    var { defineProperty: e, setPrototypeOf: t, create: r, keys: n } = Object;
    var l = "";
    var { round: s, max: i } = Math;
    var o = (e2) => {
      let [, t2] = /([a-f\d]{3,6})/i.exec(e2) || [], r2 = t2 ? t2.length : 0;
      if (3 === r2) t2 = t2[0] + t2[0] + t2[1] + t2[1] + t2[2] + t2[2];
      else if (6 ^ r2) return [0, 0, 0];
      let n2 = parseInt(t2, 16);
      return [n2 >> 16 & 255, n2 >> 8 & 255, 255 & n2];
    };
    var a = (e2, t2, r2) => e2 === t2 && t2 === r2 ? e2 < 8 ? 16 : e2 > 248 ? 231 : s((e2 - 8) / 247 * 24) + 232 : 16 + 36 * s(e2 / 51) + 6 * s(t2 / 51) + s(r2 / 51);
    var c = (e2) => {
      let t2, r2, n2, l2, o2;
      return e2 < 8 ? 30 + e2 : e2 < 16 ? e2 - 8 + 90 : (e2 >= 232 ? t2 = r2 = n2 = (10 * (e2 - 232) + 8) / 255 : (o2 = (e2 -= 16) % 36, t2 = (e2 / 36 | 0) / 5, r2 = (o2 / 6 | 0) / 5, n2 = o2 % 6 / 5), l2 = 2 * i(t2, r2, n2), l2 ? 30 + (s(n2) << 2 | s(r2) << 1 | s(t2)) + (2 ^ l2 ? 0 : 60) : 30);
    };
    var u = (() => {
      let e2 = (e3) => i2.some(((t3) => e3.test(t3))), t2 = globalThis, r2 = t2.Deno, l2 = !!r2, s2 = t2.process || r2 || {}, i2 = s2.argv || s2.args || [], o2 = s2.env || {}, a2 = -1;
      if (l2) try {
        o2 = o2.toObject();
      } catch (e3) {
        a2 = 0;
      }
      let c2 = !!o2.PM2_HOME && !!o2.pm_id || o2.NEXT_RUNTIME?.includes("edge") || (l2 ? r2.isatty(1) : !!s2.stdout?.isTTY), u2 = "FORCE_COLOR", p2 = o2[u2], g2 = parseInt(p2), d2 = isNaN(g2) ? "false" === p2 ? 0 : -1 : g2, f2 = u2 in o2 && d2 || e2(/^-{1,2}color=?(true|always)?$/);
      return f2 && (a2 = d2), a2 < 0 && (a2 = ((e3, t3, r3) => {
        let l3 = e3.TERM, s3 = "," + n(e3).join(",");
        return { "24bit": 3, truecolor: 3, ansi256: 2, ansi: 1 }[e3.COLORTERM] || (e3.TF_BUILD ? 1 : /,TEAMCI/.test(s3) ? 2 : e3.CI ? /,GIT(HUB|EA)/.test(s3) ? 3 : 1 : !t3 || /-mono|dumb/i.test(l3) ? 0 : r3 || /term-(kit|dir)/.test(l3) ? 3 : /-256/.test(l3) ? 2 : /scr|xterm|tty|ansi|color|[nm]ux|vt|cyg/.test(l3) ? 1 : 3);
      })(o2, c2, "win32" === (l2 ? r2.build.os : s2.platform))), !d2 || o2.NO_COLOR || e2(/^-{1,2}(no-color|color=(false|never))$/) ? 0 : f2 && !a2 || t2.window?.chrome ? 3 : a2;
    })();
    var p = u > 0;
    var g = { open: l, close: l };
    var d = p ? (e2, t2) => ({ open: `\x1B[${e2}m`, close: `\x1B[${t2}m` }) : () => g;
    var f = 39;
    var b = 49;
    var _ = (e2, t2) => (r2, n2, l2) => d(((e3, t3, r3) => c(a(e3, t3, r3)))(r2, n2, l2) + e2, t2);
    var m = (e2) => (t2, r2, n2) => e2(a(t2, r2, n2));
    var y = (e2) => (t2) => e2(...o(t2));
    var h = (e2, t2, r2) => d(`38;2;${e2};${t2};${r2}`, f);
    var O = (e2, t2, r2) => d(`48;2;${e2};${t2};${r2}`, b);
    var $ = (e2) => d(`38;5;${e2}`, f);
    var x = (e2) => d(`48;5;${e2}`, b);
    2 === u ? (h = m($), O = m(x)) : 1 === u && (h = _(0, f), O = _(10, b), $ = (e2) => d(c(e2), f), x = (e2) => d(c(e2) + 10, b));
    var T;
    var w = { ansi256: $, bgAnsi256: x, fg: $, bg: x, rgb: h, bgRgb: O, hex: y(h), bgHex: y(O), visible: g, reset: d(0, 0), bold: d(1, 22), dim: d(2, 22), italic: d(3, 23), underline: d(4, 24), inverse: d(7, 27), hidden: d(8, 28) };
    var R = "Bright";
    var E = 30;
    "black,red,green,yellow,blue,magenta,cyan,white".split(",").map(((e2) => {
      T = "bg" + e2[0].toUpperCase() + e2.slice(1), w[e2] = d(E, f), w[e2 + R] = d(60 + E, f), w[T] = d(E + 10, b), w[T + R] = d(70 + E++, b);
    })), w.grey = w.gray = d(90, f), w.bgGrey = w.bgGray = d(100, b), w.strikethrough = w.strike = d(9, 29);
    var v;
    var C = {};
    var I = ({ _p: e2 }, { open: r2, close: n2 }) => {
      let s2 = (e3, ...t2) => {
        if (!e3) {
          if (r2 && r2 === n2) return r2;
          if (null == e3 || l === e3) return l;
        }
        let i3 = e3.raw ? String.raw(e3, ...t2).replace(/\\n/g, "\n") : l + e3, o3 = s2._p, { _a: a2, _b: c2 } = o3;
        if (i3.includes("\x1B")) for (; o3; ) {
          let e4, t3 = o3.close, r3 = o3.open, n3 = t3.length, s3 = l, a3 = 0;
          if (n3) {
            for (; ~(e4 = i3.indexOf(t3, a3)); a3 = e4 + n3) s3 += i3.slice(a3, e4) + r3;
            i3 = s3 + i3.slice(a3);
          }
          o3 = o3._p;
        }
        return i3.includes("\n") && (i3 = i3.replace(/(\r?\n)/g, c2 + "$1" + a2)), a2 + i3 + c2;
      }, i2 = r2, o2 = n2;
      return e2 && (i2 = e2._a + r2, o2 = n2 + e2._b), t(s2, v), s2._p = { open: r2, close: n2, _a: i2, _b: o2, _p: e2 }, s2.open = i2, s2.close = o2, s2;
    };
    var M = function() {
      let n2 = { Ansis: M, isSupported: () => p, strip: (e2) => e2.replace(/[\u009b][[()#;?]*(?:[0-9]{1,4}(?:;[0-9]{0,4})*)?[0-9A-ORZcf-nqry=><]/g, l), extend(l2) {
        for (let t2 in l2) {
          let r2 = l2[t2], n3 = (typeof r2)[0], s2 = "s" === n3 ? h(...o(r2)) : r2;
          C[t2] = "f" === n3 ? { get() {
            return (...e2) => I(this, r2(...e2));
          } } : { get() {
            let r3 = I(this, s2);
            return e(this, t2, { value: r3 }), r3;
          } };
        }
        return v = r({}, C), t(n2, v), n2;
      } };
      return n2.extend(w);
    };
    var k = new M();
    module.exports = k, k.default = k;
  }
});

// node_modules/ms/index.js
var require_ms = __commonJS({
  "node_modules/ms/index.js"(exports, module) {
    var s = 1e3;
    var m = s * 60;
    var h = m * 60;
    var d = h * 24;
    var w = d * 7;
    var y = d * 365.25;
    module.exports = function(val, options) {
      options = options || {};
      var type = typeof val;
      if (type === "string" && val.length > 0) {
        return parse(val);
      } else if (type === "number" && isFinite(val)) {
        return options.long ? fmtLong(val) : fmtShort(val);
      }
      throw new Error(
        "val is not a non-empty string or a valid number. val=" + JSON.stringify(val)
      );
    };
    function parse(str) {
      str = String(str);
      if (str.length > 100) {
        return;
      }
      var match = /^(-?(?:\d+)?\.?\d+) *(milliseconds?|msecs?|ms|seconds?|secs?|s|minutes?|mins?|m|hours?|hrs?|h|days?|d|weeks?|w|years?|yrs?|y)?$/i.exec(
        str
      );
      if (!match) {
        return;
      }
      var n = parseFloat(match[1]);
      var type = (match[2] || "ms").toLowerCase();
      switch (type) {
        case "years":
        case "year":
        case "yrs":
        case "yr":
        case "y":
          return n * y;
        case "weeks":
        case "week":
        case "w":
          return n * w;
        case "days":
        case "day":
        case "d":
          return n * d;
        case "hours":
        case "hour":
        case "hrs":
        case "hr":
        case "h":
          return n * h;
        case "minutes":
        case "minute":
        case "mins":
        case "min":
        case "m":
          return n * m;
        case "seconds":
        case "second":
        case "secs":
        case "sec":
        case "s":
          return n * s;
        case "milliseconds":
        case "millisecond":
        case "msecs":
        case "msec":
        case "ms":
          return n;
        default:
          return void 0;
      }
    }
    function fmtShort(ms) {
      var msAbs = Math.abs(ms);
      if (msAbs >= d) {
        return Math.round(ms / d) + "d";
      }
      if (msAbs >= h) {
        return Math.round(ms / h) + "h";
      }
      if (msAbs >= m) {
        return Math.round(ms / m) + "m";
      }
      if (msAbs >= s) {
        return Math.round(ms / s) + "s";
      }
      return ms + "ms";
    }
    function fmtLong(ms) {
      var msAbs = Math.abs(ms);
      if (msAbs >= d) {
        return plural(ms, msAbs, d, "day");
      }
      if (msAbs >= h) {
        return plural(ms, msAbs, h, "hour");
      }
      if (msAbs >= m) {
        return plural(ms, msAbs, m, "minute");
      }
      if (msAbs >= s) {
        return plural(ms, msAbs, s, "second");
      }
      return ms + " ms";
    }
    function plural(ms, msAbs, n, name) {
      var isPlural = msAbs >= n * 1.5;
      return Math.round(ms / n) + " " + name + (isPlural ? "s" : "");
    }
  }
});

// node_modules/debug/src/common.js
var require_common = __commonJS({
  "node_modules/debug/src/common.js"(exports, module) {
    function setup(env) {
      createDebug.debug = createDebug;
      createDebug.default = createDebug;
      createDebug.coerce = coerce;
      createDebug.disable = disable;
      createDebug.enable = enable;
      createDebug.enabled = enabled;
      createDebug.humanize = require_ms();
      createDebug.destroy = destroy;
      Object.keys(env).forEach((key) => {
        createDebug[key] = env[key];
      });
      createDebug.names = [];
      createDebug.skips = [];
      createDebug.formatters = {};
      function selectColor(namespace) {
        let hash = 0;
        for (let i = 0; i < namespace.length; i++) {
          hash = (hash << 5) - hash + namespace.charCodeAt(i);
          hash |= 0;
        }
        return createDebug.colors[Math.abs(hash) % createDebug.colors.length];
      }
      createDebug.selectColor = selectColor;
      function createDebug(namespace) {
        let prevTime;
        let enableOverride = null;
        let namespacesCache;
        let enabledCache;
        function debug(...args) {
          if (!debug.enabled) {
            return;
          }
          const self = debug;
          const curr = Number(/* @__PURE__ */ new Date());
          const ms = curr - (prevTime || curr);
          self.diff = ms;
          self.prev = prevTime;
          self.curr = curr;
          prevTime = curr;
          args[0] = createDebug.coerce(args[0]);
          if (typeof args[0] !== "string") {
            args.unshift("%O");
          }
          let index = 0;
          args[0] = args[0].replace(/%([a-zA-Z%])/g, (match, format) => {
            if (match === "%%") {
              return "%";
            }
            index++;
            const formatter = createDebug.formatters[format];
            if (typeof formatter === "function") {
              const val = args[index];
              match = formatter.call(self, val);
              args.splice(index, 1);
              index--;
            }
            return match;
          });
          createDebug.formatArgs.call(self, args);
          const logFn = self.log || createDebug.log;
          logFn.apply(self, args);
        }
        debug.namespace = namespace;
        debug.useColors = createDebug.useColors();
        debug.color = createDebug.selectColor(namespace);
        debug.extend = extend;
        debug.destroy = createDebug.destroy;
        Object.defineProperty(debug, "enabled", {
          enumerable: true,
          configurable: false,
          get: () => {
            if (enableOverride !== null) {
              return enableOverride;
            }
            if (namespacesCache !== createDebug.namespaces) {
              namespacesCache = createDebug.namespaces;
              enabledCache = createDebug.enabled(namespace);
            }
            return enabledCache;
          },
          set: (v) => {
            enableOverride = v;
          }
        });
        if (typeof createDebug.init === "function") {
          createDebug.init(debug);
        }
        return debug;
      }
      function extend(namespace, delimiter) {
        const newDebug = createDebug(this.namespace + (typeof delimiter === "undefined" ? ":" : delimiter) + namespace);
        newDebug.log = this.log;
        return newDebug;
      }
      function enable(namespaces) {
        createDebug.save(namespaces);
        createDebug.namespaces = namespaces;
        createDebug.names = [];
        createDebug.skips = [];
        const split = (typeof namespaces === "string" ? namespaces : "").trim().replace(/\s+/g, ",").split(",").filter(Boolean);
        for (const ns of split) {
          if (ns[0] === "-") {
            createDebug.skips.push(ns.slice(1));
          } else {
            createDebug.names.push(ns);
          }
        }
      }
      function matchesTemplate(search, template) {
        let searchIndex = 0;
        let templateIndex = 0;
        let starIndex = -1;
        let matchIndex = 0;
        while (searchIndex < search.length) {
          if (templateIndex < template.length && (template[templateIndex] === search[searchIndex] || template[templateIndex] === "*")) {
            if (template[templateIndex] === "*") {
              starIndex = templateIndex;
              matchIndex = searchIndex;
              templateIndex++;
            } else {
              searchIndex++;
              templateIndex++;
            }
          } else if (starIndex !== -1) {
            templateIndex = starIndex + 1;
            matchIndex++;
            searchIndex = matchIndex;
          } else {
            return false;
          }
        }
        while (templateIndex < template.length && template[templateIndex] === "*") {
          templateIndex++;
        }
        return templateIndex === template.length;
      }
      function disable() {
        const namespaces = [
          ...createDebug.names,
          ...createDebug.skips.map((namespace) => "-" + namespace)
        ].join(",");
        createDebug.enable("");
        return namespaces;
      }
      function enabled(name) {
        for (const skip of createDebug.skips) {
          if (matchesTemplate(name, skip)) {
            return false;
          }
        }
        for (const ns of createDebug.names) {
          if (matchesTemplate(name, ns)) {
            return true;
          }
        }
        return false;
      }
      function coerce(val) {
        if (val instanceof Error) {
          return val.stack || val.message;
        }
        return val;
      }
      function destroy() {
        console.warn("Instance method `debug.destroy()` is deprecated and no longer does anything. It will be removed in the next major version of `debug`.");
      }
      createDebug.enable(createDebug.load());
      return createDebug;
    }
    module.exports = setup;
  }
});

// node_modules/debug/src/browser.js
var require_browser = __commonJS({
  "node_modules/debug/src/browser.js"(exports, module) {
    exports.formatArgs = formatArgs;
    exports.save = save;
    exports.load = load;
    exports.useColors = useColors;
    exports.storage = localstorage();
    exports.destroy = /* @__PURE__ */ (() => {
      let warned = false;
      return () => {
        if (!warned) {
          warned = true;
          console.warn("Instance method `debug.destroy()` is deprecated and no longer does anything. It will be removed in the next major version of `debug`.");
        }
      };
    })();
    exports.colors = [
      "#0000CC",
      "#0000FF",
      "#0033CC",
      "#0033FF",
      "#0066CC",
      "#0066FF",
      "#0099CC",
      "#0099FF",
      "#00CC00",
      "#00CC33",
      "#00CC66",
      "#00CC99",
      "#00CCCC",
      "#00CCFF",
      "#3300CC",
      "#3300FF",
      "#3333CC",
      "#3333FF",
      "#3366CC",
      "#3366FF",
      "#3399CC",
      "#3399FF",
      "#33CC00",
      "#33CC33",
      "#33CC66",
      "#33CC99",
      "#33CCCC",
      "#33CCFF",
      "#6600CC",
      "#6600FF",
      "#6633CC",
      "#6633FF",
      "#66CC00",
      "#66CC33",
      "#9900CC",
      "#9900FF",
      "#9933CC",
      "#9933FF",
      "#99CC00",
      "#99CC33",
      "#CC0000",
      "#CC0033",
      "#CC0066",
      "#CC0099",
      "#CC00CC",
      "#CC00FF",
      "#CC3300",
      "#CC3333",
      "#CC3366",
      "#CC3399",
      "#CC33CC",
      "#CC33FF",
      "#CC6600",
      "#CC6633",
      "#CC9900",
      "#CC9933",
      "#CCCC00",
      "#CCCC33",
      "#FF0000",
      "#FF0033",
      "#FF0066",
      "#FF0099",
      "#FF00CC",
      "#FF00FF",
      "#FF3300",
      "#FF3333",
      "#FF3366",
      "#FF3399",
      "#FF33CC",
      "#FF33FF",
      "#FF6600",
      "#FF6633",
      "#FF9900",
      "#FF9933",
      "#FFCC00",
      "#FFCC33"
    ];
    function useColors() {
      if (typeof window !== "undefined" && window.process && (window.process.type === "renderer" || window.process.__nwjs)) {
        return true;
      }
      if (typeof navigator !== "undefined" && navigator.userAgent && navigator.userAgent.toLowerCase().match(/(edge|trident)\/(\d+)/)) {
        return false;
      }
      let m;
      return typeof document !== "undefined" && document.documentElement && document.documentElement.style && document.documentElement.style.WebkitAppearance || // Is firebug? http://stackoverflow.com/a/398120/376773
      typeof window !== "undefined" && window.console && (window.console.firebug || window.console.exception && window.console.table) || // Is firefox >= v31?
      // https://developer.mozilla.org/en-US/docs/Tools/Web_Console#Styling_messages
      typeof navigator !== "undefined" && navigator.userAgent && (m = navigator.userAgent.toLowerCase().match(/firefox\/(\d+)/)) && parseInt(m[1], 10) >= 31 || // Double check webkit in userAgent just in case we are in a worker
      typeof navigator !== "undefined" && navigator.userAgent && navigator.userAgent.toLowerCase().match(/applewebkit\/(\d+)/);
    }
    function formatArgs(args) {
      args[0] = (this.useColors ? "%c" : "") + this.namespace + (this.useColors ? " %c" : " ") + args[0] + (this.useColors ? "%c " : " ") + "+" + module.exports.humanize(this.diff);
      if (!this.useColors) {
        return;
      }
      const c = "color: " + this.color;
      args.splice(1, 0, c, "color: inherit");
      let index = 0;
      let lastC = 0;
      args[0].replace(/%[a-zA-Z%]/g, (match) => {
        if (match === "%%") {
          return;
        }
        index++;
        if (match === "%c") {
          lastC = index;
        }
      });
      args.splice(lastC, 0, c);
    }
    exports.log = console.debug || console.log || (() => {
    });
    function save(namespaces) {
      try {
        if (namespaces) {
          exports.storage.setItem("debug", namespaces);
        } else {
          exports.storage.removeItem("debug");
        }
      } catch (error) {
      }
    }
    function load() {
      let r;
      try {
        r = exports.storage.getItem("debug") || exports.storage.getItem("DEBUG");
      } catch (error) {
      }
      if (!r && typeof process !== "undefined" && "env" in process) {
        r = process.env.DEBUG;
      }
      return r;
    }
    function localstorage() {
      try {
        return localStorage;
      } catch (error) {
      }
    }
    module.exports = require_common()(exports);
    var { formatters } = module.exports;
    formatters.j = function(v) {
      try {
        return JSON.stringify(v);
      } catch (error) {
        return "[UnexpectedJSONParseError]: " + error.message;
      }
    };
  }
});

// node_modules/has-flag/index.js
var require_has_flag = __commonJS({
  "node_modules/has-flag/index.js"(exports, module) {
    "use strict";
    module.exports = (flag, argv = process.argv) => {
      const prefix = flag.startsWith("-") ? "" : flag.length === 1 ? "-" : "--";
      const position = argv.indexOf(prefix + flag);
      const terminatorPosition = argv.indexOf("--");
      return position !== -1 && (terminatorPosition === -1 || position < terminatorPosition);
    };
  }
});

// node_modules/supports-color/index.js
var require_supports_color = __commonJS({
  "node_modules/supports-color/index.js"(exports, module) {
    "use strict";
    var os = __require("os");
    var tty = __require("tty");
    var hasFlag = require_has_flag();
    var { env } = process;
    var flagForceColor;
    if (hasFlag("no-color") || hasFlag("no-colors") || hasFlag("color=false") || hasFlag("color=never")) {
      flagForceColor = 0;
    } else if (hasFlag("color") || hasFlag("colors") || hasFlag("color=true") || hasFlag("color=always")) {
      flagForceColor = 1;
    }
    function envForceColor() {
      if ("FORCE_COLOR" in env) {
        if (env.FORCE_COLOR === "true") {
          return 1;
        }
        if (env.FORCE_COLOR === "false") {
          return 0;
        }
        return env.FORCE_COLOR.length === 0 ? 1 : Math.min(Number.parseInt(env.FORCE_COLOR, 10), 3);
      }
    }
    function translateLevel(level) {
      if (level === 0) {
        return false;
      }
      return {
        level,
        hasBasic: true,
        has256: level >= 2,
        has16m: level >= 3
      };
    }
    function supportsColor(haveStream, { streamIsTTY, sniffFlags = true } = {}) {
      const noFlagForceColor = envForceColor();
      if (noFlagForceColor !== void 0) {
        flagForceColor = noFlagForceColor;
      }
      const forceColor = sniffFlags ? flagForceColor : noFlagForceColor;
      if (forceColor === 0) {
        return 0;
      }
      if (sniffFlags) {
        if (hasFlag("color=16m") || hasFlag("color=full") || hasFlag("color=truecolor")) {
          return 3;
        }
        if (hasFlag("color=256")) {
          return 2;
        }
      }
      if (haveStream && !streamIsTTY && forceColor === void 0) {
        return 0;
      }
      const min = forceColor || 0;
      if (env.TERM === "dumb") {
        return min;
      }
      if (process.platform === "win32") {
        const osRelease = os.release().split(".");
        if (Number(osRelease[0]) >= 10 && Number(osRelease[2]) >= 10586) {
          return Number(osRelease[2]) >= 14931 ? 3 : 2;
        }
        return 1;
      }
      if ("CI" in env) {
        if (["TRAVIS", "CIRCLECI", "APPVEYOR", "GITLAB_CI", "GITHUB_ACTIONS", "BUILDKITE", "DRONE"].some((sign) => sign in env) || env.CI_NAME === "codeship") {
          return 1;
        }
        return min;
      }
      if ("TEAMCITY_VERSION" in env) {
        return /^(9\.(0*[1-9]\d*)\.|\d{2,}\.)/.test(env.TEAMCITY_VERSION) ? 1 : 0;
      }
      if (env.COLORTERM === "truecolor") {
        return 3;
      }
      if ("TERM_PROGRAM" in env) {
        const version = Number.parseInt((env.TERM_PROGRAM_VERSION || "").split(".")[0], 10);
        switch (env.TERM_PROGRAM) {
          case "iTerm.app":
            return version >= 3 ? 3 : 2;
          case "Apple_Terminal":
            return 2;
        }
      }
      if (/-256(color)?$/i.test(env.TERM)) {
        return 2;
      }
      if (/^screen|^xterm|^vt100|^vt220|^rxvt|color|ansi|cygwin|linux/i.test(env.TERM)) {
        return 1;
      }
      if ("COLORTERM" in env) {
        return 1;
      }
      return min;
    }
    function getSupportLevel(stream, options = {}) {
      const level = supportsColor(stream, {
        streamIsTTY: stream && stream.isTTY,
        ...options
      });
      return translateLevel(level);
    }
    module.exports = {
      supportsColor: getSupportLevel,
      stdout: getSupportLevel({ isTTY: tty.isatty(1) }),
      stderr: getSupportLevel({ isTTY: tty.isatty(2) })
    };
  }
});

// node_modules/debug/src/node.js
var require_node = __commonJS({
  "node_modules/debug/src/node.js"(exports, module) {
    var tty = __require("tty");
    var util = __require("util");
    exports.init = init;
    exports.log = log;
    exports.formatArgs = formatArgs;
    exports.save = save;
    exports.load = load;
    exports.useColors = useColors;
    exports.destroy = util.deprecate(
      () => {
      },
      "Instance method `debug.destroy()` is deprecated and no longer does anything. It will be removed in the next major version of `debug`."
    );
    exports.colors = [6, 2, 3, 4, 5, 1];
    try {
      const supportsColor = require_supports_color();
      if (supportsColor && (supportsColor.stderr || supportsColor).level >= 2) {
        exports.colors = [
          20,
          21,
          26,
          27,
          32,
          33,
          38,
          39,
          40,
          41,
          42,
          43,
          44,
          45,
          56,
          57,
          62,
          63,
          68,
          69,
          74,
          75,
          76,
          77,
          78,
          79,
          80,
          81,
          92,
          93,
          98,
          99,
          112,
          113,
          128,
          129,
          134,
          135,
          148,
          149,
          160,
          161,
          162,
          163,
          164,
          165,
          166,
          167,
          168,
          169,
          170,
          171,
          172,
          173,
          178,
          179,
          184,
          185,
          196,
          197,
          198,
          199,
          200,
          201,
          202,
          203,
          204,
          205,
          206,
          207,
          208,
          209,
          214,
          215,
          220,
          221
        ];
      }
    } catch (error) {
    }
    exports.inspectOpts = Object.keys(process.env).filter((key) => {
      return /^debug_/i.test(key);
    }).reduce((obj, key) => {
      const prop = key.substring(6).toLowerCase().replace(/_([a-z])/g, (_, k) => {
        return k.toUpperCase();
      });
      let val = process.env[key];
      if (/^(yes|on|true|enabled)$/i.test(val)) {
        val = true;
      } else if (/^(no|off|false|disabled)$/i.test(val)) {
        val = false;
      } else if (val === "null") {
        val = null;
      } else {
        val = Number(val);
      }
      obj[prop] = val;
      return obj;
    }, {});
    function useColors() {
      return "colors" in exports.inspectOpts ? Boolean(exports.inspectOpts.colors) : tty.isatty(process.stderr.fd);
    }
    function formatArgs(args) {
      const { namespace: name, useColors: useColors2 } = this;
      if (useColors2) {
        const c = this.color;
        const colorCode = "\x1B[3" + (c < 8 ? c : "8;5;" + c);
        const prefix = `  ${colorCode};1m${name} \x1B[0m`;
        args[0] = prefix + args[0].split("\n").join("\n" + prefix);
        args.push(colorCode + "m+" + module.exports.humanize(this.diff) + "\x1B[0m");
      } else {
        args[0] = getDate() + name + " " + args[0];
      }
    }
    function getDate() {
      if (exports.inspectOpts.hideDate) {
        return "";
      }
      return (/* @__PURE__ */ new Date()).toISOString() + " ";
    }
    function log(...args) {
      return process.stderr.write(util.formatWithOptions(exports.inspectOpts, ...args) + "\n");
    }
    function save(namespaces) {
      if (namespaces) {
        process.env.DEBUG = namespaces;
      } else {
        delete process.env.DEBUG;
      }
    }
    function load() {
      return process.env.DEBUG;
    }
    function init(debug) {
      debug.inspectOpts = {};
      const keys = Object.keys(exports.inspectOpts);
      for (let i = 0; i < keys.length; i++) {
        debug.inspectOpts[keys[i]] = exports.inspectOpts[keys[i]];
      }
    }
    module.exports = require_common()(exports);
    var { formatters } = module.exports;
    formatters.o = function(v) {
      this.inspectOpts.colors = this.useColors;
      return util.inspect(v, this.inspectOpts).split("\n").map((str) => str.trim()).join(" ");
    };
    formatters.O = function(v) {
      this.inspectOpts.colors = this.useColors;
      return util.inspect(v, this.inspectOpts);
    };
  }
});

// node_modules/debug/src/index.js
var require_src = __commonJS({
  "node_modules/debug/src/index.js"(exports, module) {
    if (typeof process === "undefined" || process.type === "renderer" || process.browser === true || process.__nwjs) {
      module.exports = require_browser();
    } else {
      module.exports = require_node();
    }
  }
});

// node_modules/@oclif/core/lib/logger.js
var require_logger = __commonJS({
  "node_modules/@oclif/core/lib/logger.js"(exports) {
    "use strict";
    var __importDefault = exports && exports.__importDefault || function(mod) {
      return mod && mod.__esModule ? mod : { "default": mod };
    };
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.getLogger = getLogger;
    exports.makeDebug = makeDebug;
    exports.setLogger = setLogger;
    exports.clearLoggers = clearLoggers;
    var debug_1 = __importDefault(require_src());
    var OCLIF_NS = "oclif";
    function makeLogger(namespace = OCLIF_NS) {
      const debug = (0, debug_1.default)(namespace);
      return {
        child: (ns, delimiter) => makeLogger(`${namespace}${delimiter ?? ":"}${ns}`),
        debug,
        error(formatter, ...args) {
          makeLogger(`${namespace}:error`).debug(formatter, ...args);
        },
        info: debug,
        namespace,
        trace: debug,
        warn: debug
      };
    }
    var cachedLoggers = /* @__PURE__ */ new Map();
    function getLogger(namespace) {
      let rootLogger = cachedLoggers.get("root");
      if (!rootLogger) {
        set(makeLogger(OCLIF_NS));
      }
      rootLogger = cachedLoggers.get("root");
      if (namespace) {
        const cachedLogger = cachedLoggers.get(namespace);
        if (cachedLogger)
          return cachedLogger;
        const logger = rootLogger.child(namespace);
        cachedLoggers.set(namespace, logger);
        return logger;
      }
      return rootLogger;
    }
    function ensureItMatchesInterface(newLogger) {
      return typeof newLogger.child === "function" && typeof newLogger.debug === "function" && typeof newLogger.error === "function" && typeof newLogger.info === "function" && typeof newLogger.trace === "function" && typeof newLogger.warn === "function" && typeof newLogger.namespace === "string";
    }
    function set(newLogger) {
      if (cachedLoggers.has(newLogger.namespace))
        return;
      if (cachedLoggers.has("root"))
        return;
      if (ensureItMatchesInterface(newLogger)) {
        cachedLoggers.set(newLogger.namespace, newLogger);
        cachedLoggers.set("root", newLogger);
      } else {
        process.emitWarning("Logger does not match the Logger interface. Using default logger.");
      }
    }
    function makeDebug(namespace) {
      return (formatter, ...args) => {
        getLogger(namespace).debug(formatter, ...args);
      };
    }
    function setLogger(loadOptions) {
      if (loadOptions && typeof loadOptions !== "string" && "logger" in loadOptions && loadOptions.logger) {
        set(loadOptions.logger);
      } else {
        set(makeLogger(OCLIF_NS));
      }
    }
    function clearLoggers() {
      cachedLoggers.clear();
    }
  }
});

// node_modules/@oclif/core/lib/ux/write.js
var require_write = __commonJS({
  "node_modules/@oclif/core/lib/ux/write.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.stderr = exports.stdout = void 0;
    var node_util_1 = __require("node:util");
    var stdout = (str, ...args) => {
      if (!str && args) {
        console.log((0, node_util_1.format)(...args));
      } else if (!str) {
        console.log();
      } else if (typeof str === "string") {
        console.log((0, node_util_1.format)(str, ...args));
      } else {
        console.log((0, node_util_1.format)(...str, ...args));
      }
    };
    exports.stdout = stdout;
    var stderr = (str, ...args) => {
      if (!str && args) {
        console.error((0, node_util_1.format)(...args));
      } else if (!str) {
        console.error();
      } else if (typeof str === "string") {
        console.error((0, node_util_1.format)(str, ...args));
      } else {
        console.error((0, node_util_1.format)(...str, ...args));
      }
    };
    exports.stderr = stderr;
  }
});

// node_modules/indent-string/index.js
var require_indent_string = __commonJS({
  "node_modules/indent-string/index.js"(exports, module) {
    "use strict";
    module.exports = (string, count = 1, options) => {
      options = {
        indent: " ",
        includeEmptyLines: false,
        ...options
      };
      if (typeof string !== "string") {
        throw new TypeError(
          `Expected \`input\` to be a \`string\`, got \`${typeof string}\``
        );
      }
      if (typeof count !== "number") {
        throw new TypeError(
          `Expected \`count\` to be a \`number\`, got \`${typeof count}\``
        );
      }
      if (typeof options.indent !== "string") {
        throw new TypeError(
          `Expected \`options.indent\` to be a \`string\`, got \`${typeof options.indent}\``
        );
      }
      if (count === 0) {
        return string;
      }
      const regex = options.includeEmptyLines ? /^/gm : /^(?!\s*$)/gm;
      return string.replace(regex, options.indent.repeat(count));
    };
  }
});

// node_modules/ansi-regex/index.js
var require_ansi_regex = __commonJS({
  "node_modules/ansi-regex/index.js"(exports, module) {
    "use strict";
    module.exports = ({ onlyFirst = false } = {}) => {
      const pattern = [
        "[\\u001B\\u009B][[\\]()#;?]*(?:(?:(?:(?:;[-a-zA-Z\\d\\/#&.:=?%@~_]+)*|[a-zA-Z\\d]+(?:;[-a-zA-Z\\d\\/#&.:=?%@~_]*)*)?\\u0007)",
        "(?:(?:\\d{1,4}(?:;\\d{0,4})*)?[\\dA-PR-TZcf-ntqry=><~]))"
      ].join("|");
      return new RegExp(pattern, onlyFirst ? void 0 : "g");
    };
  }
});

// node_modules/strip-ansi/index.js
var require_strip_ansi = __commonJS({
  "node_modules/strip-ansi/index.js"(exports, module) {
    "use strict";
    var ansiRegex = require_ansi_regex();
    module.exports = (string) => typeof string === "string" ? string.replace(ansiRegex(), "") : string;
  }
});

// node_modules/is-fullwidth-code-point/index.js
var require_is_fullwidth_code_point = __commonJS({
  "node_modules/is-fullwidth-code-point/index.js"(exports, module) {
    "use strict";
    var isFullwidthCodePoint = (codePoint) => {
      if (Number.isNaN(codePoint)) {
        return false;
      }
      if (codePoint >= 4352 && (codePoint <= 4447 || // Hangul Jamo
      codePoint === 9001 || // LEFT-POINTING ANGLE BRACKET
      codePoint === 9002 || // RIGHT-POINTING ANGLE BRACKET
      // CJK Radicals Supplement .. Enclosed CJK Letters and Months
      11904 <= codePoint && codePoint <= 12871 && codePoint !== 12351 || // Enclosed CJK Letters and Months .. CJK Unified Ideographs Extension A
      12880 <= codePoint && codePoint <= 19903 || // CJK Unified Ideographs .. Yi Radicals
      19968 <= codePoint && codePoint <= 42182 || // Hangul Jamo Extended-A
      43360 <= codePoint && codePoint <= 43388 || // Hangul Syllables
      44032 <= codePoint && codePoint <= 55203 || // CJK Compatibility Ideographs
      63744 <= codePoint && codePoint <= 64255 || // Vertical Forms
      65040 <= codePoint && codePoint <= 65049 || // CJK Compatibility Forms .. Small Form Variants
      65072 <= codePoint && codePoint <= 65131 || // Halfwidth and Fullwidth Forms
      65281 <= codePoint && codePoint <= 65376 || 65504 <= codePoint && codePoint <= 65510 || // Kana Supplement
      110592 <= codePoint && codePoint <= 110593 || // Enclosed Ideographic Supplement
      127488 <= codePoint && codePoint <= 127569 || // CJK Unified Ideographs Extension B .. Tertiary Ideographic Plane
      131072 <= codePoint && codePoint <= 262141)) {
        return true;
      }
      return false;
    };
    module.exports = isFullwidthCodePoint;
    module.exports.default = isFullwidthCodePoint;
  }
});

// node_modules/emoji-regex/index.js
var require_emoji_regex = __commonJS({
  "node_modules/emoji-regex/index.js"(exports, module) {
    "use strict";
    module.exports = function() {
      return /\uD83C\uDFF4\uDB40\uDC67\uDB40\uDC62(?:\uDB40\uDC65\uDB40\uDC6E\uDB40\uDC67|\uDB40\uDC73\uDB40\uDC63\uDB40\uDC74|\uDB40\uDC77\uDB40\uDC6C\uDB40\uDC73)\uDB40\uDC7F|\uD83D\uDC68(?:\uD83C\uDFFC\u200D(?:\uD83E\uDD1D\u200D\uD83D\uDC68\uD83C\uDFFB|\uD83C[\uDF3E\uDF73\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uD83E[\uDDAF-\uDDB3\uDDBC\uDDBD])|\uD83C\uDFFF\u200D(?:\uD83E\uDD1D\u200D\uD83D\uDC68(?:\uD83C[\uDFFB-\uDFFE])|\uD83C[\uDF3E\uDF73\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uD83E[\uDDAF-\uDDB3\uDDBC\uDDBD])|\uD83C\uDFFE\u200D(?:\uD83E\uDD1D\u200D\uD83D\uDC68(?:\uD83C[\uDFFB-\uDFFD])|\uD83C[\uDF3E\uDF73\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uD83E[\uDDAF-\uDDB3\uDDBC\uDDBD])|\uD83C\uDFFD\u200D(?:\uD83E\uDD1D\u200D\uD83D\uDC68(?:\uD83C[\uDFFB\uDFFC])|\uD83C[\uDF3E\uDF73\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uD83E[\uDDAF-\uDDB3\uDDBC\uDDBD])|\u200D(?:\u2764\uFE0F\u200D(?:\uD83D\uDC8B\u200D)?\uD83D\uDC68|(?:\uD83D[\uDC68\uDC69])\u200D(?:\uD83D\uDC66\u200D\uD83D\uDC66|\uD83D\uDC67\u200D(?:\uD83D[\uDC66\uDC67]))|\uD83D\uDC66\u200D\uD83D\uDC66|\uD83D\uDC67\u200D(?:\uD83D[\uDC66\uDC67])|(?:\uD83D[\uDC68\uDC69])\u200D(?:\uD83D[\uDC66\uDC67])|[\u2695\u2696\u2708]\uFE0F|\uD83D[\uDC66\uDC67]|\uD83C[\uDF3E\uDF73\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uD83E[\uDDAF-\uDDB3\uDDBC\uDDBD])|(?:\uD83C\uDFFB\u200D[\u2695\u2696\u2708]|\uD83C\uDFFF\u200D[\u2695\u2696\u2708]|\uD83C\uDFFE\u200D[\u2695\u2696\u2708]|\uD83C\uDFFD\u200D[\u2695\u2696\u2708]|\uD83C\uDFFC\u200D[\u2695\u2696\u2708])\uFE0F|\uD83C\uDFFB\u200D(?:\uD83C[\uDF3E\uDF73\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uD83E[\uDDAF-\uDDB3\uDDBC\uDDBD])|\uD83C[\uDFFB-\uDFFF])|(?:\uD83E\uDDD1\uD83C\uDFFB\u200D\uD83E\uDD1D\u200D\uD83E\uDDD1|\uD83D\uDC69\uD83C\uDFFC\u200D\uD83E\uDD1D\u200D\uD83D\uDC69)\uD83C\uDFFB|\uD83E\uDDD1(?:\uD83C\uDFFF\u200D\uD83E\uDD1D\u200D\uD83E\uDDD1(?:\uD83C[\uDFFB-\uDFFF])|\u200D\uD83E\uDD1D\u200D\uD83E\uDDD1)|(?:\uD83E\uDDD1\uD83C\uDFFE\u200D\uD83E\uDD1D\u200D\uD83E\uDDD1|\uD83D\uDC69\uD83C\uDFFF\u200D\uD83E\uDD1D\u200D(?:\uD83D[\uDC68\uDC69]))(?:\uD83C[\uDFFB-\uDFFE])|(?:\uD83E\uDDD1\uD83C\uDFFC\u200D\uD83E\uDD1D\u200D\uD83E\uDDD1|\uD83D\uDC69\uD83C\uDFFD\u200D\uD83E\uDD1D\u200D\uD83D\uDC69)(?:\uD83C[\uDFFB\uDFFC])|\uD83D\uDC69(?:\uD83C\uDFFE\u200D(?:\uD83E\uDD1D\u200D\uD83D\uDC68(?:\uD83C[\uDFFB-\uDFFD\uDFFF])|\uD83C[\uDF3E\uDF73\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uD83E[\uDDAF-\uDDB3\uDDBC\uDDBD])|\uD83C\uDFFC\u200D(?:\uD83E\uDD1D\u200D\uD83D\uDC68(?:\uD83C[\uDFFB\uDFFD-\uDFFF])|\uD83C[\uDF3E\uDF73\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uD83E[\uDDAF-\uDDB3\uDDBC\uDDBD])|\uD83C\uDFFB\u200D(?:\uD83E\uDD1D\u200D\uD83D\uDC68(?:\uD83C[\uDFFC-\uDFFF])|\uD83C[\uDF3E\uDF73\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uD83E[\uDDAF-\uDDB3\uDDBC\uDDBD])|\uD83C\uDFFD\u200D(?:\uD83E\uDD1D\u200D\uD83D\uDC68(?:\uD83C[\uDFFB\uDFFC\uDFFE\uDFFF])|\uD83C[\uDF3E\uDF73\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uD83E[\uDDAF-\uDDB3\uDDBC\uDDBD])|\u200D(?:\u2764\uFE0F\u200D(?:\uD83D\uDC8B\u200D(?:\uD83D[\uDC68\uDC69])|\uD83D[\uDC68\uDC69])|\uD83C[\uDF3E\uDF73\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uD83E[\uDDAF-\uDDB3\uDDBC\uDDBD])|\uD83C\uDFFF\u200D(?:\uD83C[\uDF3E\uDF73\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uD83E[\uDDAF-\uDDB3\uDDBC\uDDBD]))|\uD83D\uDC69\u200D\uD83D\uDC69\u200D(?:\uD83D\uDC66\u200D\uD83D\uDC66|\uD83D\uDC67\u200D(?:\uD83D[\uDC66\uDC67]))|(?:\uD83E\uDDD1\uD83C\uDFFD\u200D\uD83E\uDD1D\u200D\uD83E\uDDD1|\uD83D\uDC69\uD83C\uDFFE\u200D\uD83E\uDD1D\u200D\uD83D\uDC69)(?:\uD83C[\uDFFB-\uDFFD])|\uD83D\uDC69\u200D\uD83D\uDC66\u200D\uD83D\uDC66|\uD83D\uDC69\u200D\uD83D\uDC69\u200D(?:\uD83D[\uDC66\uDC67])|(?:\uD83D\uDC41\uFE0F\u200D\uD83D\uDDE8|\uD83D\uDC69(?:\uD83C\uDFFF\u200D[\u2695\u2696\u2708]|\uD83C\uDFFE\u200D[\u2695\u2696\u2708]|\uD83C\uDFFC\u200D[\u2695\u2696\u2708]|\uD83C\uDFFB\u200D[\u2695\u2696\u2708]|\uD83C\uDFFD\u200D[\u2695\u2696\u2708]|\u200D[\u2695\u2696\u2708])|(?:(?:\u26F9|\uD83C[\uDFCB\uDFCC]|\uD83D\uDD75)\uFE0F|\uD83D\uDC6F|\uD83E[\uDD3C\uDDDE\uDDDF])\u200D[\u2640\u2642]|(?:\u26F9|\uD83C[\uDFCB\uDFCC]|\uD83D\uDD75)(?:\uD83C[\uDFFB-\uDFFF])\u200D[\u2640\u2642]|(?:\uD83C[\uDFC3\uDFC4\uDFCA]|\uD83D[\uDC6E\uDC71\uDC73\uDC77\uDC81\uDC82\uDC86\uDC87\uDE45-\uDE47\uDE4B\uDE4D\uDE4E\uDEA3\uDEB4-\uDEB6]|\uD83E[\uDD26\uDD37-\uDD39\uDD3D\uDD3E\uDDB8\uDDB9\uDDCD-\uDDCF\uDDD6-\uDDDD])(?:(?:\uD83C[\uDFFB-\uDFFF])\u200D[\u2640\u2642]|\u200D[\u2640\u2642])|\uD83C\uDFF4\u200D\u2620)\uFE0F|\uD83D\uDC69\u200D\uD83D\uDC67\u200D(?:\uD83D[\uDC66\uDC67])|\uD83C\uDFF3\uFE0F\u200D\uD83C\uDF08|\uD83D\uDC15\u200D\uD83E\uDDBA|\uD83D\uDC69\u200D\uD83D\uDC66|\uD83D\uDC69\u200D\uD83D\uDC67|\uD83C\uDDFD\uD83C\uDDF0|\uD83C\uDDF4\uD83C\uDDF2|\uD83C\uDDF6\uD83C\uDDE6|[#\*0-9]\uFE0F\u20E3|\uD83C\uDDE7(?:\uD83C[\uDDE6\uDDE7\uDDE9-\uDDEF\uDDF1-\uDDF4\uDDF6-\uDDF9\uDDFB\uDDFC\uDDFE\uDDFF])|\uD83C\uDDF9(?:\uD83C[\uDDE6\uDDE8\uDDE9\uDDEB-\uDDED\uDDEF-\uDDF4\uDDF7\uDDF9\uDDFB\uDDFC\uDDFF])|\uD83C\uDDEA(?:\uD83C[\uDDE6\uDDE8\uDDEA\uDDEC\uDDED\uDDF7-\uDDFA])|\uD83E\uDDD1(?:\uD83C[\uDFFB-\uDFFF])|\uD83C\uDDF7(?:\uD83C[\uDDEA\uDDF4\uDDF8\uDDFA\uDDFC])|\uD83D\uDC69(?:\uD83C[\uDFFB-\uDFFF])|\uD83C\uDDF2(?:\uD83C[\uDDE6\uDDE8-\uDDED\uDDF0-\uDDFF])|\uD83C\uDDE6(?:\uD83C[\uDDE8-\uDDEC\uDDEE\uDDF1\uDDF2\uDDF4\uDDF6-\uDDFA\uDDFC\uDDFD\uDDFF])|\uD83C\uDDF0(?:\uD83C[\uDDEA\uDDEC-\uDDEE\uDDF2\uDDF3\uDDF5\uDDF7\uDDFC\uDDFE\uDDFF])|\uD83C\uDDED(?:\uD83C[\uDDF0\uDDF2\uDDF3\uDDF7\uDDF9\uDDFA])|\uD83C\uDDE9(?:\uD83C[\uDDEA\uDDEC\uDDEF\uDDF0\uDDF2\uDDF4\uDDFF])|\uD83C\uDDFE(?:\uD83C[\uDDEA\uDDF9])|\uD83C\uDDEC(?:\uD83C[\uDDE6\uDDE7\uDDE9-\uDDEE\uDDF1-\uDDF3\uDDF5-\uDDFA\uDDFC\uDDFE])|\uD83C\uDDF8(?:\uD83C[\uDDE6-\uDDEA\uDDEC-\uDDF4\uDDF7-\uDDF9\uDDFB\uDDFD-\uDDFF])|\uD83C\uDDEB(?:\uD83C[\uDDEE-\uDDF0\uDDF2\uDDF4\uDDF7])|\uD83C\uDDF5(?:\uD83C[\uDDE6\uDDEA-\uDDED\uDDF0-\uDDF3\uDDF7-\uDDF9\uDDFC\uDDFE])|\uD83C\uDDFB(?:\uD83C[\uDDE6\uDDE8\uDDEA\uDDEC\uDDEE\uDDF3\uDDFA])|\uD83C\uDDF3(?:\uD83C[\uDDE6\uDDE8\uDDEA-\uDDEC\uDDEE\uDDF1\uDDF4\uDDF5\uDDF7\uDDFA\uDDFF])|\uD83C\uDDE8(?:\uD83C[\uDDE6\uDDE8\uDDE9\uDDEB-\uDDEE\uDDF0-\uDDF5\uDDF7\uDDFA-\uDDFF])|\uD83C\uDDF1(?:\uD83C[\uDDE6-\uDDE8\uDDEE\uDDF0\uDDF7-\uDDFB\uDDFE])|\uD83C\uDDFF(?:\uD83C[\uDDE6\uDDF2\uDDFC])|\uD83C\uDDFC(?:\uD83C[\uDDEB\uDDF8])|\uD83C\uDDFA(?:\uD83C[\uDDE6\uDDEC\uDDF2\uDDF3\uDDF8\uDDFE\uDDFF])|\uD83C\uDDEE(?:\uD83C[\uDDE8-\uDDEA\uDDF1-\uDDF4\uDDF6-\uDDF9])|\uD83C\uDDEF(?:\uD83C[\uDDEA\uDDF2\uDDF4\uDDF5])|(?:\uD83C[\uDFC3\uDFC4\uDFCA]|\uD83D[\uDC6E\uDC71\uDC73\uDC77\uDC81\uDC82\uDC86\uDC87\uDE45-\uDE47\uDE4B\uDE4D\uDE4E\uDEA3\uDEB4-\uDEB6]|\uD83E[\uDD26\uDD37-\uDD39\uDD3D\uDD3E\uDDB8\uDDB9\uDDCD-\uDDCF\uDDD6-\uDDDD])(?:\uD83C[\uDFFB-\uDFFF])|(?:\u26F9|\uD83C[\uDFCB\uDFCC]|\uD83D\uDD75)(?:\uD83C[\uDFFB-\uDFFF])|(?:[\u261D\u270A-\u270D]|\uD83C[\uDF85\uDFC2\uDFC7]|\uD83D[\uDC42\uDC43\uDC46-\uDC50\uDC66\uDC67\uDC6B-\uDC6D\uDC70\uDC72\uDC74-\uDC76\uDC78\uDC7C\uDC83\uDC85\uDCAA\uDD74\uDD7A\uDD90\uDD95\uDD96\uDE4C\uDE4F\uDEC0\uDECC]|\uD83E[\uDD0F\uDD18-\uDD1C\uDD1E\uDD1F\uDD30-\uDD36\uDDB5\uDDB6\uDDBB\uDDD2-\uDDD5])(?:\uD83C[\uDFFB-\uDFFF])|(?:[\u231A\u231B\u23E9-\u23EC\u23F0\u23F3\u25FD\u25FE\u2614\u2615\u2648-\u2653\u267F\u2693\u26A1\u26AA\u26AB\u26BD\u26BE\u26C4\u26C5\u26CE\u26D4\u26EA\u26F2\u26F3\u26F5\u26FA\u26FD\u2705\u270A\u270B\u2728\u274C\u274E\u2753-\u2755\u2757\u2795-\u2797\u27B0\u27BF\u2B1B\u2B1C\u2B50\u2B55]|\uD83C[\uDC04\uDCCF\uDD8E\uDD91-\uDD9A\uDDE6-\uDDFF\uDE01\uDE1A\uDE2F\uDE32-\uDE36\uDE38-\uDE3A\uDE50\uDE51\uDF00-\uDF20\uDF2D-\uDF35\uDF37-\uDF7C\uDF7E-\uDF93\uDFA0-\uDFCA\uDFCF-\uDFD3\uDFE0-\uDFF0\uDFF4\uDFF8-\uDFFF]|\uD83D[\uDC00-\uDC3E\uDC40\uDC42-\uDCFC\uDCFF-\uDD3D\uDD4B-\uDD4E\uDD50-\uDD67\uDD7A\uDD95\uDD96\uDDA4\uDDFB-\uDE4F\uDE80-\uDEC5\uDECC\uDED0-\uDED2\uDED5\uDEEB\uDEEC\uDEF4-\uDEFA\uDFE0-\uDFEB]|\uD83E[\uDD0D-\uDD3A\uDD3C-\uDD45\uDD47-\uDD71\uDD73-\uDD76\uDD7A-\uDDA2\uDDA5-\uDDAA\uDDAE-\uDDCA\uDDCD-\uDDFF\uDE70-\uDE73\uDE78-\uDE7A\uDE80-\uDE82\uDE90-\uDE95])|(?:[#\*0-9\xA9\xAE\u203C\u2049\u2122\u2139\u2194-\u2199\u21A9\u21AA\u231A\u231B\u2328\u23CF\u23E9-\u23F3\u23F8-\u23FA\u24C2\u25AA\u25AB\u25B6\u25C0\u25FB-\u25FE\u2600-\u2604\u260E\u2611\u2614\u2615\u2618\u261D\u2620\u2622\u2623\u2626\u262A\u262E\u262F\u2638-\u263A\u2640\u2642\u2648-\u2653\u265F\u2660\u2663\u2665\u2666\u2668\u267B\u267E\u267F\u2692-\u2697\u2699\u269B\u269C\u26A0\u26A1\u26AA\u26AB\u26B0\u26B1\u26BD\u26BE\u26C4\u26C5\u26C8\u26CE\u26CF\u26D1\u26D3\u26D4\u26E9\u26EA\u26F0-\u26F5\u26F7-\u26FA\u26FD\u2702\u2705\u2708-\u270D\u270F\u2712\u2714\u2716\u271D\u2721\u2728\u2733\u2734\u2744\u2747\u274C\u274E\u2753-\u2755\u2757\u2763\u2764\u2795-\u2797\u27A1\u27B0\u27BF\u2934\u2935\u2B05-\u2B07\u2B1B\u2B1C\u2B50\u2B55\u3030\u303D\u3297\u3299]|\uD83C[\uDC04\uDCCF\uDD70\uDD71\uDD7E\uDD7F\uDD8E\uDD91-\uDD9A\uDDE6-\uDDFF\uDE01\uDE02\uDE1A\uDE2F\uDE32-\uDE3A\uDE50\uDE51\uDF00-\uDF21\uDF24-\uDF93\uDF96\uDF97\uDF99-\uDF9B\uDF9E-\uDFF0\uDFF3-\uDFF5\uDFF7-\uDFFF]|\uD83D[\uDC00-\uDCFD\uDCFF-\uDD3D\uDD49-\uDD4E\uDD50-\uDD67\uDD6F\uDD70\uDD73-\uDD7A\uDD87\uDD8A-\uDD8D\uDD90\uDD95\uDD96\uDDA4\uDDA5\uDDA8\uDDB1\uDDB2\uDDBC\uDDC2-\uDDC4\uDDD1-\uDDD3\uDDDC-\uDDDE\uDDE1\uDDE3\uDDE8\uDDEF\uDDF3\uDDFA-\uDE4F\uDE80-\uDEC5\uDECB-\uDED2\uDED5\uDEE0-\uDEE5\uDEE9\uDEEB\uDEEC\uDEF0\uDEF3-\uDEFA\uDFE0-\uDFEB]|\uD83E[\uDD0D-\uDD3A\uDD3C-\uDD45\uDD47-\uDD71\uDD73-\uDD76\uDD7A-\uDDA2\uDDA5-\uDDAA\uDDAE-\uDDCA\uDDCD-\uDDFF\uDE70-\uDE73\uDE78-\uDE7A\uDE80-\uDE82\uDE90-\uDE95])\uFE0F|(?:[\u261D\u26F9\u270A-\u270D]|\uD83C[\uDF85\uDFC2-\uDFC4\uDFC7\uDFCA-\uDFCC]|\uD83D[\uDC42\uDC43\uDC46-\uDC50\uDC66-\uDC78\uDC7C\uDC81-\uDC83\uDC85-\uDC87\uDC8F\uDC91\uDCAA\uDD74\uDD75\uDD7A\uDD90\uDD95\uDD96\uDE45-\uDE47\uDE4B-\uDE4F\uDEA3\uDEB4-\uDEB6\uDEC0\uDECC]|\uD83E[\uDD0F\uDD18-\uDD1F\uDD26\uDD30-\uDD39\uDD3C-\uDD3E\uDDB5\uDDB6\uDDB8\uDDB9\uDDBB\uDDCD-\uDDCF\uDDD1-\uDDDD])/g;
    };
  }
});

// node_modules/string-width/index.js
var require_string_width = __commonJS({
  "node_modules/string-width/index.js"(exports, module) {
    "use strict";
    var stripAnsi = require_strip_ansi();
    var isFullwidthCodePoint = require_is_fullwidth_code_point();
    var emojiRegex = require_emoji_regex();
    var stringWidth = (string) => {
      if (typeof string !== "string" || string.length === 0) {
        return 0;
      }
      string = stripAnsi(string);
      if (string.length === 0) {
        return 0;
      }
      string = string.replace(emojiRegex(), "  ");
      let width = 0;
      for (let i = 0; i < string.length; i++) {
        const code = string.codePointAt(i);
        if (code <= 31 || code >= 127 && code <= 159) {
          continue;
        }
        if (code >= 768 && code <= 879) {
          continue;
        }
        if (code > 65535) {
          i++;
        }
        width += isFullwidthCodePoint(code) ? 2 : 1;
      }
      return width;
    };
    module.exports = stringWidth;
    module.exports.default = stringWidth;
  }
});

// node_modules/color-name/index.js
var require_color_name = __commonJS({
  "node_modules/color-name/index.js"(exports, module) {
    "use strict";
    module.exports = {
      "aliceblue": [240, 248, 255],
      "antiquewhite": [250, 235, 215],
      "aqua": [0, 255, 255],
      "aquamarine": [127, 255, 212],
      "azure": [240, 255, 255],
      "beige": [245, 245, 220],
      "bisque": [255, 228, 196],
      "black": [0, 0, 0],
      "blanchedalmond": [255, 235, 205],
      "blue": [0, 0, 255],
      "blueviolet": [138, 43, 226],
      "brown": [165, 42, 42],
      "burlywood": [222, 184, 135],
      "cadetblue": [95, 158, 160],
      "chartreuse": [127, 255, 0],
      "chocolate": [210, 105, 30],
      "coral": [255, 127, 80],
      "cornflowerblue": [100, 149, 237],
      "cornsilk": [255, 248, 220],
      "crimson": [220, 20, 60],
      "cyan": [0, 255, 255],
      "darkblue": [0, 0, 139],
      "darkcyan": [0, 139, 139],
      "darkgoldenrod": [184, 134, 11],
      "darkgray": [169, 169, 169],
      "darkgreen": [0, 100, 0],
      "darkgrey": [169, 169, 169],
      "darkkhaki": [189, 183, 107],
      "darkmagenta": [139, 0, 139],
      "darkolivegreen": [85, 107, 47],
      "darkorange": [255, 140, 0],
      "darkorchid": [153, 50, 204],
      "darkred": [139, 0, 0],
      "darksalmon": [233, 150, 122],
      "darkseagreen": [143, 188, 143],
      "darkslateblue": [72, 61, 139],
      "darkslategray": [47, 79, 79],
      "darkslategrey": [47, 79, 79],
      "darkturquoise": [0, 206, 209],
      "darkviolet": [148, 0, 211],
      "deeppink": [255, 20, 147],
      "deepskyblue": [0, 191, 255],
      "dimgray": [105, 105, 105],
      "dimgrey": [105, 105, 105],
      "dodgerblue": [30, 144, 255],
      "firebrick": [178, 34, 34],
      "floralwhite": [255, 250, 240],
      "forestgreen": [34, 139, 34],
      "fuchsia": [255, 0, 255],
      "gainsboro": [220, 220, 220],
      "ghostwhite": [248, 248, 255],
      "gold": [255, 215, 0],
      "goldenrod": [218, 165, 32],
      "gray": [128, 128, 128],
      "green": [0, 128, 0],
      "greenyellow": [173, 255, 47],
      "grey": [128, 128, 128],
      "honeydew": [240, 255, 240],
      "hotpink": [255, 105, 180],
      "indianred": [205, 92, 92],
      "indigo": [75, 0, 130],
      "ivory": [255, 255, 240],
      "khaki": [240, 230, 140],
      "lavender": [230, 230, 250],
      "lavenderblush": [255, 240, 245],
      "lawngreen": [124, 252, 0],
      "lemonchiffon": [255, 250, 205],
      "lightblue": [173, 216, 230],
      "lightcoral": [240, 128, 128],
      "lightcyan": [224, 255, 255],
      "lightgoldenrodyellow": [250, 250, 210],
      "lightgray": [211, 211, 211],
      "lightgreen": [144, 238, 144],
      "lightgrey": [211, 211, 211],
      "lightpink": [255, 182, 193],
      "lightsalmon": [255, 160, 122],
      "lightseagreen": [32, 178, 170],
      "lightskyblue": [135, 206, 250],
      "lightslategray": [119, 136, 153],
      "lightslategrey": [119, 136, 153],
      "lightsteelblue": [176, 196, 222],
      "lightyellow": [255, 255, 224],
      "lime": [0, 255, 0],
      "limegreen": [50, 205, 50],
      "linen": [250, 240, 230],
      "magenta": [255, 0, 255],
      "maroon": [128, 0, 0],
      "mediumaquamarine": [102, 205, 170],
      "mediumblue": [0, 0, 205],
      "mediumorchid": [186, 85, 211],
      "mediumpurple": [147, 112, 219],
      "mediumseagreen": [60, 179, 113],
      "mediumslateblue": [123, 104, 238],
      "mediumspringgreen": [0, 250, 154],
      "mediumturquoise": [72, 209, 204],
      "mediumvioletred": [199, 21, 133],
      "midnightblue": [25, 25, 112],
      "mintcream": [245, 255, 250],
      "mistyrose": [255, 228, 225],
      "moccasin": [255, 228, 181],
      "navajowhite": [255, 222, 173],
      "navy": [0, 0, 128],
      "oldlace": [253, 245, 230],
      "olive": [128, 128, 0],
      "olivedrab": [107, 142, 35],
      "orange": [255, 165, 0],
      "orangered": [255, 69, 0],
      "orchid": [218, 112, 214],
      "palegoldenrod": [238, 232, 170],
      "palegreen": [152, 251, 152],
      "paleturquoise": [175, 238, 238],
      "palevioletred": [219, 112, 147],
      "papayawhip": [255, 239, 213],
      "peachpuff": [255, 218, 185],
      "peru": [205, 133, 63],
      "pink": [255, 192, 203],
      "plum": [221, 160, 221],
      "powderblue": [176, 224, 230],
      "purple": [128, 0, 128],
      "rebeccapurple": [102, 51, 153],
      "red": [255, 0, 0],
      "rosybrown": [188, 143, 143],
      "royalblue": [65, 105, 225],
      "saddlebrown": [139, 69, 19],
      "salmon": [250, 128, 114],
      "sandybrown": [244, 164, 96],
      "seagreen": [46, 139, 87],
      "seashell": [255, 245, 238],
      "sienna": [160, 82, 45],
      "silver": [192, 192, 192],
      "skyblue": [135, 206, 235],
      "slateblue": [106, 90, 205],
      "slategray": [112, 128, 144],
      "slategrey": [112, 128, 144],
      "snow": [255, 250, 250],
      "springgreen": [0, 255, 127],
      "steelblue": [70, 130, 180],
      "tan": [210, 180, 140],
      "teal": [0, 128, 128],
      "thistle": [216, 191, 216],
      "tomato": [255, 99, 71],
      "turquoise": [64, 224, 208],
      "violet": [238, 130, 238],
      "wheat": [245, 222, 179],
      "white": [255, 255, 255],
      "whitesmoke": [245, 245, 245],
      "yellow": [255, 255, 0],
      "yellowgreen": [154, 205, 50]
    };
  }
});

// node_modules/color-convert/conversions.js
var require_conversions = __commonJS({
  "node_modules/color-convert/conversions.js"(exports, module) {
    var cssKeywords = require_color_name();
    var reverseKeywords = {};
    for (const key of Object.keys(cssKeywords)) {
      reverseKeywords[cssKeywords[key]] = key;
    }
    var convert = {
      rgb: { channels: 3, labels: "rgb" },
      hsl: { channels: 3, labels: "hsl" },
      hsv: { channels: 3, labels: "hsv" },
      hwb: { channels: 3, labels: "hwb" },
      cmyk: { channels: 4, labels: "cmyk" },
      xyz: { channels: 3, labels: "xyz" },
      lab: { channels: 3, labels: "lab" },
      lch: { channels: 3, labels: "lch" },
      hex: { channels: 1, labels: ["hex"] },
      keyword: { channels: 1, labels: ["keyword"] },
      ansi16: { channels: 1, labels: ["ansi16"] },
      ansi256: { channels: 1, labels: ["ansi256"] },
      hcg: { channels: 3, labels: ["h", "c", "g"] },
      apple: { channels: 3, labels: ["r16", "g16", "b16"] },
      gray: { channels: 1, labels: ["gray"] }
    };
    module.exports = convert;
    for (const model of Object.keys(convert)) {
      if (!("channels" in convert[model])) {
        throw new Error("missing channels property: " + model);
      }
      if (!("labels" in convert[model])) {
        throw new Error("missing channel labels property: " + model);
      }
      if (convert[model].labels.length !== convert[model].channels) {
        throw new Error("channel and label counts mismatch: " + model);
      }
      const { channels, labels } = convert[model];
      delete convert[model].channels;
      delete convert[model].labels;
      Object.defineProperty(convert[model], "channels", { value: channels });
      Object.defineProperty(convert[model], "labels", { value: labels });
    }
    convert.rgb.hsl = function(rgb) {
      const r = rgb[0] / 255;
      const g = rgb[1] / 255;
      const b = rgb[2] / 255;
      const min = Math.min(r, g, b);
      const max = Math.max(r, g, b);
      const delta = max - min;
      let h;
      let s;
      if (max === min) {
        h = 0;
      } else if (r === max) {
        h = (g - b) / delta;
      } else if (g === max) {
        h = 2 + (b - r) / delta;
      } else if (b === max) {
        h = 4 + (r - g) / delta;
      }
      h = Math.min(h * 60, 360);
      if (h < 0) {
        h += 360;
      }
      const l = (min + max) / 2;
      if (max === min) {
        s = 0;
      } else if (l <= 0.5) {
        s = delta / (max + min);
      } else {
        s = delta / (2 - max - min);
      }
      return [h, s * 100, l * 100];
    };
    convert.rgb.hsv = function(rgb) {
      let rdif;
      let gdif;
      let bdif;
      let h;
      let s;
      const r = rgb[0] / 255;
      const g = rgb[1] / 255;
      const b = rgb[2] / 255;
      const v = Math.max(r, g, b);
      const diff = v - Math.min(r, g, b);
      const diffc = function(c) {
        return (v - c) / 6 / diff + 1 / 2;
      };
      if (diff === 0) {
        h = 0;
        s = 0;
      } else {
        s = diff / v;
        rdif = diffc(r);
        gdif = diffc(g);
        bdif = diffc(b);
        if (r === v) {
          h = bdif - gdif;
        } else if (g === v) {
          h = 1 / 3 + rdif - bdif;
        } else if (b === v) {
          h = 2 / 3 + gdif - rdif;
        }
        if (h < 0) {
          h += 1;
        } else if (h > 1) {
          h -= 1;
        }
      }
      return [
        h * 360,
        s * 100,
        v * 100
      ];
    };
    convert.rgb.hwb = function(rgb) {
      const r = rgb[0];
      const g = rgb[1];
      let b = rgb[2];
      const h = convert.rgb.hsl(rgb)[0];
      const w = 1 / 255 * Math.min(r, Math.min(g, b));
      b = 1 - 1 / 255 * Math.max(r, Math.max(g, b));
      return [h, w * 100, b * 100];
    };
    convert.rgb.cmyk = function(rgb) {
      const r = rgb[0] / 255;
      const g = rgb[1] / 255;
      const b = rgb[2] / 255;
      const k = Math.min(1 - r, 1 - g, 1 - b);
      const c = (1 - r - k) / (1 - k) || 0;
      const m = (1 - g - k) / (1 - k) || 0;
      const y = (1 - b - k) / (1 - k) || 0;
      return [c * 100, m * 100, y * 100, k * 100];
    };
    function comparativeDistance(x, y) {
      return (x[0] - y[0]) ** 2 + (x[1] - y[1]) ** 2 + (x[2] - y[2]) ** 2;
    }
    convert.rgb.keyword = function(rgb) {
      const reversed = reverseKeywords[rgb];
      if (reversed) {
        return reversed;
      }
      let currentClosestDistance = Infinity;
      let currentClosestKeyword;
      for (const keyword of Object.keys(cssKeywords)) {
        const value = cssKeywords[keyword];
        const distance = comparativeDistance(rgb, value);
        if (distance < currentClosestDistance) {
          currentClosestDistance = distance;
          currentClosestKeyword = keyword;
        }
      }
      return currentClosestKeyword;
    };
    convert.keyword.rgb = function(keyword) {
      return cssKeywords[keyword];
    };
    convert.rgb.xyz = function(rgb) {
      let r = rgb[0] / 255;
      let g = rgb[1] / 255;
      let b = rgb[2] / 255;
      r = r > 0.04045 ? ((r + 0.055) / 1.055) ** 2.4 : r / 12.92;
      g = g > 0.04045 ? ((g + 0.055) / 1.055) ** 2.4 : g / 12.92;
      b = b > 0.04045 ? ((b + 0.055) / 1.055) ** 2.4 : b / 12.92;
      const x = r * 0.4124 + g * 0.3576 + b * 0.1805;
      const y = r * 0.2126 + g * 0.7152 + b * 0.0722;
      const z = r * 0.0193 + g * 0.1192 + b * 0.9505;
      return [x * 100, y * 100, z * 100];
    };
    convert.rgb.lab = function(rgb) {
      const xyz = convert.rgb.xyz(rgb);
      let x = xyz[0];
      let y = xyz[1];
      let z = xyz[2];
      x /= 95.047;
      y /= 100;
      z /= 108.883;
      x = x > 8856e-6 ? x ** (1 / 3) : 7.787 * x + 16 / 116;
      y = y > 8856e-6 ? y ** (1 / 3) : 7.787 * y + 16 / 116;
      z = z > 8856e-6 ? z ** (1 / 3) : 7.787 * z + 16 / 116;
      const l = 116 * y - 16;
      const a = 500 * (x - y);
      const b = 200 * (y - z);
      return [l, a, b];
    };
    convert.hsl.rgb = function(hsl) {
      const h = hsl[0] / 360;
      const s = hsl[1] / 100;
      const l = hsl[2] / 100;
      let t2;
      let t3;
      let val;
      if (s === 0) {
        val = l * 255;
        return [val, val, val];
      }
      if (l < 0.5) {
        t2 = l * (1 + s);
      } else {
        t2 = l + s - l * s;
      }
      const t1 = 2 * l - t2;
      const rgb = [0, 0, 0];
      for (let i = 0; i < 3; i++) {
        t3 = h + 1 / 3 * -(i - 1);
        if (t3 < 0) {
          t3++;
        }
        if (t3 > 1) {
          t3--;
        }
        if (6 * t3 < 1) {
          val = t1 + (t2 - t1) * 6 * t3;
        } else if (2 * t3 < 1) {
          val = t2;
        } else if (3 * t3 < 2) {
          val = t1 + (t2 - t1) * (2 / 3 - t3) * 6;
        } else {
          val = t1;
        }
        rgb[i] = val * 255;
      }
      return rgb;
    };
    convert.hsl.hsv = function(hsl) {
      const h = hsl[0];
      let s = hsl[1] / 100;
      let l = hsl[2] / 100;
      let smin = s;
      const lmin = Math.max(l, 0.01);
      l *= 2;
      s *= l <= 1 ? l : 2 - l;
      smin *= lmin <= 1 ? lmin : 2 - lmin;
      const v = (l + s) / 2;
      const sv = l === 0 ? 2 * smin / (lmin + smin) : 2 * s / (l + s);
      return [h, sv * 100, v * 100];
    };
    convert.hsv.rgb = function(hsv) {
      const h = hsv[0] / 60;
      const s = hsv[1] / 100;
      let v = hsv[2] / 100;
      const hi = Math.floor(h) % 6;
      const f = h - Math.floor(h);
      const p = 255 * v * (1 - s);
      const q = 255 * v * (1 - s * f);
      const t = 255 * v * (1 - s * (1 - f));
      v *= 255;
      switch (hi) {
        case 0:
          return [v, t, p];
        case 1:
          return [q, v, p];
        case 2:
          return [p, v, t];
        case 3:
          return [p, q, v];
        case 4:
          return [t, p, v];
        case 5:
          return [v, p, q];
      }
    };
    convert.hsv.hsl = function(hsv) {
      const h = hsv[0];
      const s = hsv[1] / 100;
      const v = hsv[2] / 100;
      const vmin = Math.max(v, 0.01);
      let sl;
      let l;
      l = (2 - s) * v;
      const lmin = (2 - s) * vmin;
      sl = s * vmin;
      sl /= lmin <= 1 ? lmin : 2 - lmin;
      sl = sl || 0;
      l /= 2;
      return [h, sl * 100, l * 100];
    };
    convert.hwb.rgb = function(hwb) {
      const h = hwb[0] / 360;
      let wh = hwb[1] / 100;
      let bl = hwb[2] / 100;
      const ratio = wh + bl;
      let f;
      if (ratio > 1) {
        wh /= ratio;
        bl /= ratio;
      }
      const i = Math.floor(6 * h);
      const v = 1 - bl;
      f = 6 * h - i;
      if ((i & 1) !== 0) {
        f = 1 - f;
      }
      const n = wh + f * (v - wh);
      let r;
      let g;
      let b;
      switch (i) {
        default:
        case 6:
        case 0:
          r = v;
          g = n;
          b = wh;
          break;
        case 1:
          r = n;
          g = v;
          b = wh;
          break;
        case 2:
          r = wh;
          g = v;
          b = n;
          break;
        case 3:
          r = wh;
          g = n;
          b = v;
          break;
        case 4:
          r = n;
          g = wh;
          b = v;
          break;
        case 5:
          r = v;
          g = wh;
          b = n;
          break;
      }
      return [r * 255, g * 255, b * 255];
    };
    convert.cmyk.rgb = function(cmyk) {
      const c = cmyk[0] / 100;
      const m = cmyk[1] / 100;
      const y = cmyk[2] / 100;
      const k = cmyk[3] / 100;
      const r = 1 - Math.min(1, c * (1 - k) + k);
      const g = 1 - Math.min(1, m * (1 - k) + k);
      const b = 1 - Math.min(1, y * (1 - k) + k);
      return [r * 255, g * 255, b * 255];
    };
    convert.xyz.rgb = function(xyz) {
      const x = xyz[0] / 100;
      const y = xyz[1] / 100;
      const z = xyz[2] / 100;
      let r;
      let g;
      let b;
      r = x * 3.2406 + y * -1.5372 + z * -0.4986;
      g = x * -0.9689 + y * 1.8758 + z * 0.0415;
      b = x * 0.0557 + y * -0.204 + z * 1.057;
      r = r > 31308e-7 ? 1.055 * r ** (1 / 2.4) - 0.055 : r * 12.92;
      g = g > 31308e-7 ? 1.055 * g ** (1 / 2.4) - 0.055 : g * 12.92;
      b = b > 31308e-7 ? 1.055 * b ** (1 / 2.4) - 0.055 : b * 12.92;
      r = Math.min(Math.max(0, r), 1);
      g = Math.min(Math.max(0, g), 1);
      b = Math.min(Math.max(0, b), 1);
      return [r * 255, g * 255, b * 255];
    };
    convert.xyz.lab = function(xyz) {
      let x = xyz[0];
      let y = xyz[1];
      let z = xyz[2];
      x /= 95.047;
      y /= 100;
      z /= 108.883;
      x = x > 8856e-6 ? x ** (1 / 3) : 7.787 * x + 16 / 116;
      y = y > 8856e-6 ? y ** (1 / 3) : 7.787 * y + 16 / 116;
      z = z > 8856e-6 ? z ** (1 / 3) : 7.787 * z + 16 / 116;
      const l = 116 * y - 16;
      const a = 500 * (x - y);
      const b = 200 * (y - z);
      return [l, a, b];
    };
    convert.lab.xyz = function(lab) {
      const l = lab[0];
      const a = lab[1];
      const b = lab[2];
      let x;
      let y;
      let z;
      y = (l + 16) / 116;
      x = a / 500 + y;
      z = y - b / 200;
      const y2 = y ** 3;
      const x2 = x ** 3;
      const z2 = z ** 3;
      y = y2 > 8856e-6 ? y2 : (y - 16 / 116) / 7.787;
      x = x2 > 8856e-6 ? x2 : (x - 16 / 116) / 7.787;
      z = z2 > 8856e-6 ? z2 : (z - 16 / 116) / 7.787;
      x *= 95.047;
      y *= 100;
      z *= 108.883;
      return [x, y, z];
    };
    convert.lab.lch = function(lab) {
      const l = lab[0];
      const a = lab[1];
      const b = lab[2];
      let h;
      const hr = Math.atan2(b, a);
      h = hr * 360 / 2 / Math.PI;
      if (h < 0) {
        h += 360;
      }
      const c = Math.sqrt(a * a + b * b);
      return [l, c, h];
    };
    convert.lch.lab = function(lch) {
      const l = lch[0];
      const c = lch[1];
      const h = lch[2];
      const hr = h / 360 * 2 * Math.PI;
      const a = c * Math.cos(hr);
      const b = c * Math.sin(hr);
      return [l, a, b];
    };
    convert.rgb.ansi16 = function(args, saturation = null) {
      const [r, g, b] = args;
      let value = saturation === null ? convert.rgb.hsv(args)[2] : saturation;
      value = Math.round(value / 50);
      if (value === 0) {
        return 30;
      }
      let ansi = 30 + (Math.round(b / 255) << 2 | Math.round(g / 255) << 1 | Math.round(r / 255));
      if (value === 2) {
        ansi += 60;
      }
      return ansi;
    };
    convert.hsv.ansi16 = function(args) {
      return convert.rgb.ansi16(convert.hsv.rgb(args), args[2]);
    };
    convert.rgb.ansi256 = function(args) {
      const r = args[0];
      const g = args[1];
      const b = args[2];
      if (r === g && g === b) {
        if (r < 8) {
          return 16;
        }
        if (r > 248) {
          return 231;
        }
        return Math.round((r - 8) / 247 * 24) + 232;
      }
      const ansi = 16 + 36 * Math.round(r / 255 * 5) + 6 * Math.round(g / 255 * 5) + Math.round(b / 255 * 5);
      return ansi;
    };
    convert.ansi16.rgb = function(args) {
      let color = args % 10;
      if (color === 0 || color === 7) {
        if (args > 50) {
          color += 3.5;
        }
        color = color / 10.5 * 255;
        return [color, color, color];
      }
      const mult = (~~(args > 50) + 1) * 0.5;
      const r = (color & 1) * mult * 255;
      const g = (color >> 1 & 1) * mult * 255;
      const b = (color >> 2 & 1) * mult * 255;
      return [r, g, b];
    };
    convert.ansi256.rgb = function(args) {
      if (args >= 232) {
        const c = (args - 232) * 10 + 8;
        return [c, c, c];
      }
      args -= 16;
      let rem;
      const r = Math.floor(args / 36) / 5 * 255;
      const g = Math.floor((rem = args % 36) / 6) / 5 * 255;
      const b = rem % 6 / 5 * 255;
      return [r, g, b];
    };
    convert.rgb.hex = function(args) {
      const integer = ((Math.round(args[0]) & 255) << 16) + ((Math.round(args[1]) & 255) << 8) + (Math.round(args[2]) & 255);
      const string = integer.toString(16).toUpperCase();
      return "000000".substring(string.length) + string;
    };
    convert.hex.rgb = function(args) {
      const match = args.toString(16).match(/[a-f0-9]{6}|[a-f0-9]{3}/i);
      if (!match) {
        return [0, 0, 0];
      }
      let colorString = match[0];
      if (match[0].length === 3) {
        colorString = colorString.split("").map((char) => {
          return char + char;
        }).join("");
      }
      const integer = parseInt(colorString, 16);
      const r = integer >> 16 & 255;
      const g = integer >> 8 & 255;
      const b = integer & 255;
      return [r, g, b];
    };
    convert.rgb.hcg = function(rgb) {
      const r = rgb[0] / 255;
      const g = rgb[1] / 255;
      const b = rgb[2] / 255;
      const max = Math.max(Math.max(r, g), b);
      const min = Math.min(Math.min(r, g), b);
      const chroma = max - min;
      let grayscale;
      let hue;
      if (chroma < 1) {
        grayscale = min / (1 - chroma);
      } else {
        grayscale = 0;
      }
      if (chroma <= 0) {
        hue = 0;
      } else if (max === r) {
        hue = (g - b) / chroma % 6;
      } else if (max === g) {
        hue = 2 + (b - r) / chroma;
      } else {
        hue = 4 + (r - g) / chroma;
      }
      hue /= 6;
      hue %= 1;
      return [hue * 360, chroma * 100, grayscale * 100];
    };
    convert.hsl.hcg = function(hsl) {
      const s = hsl[1] / 100;
      const l = hsl[2] / 100;
      const c = l < 0.5 ? 2 * s * l : 2 * s * (1 - l);
      let f = 0;
      if (c < 1) {
        f = (l - 0.5 * c) / (1 - c);
      }
      return [hsl[0], c * 100, f * 100];
    };
    convert.hsv.hcg = function(hsv) {
      const s = hsv[1] / 100;
      const v = hsv[2] / 100;
      const c = s * v;
      let f = 0;
      if (c < 1) {
        f = (v - c) / (1 - c);
      }
      return [hsv[0], c * 100, f * 100];
    };
    convert.hcg.rgb = function(hcg) {
      const h = hcg[0] / 360;
      const c = hcg[1] / 100;
      const g = hcg[2] / 100;
      if (c === 0) {
        return [g * 255, g * 255, g * 255];
      }
      const pure = [0, 0, 0];
      const hi = h % 1 * 6;
      const v = hi % 1;
      const w = 1 - v;
      let mg = 0;
      switch (Math.floor(hi)) {
        case 0:
          pure[0] = 1;
          pure[1] = v;
          pure[2] = 0;
          break;
        case 1:
          pure[0] = w;
          pure[1] = 1;
          pure[2] = 0;
          break;
        case 2:
          pure[0] = 0;
          pure[1] = 1;
          pure[2] = v;
          break;
        case 3:
          pure[0] = 0;
          pure[1] = w;
          pure[2] = 1;
          break;
        case 4:
          pure[0] = v;
          pure[1] = 0;
          pure[2] = 1;
          break;
        default:
          pure[0] = 1;
          pure[1] = 0;
          pure[2] = w;
      }
      mg = (1 - c) * g;
      return [
        (c * pure[0] + mg) * 255,
        (c * pure[1] + mg) * 255,
        (c * pure[2] + mg) * 255
      ];
    };
    convert.hcg.hsv = function(hcg) {
      const c = hcg[1] / 100;
      const g = hcg[2] / 100;
      const v = c + g * (1 - c);
      let f = 0;
      if (v > 0) {
        f = c / v;
      }
      return [hcg[0], f * 100, v * 100];
    };
    convert.hcg.hsl = function(hcg) {
      const c = hcg[1] / 100;
      const g = hcg[2] / 100;
      const l = g * (1 - c) + 0.5 * c;
      let s = 0;
      if (l > 0 && l < 0.5) {
        s = c / (2 * l);
      } else if (l >= 0.5 && l < 1) {
        s = c / (2 * (1 - l));
      }
      return [hcg[0], s * 100, l * 100];
    };
    convert.hcg.hwb = function(hcg) {
      const c = hcg[1] / 100;
      const g = hcg[2] / 100;
      const v = c + g * (1 - c);
      return [hcg[0], (v - c) * 100, (1 - v) * 100];
    };
    convert.hwb.hcg = function(hwb) {
      const w = hwb[1] / 100;
      const b = hwb[2] / 100;
      const v = 1 - b;
      const c = v - w;
      let g = 0;
      if (c < 1) {
        g = (v - c) / (1 - c);
      }
      return [hwb[0], c * 100, g * 100];
    };
    convert.apple.rgb = function(apple) {
      return [apple[0] / 65535 * 255, apple[1] / 65535 * 255, apple[2] / 65535 * 255];
    };
    convert.rgb.apple = function(rgb) {
      return [rgb[0] / 255 * 65535, rgb[1] / 255 * 65535, rgb[2] / 255 * 65535];
    };
    convert.gray.rgb = function(args) {
      return [args[0] / 100 * 255, args[0] / 100 * 255, args[0] / 100 * 255];
    };
    convert.gray.hsl = function(args) {
      return [0, 0, args[0]];
    };
    convert.gray.hsv = convert.gray.hsl;
    convert.gray.hwb = function(gray) {
      return [0, 100, gray[0]];
    };
    convert.gray.cmyk = function(gray) {
      return [0, 0, 0, gray[0]];
    };
    convert.gray.lab = function(gray) {
      return [gray[0], 0, 0];
    };
    convert.gray.hex = function(gray) {
      const val = Math.round(gray[0] / 100 * 255) & 255;
      const integer = (val << 16) + (val << 8) + val;
      const string = integer.toString(16).toUpperCase();
      return "000000".substring(string.length) + string;
    };
    convert.rgb.gray = function(rgb) {
      const val = (rgb[0] + rgb[1] + rgb[2]) / 3;
      return [val / 255 * 100];
    };
  }
});

// node_modules/color-convert/route.js
var require_route = __commonJS({
  "node_modules/color-convert/route.js"(exports, module) {
    var conversions = require_conversions();
    function buildGraph() {
      const graph = {};
      const models = Object.keys(conversions);
      for (let len = models.length, i = 0; i < len; i++) {
        graph[models[i]] = {
          // http://jsperf.com/1-vs-infinity
          // micro-opt, but this is simple.
          distance: -1,
          parent: null
        };
      }
      return graph;
    }
    function deriveBFS(fromModel) {
      const graph = buildGraph();
      const queue = [fromModel];
      graph[fromModel].distance = 0;
      while (queue.length) {
        const current = queue.pop();
        const adjacents = Object.keys(conversions[current]);
        for (let len = adjacents.length, i = 0; i < len; i++) {
          const adjacent = adjacents[i];
          const node = graph[adjacent];
          if (node.distance === -1) {
            node.distance = graph[current].distance + 1;
            node.parent = current;
            queue.unshift(adjacent);
          }
        }
      }
      return graph;
    }
    function link(from, to) {
      return function(args) {
        return to(from(args));
      };
    }
    function wrapConversion(toModel, graph) {
      const path = [graph[toModel].parent, toModel];
      let fn = conversions[graph[toModel].parent][toModel];
      let cur = graph[toModel].parent;
      while (graph[cur].parent) {
        path.unshift(graph[cur].parent);
        fn = link(conversions[graph[cur].parent][cur], fn);
        cur = graph[cur].parent;
      }
      fn.conversion = path;
      return fn;
    }
    module.exports = function(fromModel) {
      const graph = deriveBFS(fromModel);
      const conversion = {};
      const models = Object.keys(graph);
      for (let len = models.length, i = 0; i < len; i++) {
        const toModel = models[i];
        const node = graph[toModel];
        if (node.parent === null) {
          continue;
        }
        conversion[toModel] = wrapConversion(toModel, graph);
      }
      return conversion;
    };
  }
});

// node_modules/color-convert/index.js
var require_color_convert = __commonJS({
  "node_modules/color-convert/index.js"(exports, module) {
    var conversions = require_conversions();
    var route = require_route();
    var convert = {};
    var models = Object.keys(conversions);
    function wrapRaw(fn) {
      const wrappedFn = function(...args) {
        const arg0 = args[0];
        if (arg0 === void 0 || arg0 === null) {
          return arg0;
        }
        if (arg0.length > 1) {
          args = arg0;
        }
        return fn(args);
      };
      if ("conversion" in fn) {
        wrappedFn.conversion = fn.conversion;
      }
      return wrappedFn;
    }
    function wrapRounded(fn) {
      const wrappedFn = function(...args) {
        const arg0 = args[0];
        if (arg0 === void 0 || arg0 === null) {
          return arg0;
        }
        if (arg0.length > 1) {
          args = arg0;
        }
        const result = fn(args);
        if (typeof result === "object") {
          for (let len = result.length, i = 0; i < len; i++) {
            result[i] = Math.round(result[i]);
          }
        }
        return result;
      };
      if ("conversion" in fn) {
        wrappedFn.conversion = fn.conversion;
      }
      return wrappedFn;
    }
    models.forEach((fromModel) => {
      convert[fromModel] = {};
      Object.defineProperty(convert[fromModel], "channels", { value: conversions[fromModel].channels });
      Object.defineProperty(convert[fromModel], "labels", { value: conversions[fromModel].labels });
      const routes = route(fromModel);
      const routeModels = Object.keys(routes);
      routeModels.forEach((toModel) => {
        const fn = routes[toModel];
        convert[fromModel][toModel] = wrapRounded(fn);
        convert[fromModel][toModel].raw = wrapRaw(fn);
      });
    });
    module.exports = convert;
  }
});

// node_modules/ansi-styles/index.js
var require_ansi_styles = __commonJS({
  "node_modules/ansi-styles/index.js"(exports, module) {
    "use strict";
    var wrapAnsi16 = (fn, offset) => (...args) => {
      const code = fn(...args);
      return `\x1B[${code + offset}m`;
    };
    var wrapAnsi256 = (fn, offset) => (...args) => {
      const code = fn(...args);
      return `\x1B[${38 + offset};5;${code}m`;
    };
    var wrapAnsi16m = (fn, offset) => (...args) => {
      const rgb = fn(...args);
      return `\x1B[${38 + offset};2;${rgb[0]};${rgb[1]};${rgb[2]}m`;
    };
    var ansi2ansi = (n) => n;
    var rgb2rgb = (r, g, b) => [r, g, b];
    var setLazyProperty = (object, property, get) => {
      Object.defineProperty(object, property, {
        get: () => {
          const value = get();
          Object.defineProperty(object, property, {
            value,
            enumerable: true,
            configurable: true
          });
          return value;
        },
        enumerable: true,
        configurable: true
      });
    };
    var colorConvert;
    var makeDynamicStyles = (wrap, targetSpace, identity, isBackground) => {
      if (colorConvert === void 0) {
        colorConvert = require_color_convert();
      }
      const offset = isBackground ? 10 : 0;
      const styles = {};
      for (const [sourceSpace, suite] of Object.entries(colorConvert)) {
        const name = sourceSpace === "ansi16" ? "ansi" : sourceSpace;
        if (sourceSpace === targetSpace) {
          styles[name] = wrap(identity, offset);
        } else if (typeof suite === "object") {
          styles[name] = wrap(suite[targetSpace], offset);
        }
      }
      return styles;
    };
    function assembleStyles() {
      const codes = /* @__PURE__ */ new Map();
      const styles = {
        modifier: {
          reset: [0, 0],
          // 21 isn't widely supported and 22 does the same thing
          bold: [1, 22],
          dim: [2, 22],
          italic: [3, 23],
          underline: [4, 24],
          inverse: [7, 27],
          hidden: [8, 28],
          strikethrough: [9, 29]
        },
        color: {
          black: [30, 39],
          red: [31, 39],
          green: [32, 39],
          yellow: [33, 39],
          blue: [34, 39],
          magenta: [35, 39],
          cyan: [36, 39],
          white: [37, 39],
          // Bright color
          blackBright: [90, 39],
          redBright: [91, 39],
          greenBright: [92, 39],
          yellowBright: [93, 39],
          blueBright: [94, 39],
          magentaBright: [95, 39],
          cyanBright: [96, 39],
          whiteBright: [97, 39]
        },
        bgColor: {
          bgBlack: [40, 49],
          bgRed: [41, 49],
          bgGreen: [42, 49],
          bgYellow: [43, 49],
          bgBlue: [44, 49],
          bgMagenta: [45, 49],
          bgCyan: [46, 49],
          bgWhite: [47, 49],
          // Bright color
          bgBlackBright: [100, 49],
          bgRedBright: [101, 49],
          bgGreenBright: [102, 49],
          bgYellowBright: [103, 49],
          bgBlueBright: [104, 49],
          bgMagentaBright: [105, 49],
          bgCyanBright: [106, 49],
          bgWhiteBright: [107, 49]
        }
      };
      styles.color.gray = styles.color.blackBright;
      styles.bgColor.bgGray = styles.bgColor.bgBlackBright;
      styles.color.grey = styles.color.blackBright;
      styles.bgColor.bgGrey = styles.bgColor.bgBlackBright;
      for (const [groupName, group] of Object.entries(styles)) {
        for (const [styleName, style] of Object.entries(group)) {
          styles[styleName] = {
            open: `\x1B[${style[0]}m`,
            close: `\x1B[${style[1]}m`
          };
          group[styleName] = styles[styleName];
          codes.set(style[0], style[1]);
        }
        Object.defineProperty(styles, groupName, {
          value: group,
          enumerable: false
        });
      }
      Object.defineProperty(styles, "codes", {
        value: codes,
        enumerable: false
      });
      styles.color.close = "\x1B[39m";
      styles.bgColor.close = "\x1B[49m";
      setLazyProperty(styles.color, "ansi", () => makeDynamicStyles(wrapAnsi16, "ansi16", ansi2ansi, false));
      setLazyProperty(styles.color, "ansi256", () => makeDynamicStyles(wrapAnsi256, "ansi256", ansi2ansi, false));
      setLazyProperty(styles.color, "ansi16m", () => makeDynamicStyles(wrapAnsi16m, "rgb", rgb2rgb, false));
      setLazyProperty(styles.bgColor, "ansi", () => makeDynamicStyles(wrapAnsi16, "ansi16", ansi2ansi, true));
      setLazyProperty(styles.bgColor, "ansi256", () => makeDynamicStyles(wrapAnsi256, "ansi256", ansi2ansi, true));
      setLazyProperty(styles.bgColor, "ansi16m", () => makeDynamicStyles(wrapAnsi16m, "rgb", rgb2rgb, true));
      return styles;
    }
    Object.defineProperty(module, "exports", {
      enumerable: true,
      get: assembleStyles
    });
  }
});

// node_modules/wrap-ansi/index.js
var require_wrap_ansi = __commonJS({
  "node_modules/wrap-ansi/index.js"(exports, module) {
    "use strict";
    var stringWidth = require_string_width();
    var stripAnsi = require_strip_ansi();
    var ansiStyles = require_ansi_styles();
    var ESCAPES = /* @__PURE__ */ new Set([
      "\x1B",
      "\x9B"
    ]);
    var END_CODE = 39;
    var ANSI_ESCAPE_BELL = "\x07";
    var ANSI_CSI = "[";
    var ANSI_OSC = "]";
    var ANSI_SGR_TERMINATOR = "m";
    var ANSI_ESCAPE_LINK = `${ANSI_OSC}8;;`;
    var wrapAnsi = (code) => `${ESCAPES.values().next().value}${ANSI_CSI}${code}${ANSI_SGR_TERMINATOR}`;
    var wrapAnsiHyperlink = (uri) => `${ESCAPES.values().next().value}${ANSI_ESCAPE_LINK}${uri}${ANSI_ESCAPE_BELL}`;
    var wordLengths = (string) => string.split(" ").map((character) => stringWidth(character));
    var wrapWord = (rows, word, columns) => {
      const characters = [...word];
      let isInsideEscape = false;
      let isInsideLinkEscape = false;
      let visible = stringWidth(stripAnsi(rows[rows.length - 1]));
      for (const [index, character] of characters.entries()) {
        const characterLength = stringWidth(character);
        if (visible + characterLength <= columns) {
          rows[rows.length - 1] += character;
        } else {
          rows.push(character);
          visible = 0;
        }
        if (ESCAPES.has(character)) {
          isInsideEscape = true;
          isInsideLinkEscape = characters.slice(index + 1).join("").startsWith(ANSI_ESCAPE_LINK);
        }
        if (isInsideEscape) {
          if (isInsideLinkEscape) {
            if (character === ANSI_ESCAPE_BELL) {
              isInsideEscape = false;
              isInsideLinkEscape = false;
            }
          } else if (character === ANSI_SGR_TERMINATOR) {
            isInsideEscape = false;
          }
          continue;
        }
        visible += characterLength;
        if (visible === columns && index < characters.length - 1) {
          rows.push("");
          visible = 0;
        }
      }
      if (!visible && rows[rows.length - 1].length > 0 && rows.length > 1) {
        rows[rows.length - 2] += rows.pop();
      }
    };
    var stringVisibleTrimSpacesRight = (string) => {
      const words = string.split(" ");
      let last = words.length;
      while (last > 0) {
        if (stringWidth(words[last - 1]) > 0) {
          break;
        }
        last--;
      }
      if (last === words.length) {
        return string;
      }
      return words.slice(0, last).join(" ") + words.slice(last).join("");
    };
    var exec = (string, columns, options = {}) => {
      if (options.trim !== false && string.trim() === "") {
        return "";
      }
      let returnValue = "";
      let escapeCode;
      let escapeUrl;
      const lengths = wordLengths(string);
      let rows = [""];
      for (const [index, word] of string.split(" ").entries()) {
        if (options.trim !== false) {
          rows[rows.length - 1] = rows[rows.length - 1].trimStart();
        }
        let rowLength = stringWidth(rows[rows.length - 1]);
        if (index !== 0) {
          if (rowLength >= columns && (options.wordWrap === false || options.trim === false)) {
            rows.push("");
            rowLength = 0;
          }
          if (rowLength > 0 || options.trim === false) {
            rows[rows.length - 1] += " ";
            rowLength++;
          }
        }
        if (options.hard && lengths[index] > columns) {
          const remainingColumns = columns - rowLength;
          const breaksStartingThisLine = 1 + Math.floor((lengths[index] - remainingColumns - 1) / columns);
          const breaksStartingNextLine = Math.floor((lengths[index] - 1) / columns);
          if (breaksStartingNextLine < breaksStartingThisLine) {
            rows.push("");
          }
          wrapWord(rows, word, columns);
          continue;
        }
        if (rowLength + lengths[index] > columns && rowLength > 0 && lengths[index] > 0) {
          if (options.wordWrap === false && rowLength < columns) {
            wrapWord(rows, word, columns);
            continue;
          }
          rows.push("");
        }
        if (rowLength + lengths[index] > columns && options.wordWrap === false) {
          wrapWord(rows, word, columns);
          continue;
        }
        rows[rows.length - 1] += word;
      }
      if (options.trim !== false) {
        rows = rows.map(stringVisibleTrimSpacesRight);
      }
      const pre = [...rows.join("\n")];
      for (const [index, character] of pre.entries()) {
        returnValue += character;
        if (ESCAPES.has(character)) {
          const { groups } = new RegExp(`(?:\\${ANSI_CSI}(?<code>\\d+)m|\\${ANSI_ESCAPE_LINK}(?<uri>.*)${ANSI_ESCAPE_BELL})`).exec(pre.slice(index).join("")) || { groups: {} };
          if (groups.code !== void 0) {
            const code2 = Number.parseFloat(groups.code);
            escapeCode = code2 === END_CODE ? void 0 : code2;
          } else if (groups.uri !== void 0) {
            escapeUrl = groups.uri.length === 0 ? void 0 : groups.uri;
          }
        }
        const code = ansiStyles.codes.get(Number(escapeCode));
        if (pre[index + 1] === "\n") {
          if (escapeUrl) {
            returnValue += wrapAnsiHyperlink("");
          }
          if (escapeCode && code) {
            returnValue += wrapAnsi(code);
          }
        } else if (character === "\n") {
          if (escapeCode && code) {
            returnValue += wrapAnsi(escapeCode);
          }
          if (escapeUrl) {
            returnValue += wrapAnsiHyperlink(escapeUrl);
          }
        }
      }
      return returnValue;
    };
    module.exports = (string, columns, options) => {
      return String(string).normalize().replace(/\r\n/g, "\n").split("\n").map((line) => exec(line, columns, options)).join("\n");
    };
  }
});

// node_modules/@oclif/core/lib/settings.js
var require_settings = __commonJS({
  "node_modules/@oclif/core/lib/settings.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.settings = void 0;
    if (!globalThis.oclif)
      globalThis.oclif = {};
    exports.settings = globalThis.oclif;
  }
});

// node_modules/@oclif/core/lib/screen.js
var require_screen = __commonJS({
  "node_modules/@oclif/core/lib/screen.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.errtermwidth = exports.stdtermwidth = void 0;
    var settings_1 = require_settings();
    function termwidth(stream) {
      if (!stream.isTTY) {
        return 80;
      }
      const width = stream.getWindowSize()[0];
      if (width < 1) {
        return 80;
      }
      if (width < 40) {
        return 40;
      }
      return width;
    }
    var columns = Number.parseInt(process.env.OCLIF_COLUMNS, 10) || settings_1.settings.columns;
    exports.stdtermwidth = columns || termwidth(process.stdout);
    exports.errtermwidth = columns || termwidth(process.stderr);
  }
});

// node_modules/@oclif/core/lib/interfaces/theme.js
var require_theme = __commonJS({
  "node_modules/@oclif/core/lib/interfaces/theme.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.STANDARD_ANSI = void 0;
    exports.STANDARD_ANSI = [
      "white",
      "black",
      "blue",
      "yellow",
      "green",
      "red",
      "magenta",
      "cyan",
      "gray",
      "blackBright",
      "redBright",
      "greenBright",
      "yellowBright",
      "blueBright",
      "magentaBright",
      "cyanBright",
      "whiteBright",
      "bgBlack",
      "bgRed",
      "bgGreen",
      "bgYellow",
      "bgBlue",
      "bgMagenta",
      "bgCyan",
      "bgWhite",
      "bgGray",
      "bgBlackBright",
      "bgRedBright",
      "bgGreenBright",
      "bgYellowBright",
      "bgBlueBright",
      "bgMagentaBright",
      "bgCyanBright",
      "bgWhiteBright",
      "bold",
      "underline",
      "dim",
      "italic",
      "strikethrough"
    ];
  }
});

// node_modules/@oclif/core/lib/ux/supports-color.js
var require_supports_color2 = __commonJS({
  "node_modules/@oclif/core/lib/ux/supports-color.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.supportsColor = supportsColor;
    var supports_color_1 = require_supports_color();
    function supportsColor() {
      return Boolean(supports_color_1.stdout) && Boolean(supports_color_1.stderr);
    }
  }
});

// node_modules/@oclif/core/lib/ux/theme.js
var require_theme2 = __commonJS({
  "node_modules/@oclif/core/lib/ux/theme.js"(exports) {
    "use strict";
    var __importDefault = exports && exports.__importDefault || function(mod) {
      return mod && mod.__esModule ? mod : { "default": mod };
    };
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.colorize = colorize;
    exports.parseTheme = parseTheme;
    var ansis_1 = __importDefault(require_ansis());
    var theme_1 = require_theme();
    var supports_color_1 = require_supports_color2();
    function isStandardAnsi(color) {
      return theme_1.STANDARD_ANSI.includes(color);
    }
    function colorize(color, text) {
      if (!color)
        return text;
      if (!(0, supports_color_1.supportsColor)())
        return text;
      if (isStandardAnsi(color))
        return ansis_1.default[color](text);
      if (color.startsWith("#"))
        return ansis_1.default.hex(color)(text);
      if (color.startsWith("rgb")) {
        const [red, green, blue] = color.slice(4, -1).split(",").map((c) => Number.parseInt(c.trim(), 10));
        return ansis_1.default.rgb(red, green, blue)(text);
      }
      return text;
    }
    function parseTheme(theme) {
      return Object.fromEntries(Object.entries(theme).map(([key, value]) => [key, typeof value === "string" ? isValid(value) : parseTheme(value)]).filter(([_, value]) => value));
    }
    function isValid(color) {
      return color.startsWith("#") || color.startsWith("rgb") || isStandardAnsi(color) ? color : void 0;
    }
  }
});

// node_modules/@oclif/core/lib/errors/errors/cli.js
var require_cli = __commonJS({
  "node_modules/@oclif/core/lib/errors/errors/cli.js"(exports) {
    "use strict";
    var __importDefault = exports && exports.__importDefault || function(mod) {
      return mod && mod.__esModule ? mod : { "default": mod };
    };
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.CLIError = void 0;
    exports.addOclifExitCode = addOclifExitCode;
    var clean_stack_1 = __importDefault(require_clean_stack());
    var indent_string_1 = __importDefault(require_indent_string());
    var wrap_ansi_1 = __importDefault(require_wrap_ansi());
    var cache_1 = __importDefault(require_cache());
    var screen_1 = require_screen();
    var settings_1 = require_settings();
    var theme_1 = require_theme2();
    function addOclifExitCode(error, options) {
      if (!("oclif" in error)) {
        ;
        error.oclif = {};
      }
      error.oclif.exit = options?.exit === void 0 ? cache_1.default.getInstance().get("exitCodes")?.default ?? 2 : options.exit;
      return error;
    }
    var CLIError = class extends Error {
      code;
      oclif = {};
      skipOclifErrorHandling;
      suggestions;
      constructor(error, options = {}) {
        super(error instanceof Error ? error.message : error);
        addOclifExitCode(this, options);
        this.code = options.code;
        this.suggestions = options.suggestions;
      }
      get bang() {
        try {
          return (0, theme_1.colorize)("red", process.platform === "win32" ? "\xBB" : "\u203A");
        } catch {
        }
      }
      get stack() {
        return (0, clean_stack_1.default)(super.stack, { pretty: true });
      }
      /**
       * @deprecated `render` Errors display should be handled by display function, like pretty-print
       * @returns {string} returns a string representing the display of the error
       */
      render() {
        if (settings_1.settings.debug) {
          return this.stack;
        }
        let output = `${this.name}: ${this.message}`;
        output = (0, wrap_ansi_1.default)(output, screen_1.errtermwidth - 6, { hard: true, trim: false });
        output = (0, indent_string_1.default)(output, 3);
        output = (0, indent_string_1.default)(output, 1, { includeEmptyLines: true, indent: this.bang });
        output = (0, indent_string_1.default)(output, 1);
        return output;
      }
    };
    exports.CLIError = CLIError;
    (function(CLIError2) {
      class Warn extends CLIError2 {
        constructor(err) {
          super(err instanceof Error ? err.message : err);
          this.name = "Warning";
        }
        get bang() {
          try {
            return (0, theme_1.colorize)("yellow", process.platform === "win32" ? "\xBB" : "\u203A");
          } catch {
          }
        }
      }
      CLIError2.Warn = Warn;
    })(CLIError || (exports.CLIError = CLIError = {}));
  }
});

// node_modules/@oclif/core/lib/errors/errors/pretty-print.js
var require_pretty_print = __commonJS({
  "node_modules/@oclif/core/lib/errors/errors/pretty-print.js"(exports) {
    "use strict";
    var __importDefault = exports && exports.__importDefault || function(mod) {
      return mod && mod.__esModule ? mod : { "default": mod };
    };
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.applyPrettyPrintOptions = applyPrettyPrintOptions;
    exports.default = prettyPrint;
    var indent_string_1 = __importDefault(require_indent_string());
    var wrap_ansi_1 = __importDefault(require_wrap_ansi());
    var screen_1 = require_screen();
    var settings_1 = require_settings();
    function applyPrettyPrintOptions(error, options) {
      const prettyErrorKeys = ["message", "code", "ref", "suggestions"];
      for (const key of prettyErrorKeys) {
        const applyOptionsKey = !(key in error) && options[key];
        if (applyOptionsKey) {
          ;
          error[key] = options[key];
        }
      }
      return error;
    }
    var formatSuggestions = (suggestions) => {
      if (!suggestions || suggestions.length === 0)
        return void 0;
      const label = "Try this:";
      if (suggestions.length === 1)
        return `${label} ${suggestions[0]}`;
      const multiple = suggestions.map((suggestion) => `* ${suggestion}`).join("\n");
      return `${label}
${(0, indent_string_1.default)(multiple, 2)}`;
    };
    function isCombinedErrorType(obj) {
      return Boolean(obj) && "name" in obj && "message" in obj;
    }
    function prettyPrint(error) {
      const prettyPrintedErrors = [];
      let currentError = error;
      let isDeep = false;
      while (isCombinedErrorType(currentError)) {
        if (settings_1.settings.debug && currentError.stack) {
          prettyPrintedErrors.push(`${isDeep ? "Caused by: " : ""}${currentError.stack}`);
        } else {
          const { bang, code, message, name: errorSuffix, ref, suggestions } = currentError;
          const formattedHeader = message ? `${errorSuffix || "Error"}: ${message}` : void 0;
          const formattedCode = code ? `Code: ${code}` : void 0;
          const formattedSuggestions = formatSuggestions(suggestions);
          const formattedReference = ref ? `Reference: ${ref}` : void 0;
          const formatted = [formattedHeader, formattedCode, formattedSuggestions, formattedReference].filter(Boolean).join("\n");
          let output = `${isDeep ? "Caused by: " : ""}${formatted}`;
          output = (0, wrap_ansi_1.default)(output, screen_1.errtermwidth - 6, { hard: true, trim: false });
          if (!settings_1.settings.debug) {
            output = (0, indent_string_1.default)(output, 3);
            output = (0, indent_string_1.default)(output, 1, { includeEmptyLines: true, indent: bang || "" });
            output = (0, indent_string_1.default)(output, 1);
          }
          prettyPrintedErrors.push(output);
        }
        isDeep = true;
        currentError = currentError.cause ?? null;
      }
      return prettyPrintedErrors.join("\n");
    }
  }
});

// node_modules/@oclif/core/lib/errors/warn.js
var require_warn = __commonJS({
  "node_modules/@oclif/core/lib/errors/warn.js"(exports) {
    "use strict";
    var __importDefault = exports && exports.__importDefault || function(mod) {
      return mod && mod.__esModule ? mod : { "default": mod };
    };
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.warn = warn;
    exports.memoizedWarn = memoizedWarn;
    var logger_1 = require_logger();
    var write_1 = require_write();
    var cli_1 = require_cli();
    var pretty_print_1 = __importDefault(require_pretty_print());
    function warn(input) {
      let err;
      if (typeof input === "string") {
        err = new cli_1.CLIError.Warn(input);
      } else if (input instanceof Error) {
        err = (0, cli_1.addOclifExitCode)(input);
      } else {
        throw new TypeError("first argument must be a string or instance of Error");
      }
      const message = (0, pretty_print_1.default)(err);
      if (message)
        (0, write_1.stderr)(message);
      if (err?.stack)
        (0, logger_1.getLogger)().error(err.stack);
    }
    var WARNINGS = /* @__PURE__ */ new Set();
    function memoizedWarn(input) {
      if (!WARNINGS.has(input))
        warn(input);
      WARNINGS.add(input);
    }
    exports.default = warn;
  }
});

// node_modules/@oclif/core/lib/util/util.js
var require_util = __commonJS({
  "node_modules/@oclif/core/lib/util/util.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.pickBy = pickBy;
    exports.compact = compact;
    exports.uniqBy = uniqBy;
    exports.last = last;
    exports.sortBy = sortBy;
    exports.castArray = castArray;
    exports.isProd = isProd;
    exports.maxBy = maxBy;
    exports.sumBy = sumBy;
    exports.capitalize = capitalize;
    exports.isTruthy = isTruthy;
    exports.isNotFalsy = isNotFalsy;
    exports.uniq = uniq;
    exports.mapValues = mapValues;
    exports.mergeNestedObjects = mergeNestedObjects;
    function pickBy(obj, fn) {
      return Object.entries(obj).reduce((o, [k, v]) => {
        if (fn(v))
          o[k] = v;
        return o;
      }, {});
    }
    function compact(a) {
      return a.filter((a2) => Boolean(a2));
    }
    function uniqBy(arr, fn) {
      return arr.filter((a, i) => {
        const aVal = fn(a);
        return arr.every((b, j) => !(j > i && fn(b) === aVal));
      });
    }
    function last(arr) {
      if (!arr)
        return;
      return arr.at(-1);
    }
    function compare(a, b) {
      a = a === void 0 ? 0 : a;
      b = b === void 0 ? 0 : b;
      if (Array.isArray(a) && Array.isArray(b)) {
        if (a.length === 0 && b.length === 0)
          return 0;
        const diff = compare(a[0], b[0]);
        if (diff !== 0)
          return diff;
        return compare(a.slice(1), b.slice(1));
      }
      if (a < b)
        return -1;
      if (a > b)
        return 1;
      return 0;
    }
    function sortBy(arr, fn) {
      return arr.sort((a, b) => compare(fn(a), fn(b)));
    }
    function castArray(input) {
      if (input === void 0)
        return [];
      return Array.isArray(input) ? input : [input];
    }
    function isProd() {
      return !["development", "test"].includes(process.env.NODE_ENV ?? "");
    }
    function maxBy(arr, fn) {
      if (arr.length === 0) {
        return void 0;
      }
      return arr.reduce((maxItem, i) => {
        const curr = fn(i);
        const max = fn(maxItem);
        return curr > max ? i : maxItem;
      });
    }
    function sumBy(arr, fn) {
      return arr.reduce((sum, i) => sum + fn(i), 0);
    }
    function capitalize(s) {
      return s ? s.charAt(0).toUpperCase() + s.slice(1).toLowerCase() : "";
    }
    function isTruthy(input) {
      return ["1", "true", "y", "yes"].includes(input.toLowerCase());
    }
    function isNotFalsy(input) {
      return !["0", "false", "n", "no"].includes(input.toLowerCase());
    }
    function uniq(arr) {
      return [...new Set(arr)].sort();
    }
    function mapValues(obj, fn) {
      return Object.entries(obj).reduce((o, [k, v]) => {
        o[k] = fn(v, k);
        return o;
      }, {});
    }
    function get(obj, path) {
      return path.split(".").reduce((o, p) => o?.[p], obj);
    }
    function mergeNestedObjects(objs, path) {
      return Object.fromEntries(objs.flatMap((o) => Object.entries(get(o, path) ?? {})).reverse());
    }
  }
});

// node_modules/@oclif/core/lib/util/fs.js
var require_fs = __commonJS({
  "node_modules/@oclif/core/lib/util/fs.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.fileExists = exports.dirExists = void 0;
    exports.readJson = readJson;
    exports.safeReadJson = safeReadJson;
    exports.existsSync = existsSync;
    var node_fs_1 = __require("node:fs");
    var promises_1 = __require("node:fs/promises");
    var util_1 = require_util();
    var dirExists = async (input) => {
      let dirStat;
      try {
        dirStat = await (0, promises_1.stat)(input);
      } catch {
        throw new Error(`No directory found at ${input}`);
      }
      if (!dirStat.isDirectory()) {
        throw new Error(`${input} exists but is not a directory`);
      }
      return input;
    };
    exports.dirExists = dirExists;
    var fileExists = async (input) => {
      let fileStat;
      try {
        fileStat = await (0, promises_1.stat)(input);
      } catch {
        throw new Error(`No file found at ${input}`);
      }
      if (!fileStat.isFile()) {
        throw new Error(`${input} exists but is not a file`);
      }
      return input;
    };
    exports.fileExists = fileExists;
    var ProdOnlyCache = class extends Map {
      set(key, value) {
        if ((0, util_1.isProd)() ?? false) {
          super.set(key, value);
        }
        return this;
      }
    };
    var cache = new ProdOnlyCache();
    async function readJson(path, useCache = true) {
      if (useCache && cache.has(path)) {
        return JSON.parse(cache.get(path));
      }
      const contents = await (0, promises_1.readFile)(path, "utf8");
      cache.set(path, contents);
      return JSON.parse(contents);
    }
    async function safeReadJson(path, useCache = true) {
      try {
        return await readJson(path, useCache);
      } catch {
      }
    }
    function existsSync(path) {
      return (0, node_fs_1.existsSync)(path);
    }
  }
});

// node_modules/@oclif/core/lib/util/read-tsconfig.js
var require_read_tsconfig = __commonJS({
  "node_modules/@oclif/core/lib/util/read-tsconfig.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.readTSConfig = readTSConfig;
    var promises_1 = __require("node:fs/promises");
    var node_path_1 = __require("node:path");
    var warn_1 = require_warn();
    var logger_1 = require_logger();
    var util_1 = require_util();
    var debug = (0, logger_1.makeDebug)("read-tsconfig");
    function resolve(root, name) {
      try {
        return __require.resolve(name, { paths: [root] });
      } catch {
      }
    }
    async function upUntil(path, test) {
      let result;
      try {
        result = await test(path);
      } catch {
        result = false;
      }
      if (result)
        return path;
      const parent = (0, node_path_1.dirname)(path);
      if (parent === path)
        return;
      return upUntil(parent, test);
    }
    async function readTSConfig(root, tsconfigName = "tsconfig.json") {
      const found = [];
      let typescript;
      try {
        typescript = __require("typescript");
      } catch {
        try {
          typescript = __require(root + "/node_modules/typescript");
        } catch {
        }
      }
      if (!typescript) {
        (0, warn_1.memoizedWarn)("Could not find typescript. Please ensure that typescript is a devDependency. Falling back to compiled source.");
        return;
      }
      const read = async (path) => {
        const localRoot = await upUntil(path, async (p) => (await (0, promises_1.readdir)(p)).includes("package.json"));
        if (!localRoot)
          return;
        try {
          const contents = await (0, promises_1.readFile)(path, "utf8");
          const parsed = typescript?.parseConfigFileTextToJson(path, contents).config;
          found.push(parsed);
          if (parsed.extends) {
            if (parsed.extends.startsWith(".")) {
              const nextPath = resolve(localRoot, parsed.extends);
              return nextPath ? read(nextPath) : void 0;
            }
            const resolved = resolve(localRoot, parsed.extends);
            if (resolved)
              return read(resolved);
          }
          return parsed;
        } catch (error) {
          debug(error);
        }
      };
      await read((0, node_path_1.join)(root, tsconfigName));
      return {
        compilerOptions: (0, util_1.mergeNestedObjects)(found, "compilerOptions"),
        "ts-node": (0, util_1.mergeNestedObjects)(found, "ts-node")
      };
    }
  }
});

// node_modules/@oclif/core/lib/config/util.js
var require_util2 = __commonJS({
  "node_modules/@oclif/core/lib/config/util.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.collectUsableIds = void 0;
    exports.makeDebug = makeDebug;
    exports.getPermutations = getPermutations;
    exports.getCommandIdPermutations = getCommandIdPermutations;
    var logger_1 = require_logger();
    function makeDebug(...scope) {
      return (formatter, ...args) => {
        (0, logger_1.getLogger)(["config", ...scope].join(":")).debug(formatter, ...args);
      };
    }
    function getPermutations(arr) {
      if (arr.length === 0)
        return [];
      if (arr.length === 1)
        return [arr];
      const output = [];
      const partialPermutations = getPermutations(arr.slice(1));
      const first = arr[0];
      for (const partial of partialPermutations) {
        for (let j = 0, len2 = partial.length; j <= len2; j++) {
          const start = partial.slice(0, j);
          const end = partial.slice(j);
          const merged = [...start, first, ...end];
          output.push(merged);
        }
      }
      return output;
    }
    function getCommandIdPermutations(commandId) {
      return getPermutations(commandId.split(":")).flatMap((c) => c.join(":"));
    }
    var collectUsableIds = (commandIds) => new Set(commandIds.flatMap((id) => id.split(":").map((_, i, a) => a.slice(0, i + 1).join(":"))));
    exports.collectUsableIds = collectUsableIds;
  }
});

// node_modules/@oclif/core/lib/config/ts-path.js
var require_ts_path = __commonJS({
  "node_modules/@oclif/core/lib/config/ts-path.js"(exports) {
    "use strict";
    var __importDefault = exports && exports.__importDefault || function(mod) {
      return mod && mod.__esModule ? mod : { "default": mod };
    };
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.TS_CONFIGS = void 0;
    exports.tsPath = tsPath;
    var promises_1 = __require("node:fs/promises");
    var node_path_1 = __require("node:path");
    var node_url_1 = __require("node:url");
    var cache_1 = __importDefault(require_cache());
    var warn_1 = require_warn();
    var settings_1 = require_settings();
    var fs_1 = require_fs();
    var read_tsconfig_1 = require_read_tsconfig();
    var util_1 = require_util();
    var util_2 = require_util2();
    var debug = (0, util_2.makeDebug)("ts-path");
    exports.TS_CONFIGS = {};
    var REGISTERED = /* @__PURE__ */ new Set();
    function determineRuntime() {
      if (process.execPath.split(node_path_1.sep).includes("bun"))
        return "bun";
      if (process.execArgv.length === 0)
        return "node";
      if (process.execArgv[0] === "--require" && process.execArgv[1].split(node_path_1.sep).includes("ts-node"))
        return "ts-node";
      if (process.execArgv[0].split(node_path_1.sep).includes("ts-node"))
        return "ts-node";
      if (process.execArgv[0] === "--require" && process.execArgv[1].split(node_path_1.sep).includes("tsx"))
        return "tsx";
      return "node";
    }
    var RUN_TIME = determineRuntime();
    function isErrno(error) {
      return "code" in error && error.code === "ENOENT";
    }
    async function loadTSConfig(root) {
      try {
        if (exports.TS_CONFIGS[root])
          return exports.TS_CONFIGS[root];
        const tsconfig = await (0, read_tsconfig_1.readTSConfig)(root);
        if (!tsconfig)
          return;
        debug("tsconfig: %O", tsconfig);
        exports.TS_CONFIGS[root] = tsconfig;
        return exports.TS_CONFIGS[root];
      } catch (error) {
        if (isErrno(error))
          return;
        debug(`Could not parse tsconfig.json. Skipping typescript path lookup for ${root}.`);
        (0, warn_1.memoizedWarn)(`Could not parse tsconfig.json for ${root}. Falling back to compiled source.`);
      }
    }
    async function registerTsx(root, moduleType) {
      if (REGISTERED.has(root))
        return;
      try {
        const apiPath = moduleType === "module" ? "tsx/esm/api" : "tsx/cjs/api";
        const tsxPath = __require.resolve(apiPath, { paths: [root] });
        if (!tsxPath)
          return;
        debug("registering tsx at", root);
        debug("tsx path:", tsxPath);
        const { href } = (0, node_url_1.pathToFileURL)(tsxPath);
        debug("tsx href:", href);
        const { register } = await import(href);
        debug("Successfully imported tsx");
        register();
        REGISTERED.add(root);
      } catch (error) {
        debug(`Could not find tsx. Skipping tsx registration for ${root}.`);
        debug(error);
      }
    }
    async function registerTSNode(root, tsconfig) {
      if (REGISTERED.has(root))
        return;
      debug("registering ts-node at", root);
      const tsNodePath = __require.resolve("ts-node", { paths: [root, __dirname] });
      debug("ts-node path:", tsNodePath);
      let tsNode;
      try {
        tsNode = __require(tsNodePath);
        debug("Successfully required ts-node");
      } catch (error) {
        debug(`Could not find ts-node at ${tsNodePath}. Skipping ts-node registration for ${root}.`);
        debug(error);
        (0, warn_1.memoizedWarn)(`Could not find ts-node at ${tsNodePath}. Please ensure that ts-node is a devDependency. Falling back to compiled source.`);
        return;
      }
      const typeRoots = [(0, node_path_1.join)(root, "node_modules", "@types")];
      const rootDirs = [];
      if (tsconfig.compilerOptions.rootDirs) {
        for (const r of tsconfig.compilerOptions.rootDirs) {
          rootDirs.push((0, node_path_1.join)(root, r));
        }
      } else if (tsconfig.compilerOptions.rootDir) {
        rootDirs.push((0, node_path_1.join)(root, tsconfig.compilerOptions.rootDir));
      } else if (tsconfig.compilerOptions.baseUrl) {
        rootDirs.push((0, node_path_1.join)(root, tsconfig.compilerOptions.baseUrl));
      } else {
        rootDirs.push((0, node_path_1.join)(root, "src"));
      }
      const { baseUrl, rootDir, ...rest } = tsconfig.compilerOptions;
      const conf = {
        compilerOptions: {
          ...rest,
          rootDirs,
          typeRoots
        },
        ...tsconfig["ts-node"],
        cwd: root,
        esm: tsconfig["ts-node"]?.esm ?? true,
        experimentalSpecifierResolution: tsconfig["ts-node"]?.experimentalSpecifierResolution ?? "explicit",
        scope: true,
        scopeDir: root,
        skipProject: true,
        transpileOnly: true
      };
      debug("ts-node options: %O", conf);
      tsNode.register(conf);
      REGISTERED.add(root);
    }
    function cannotTranspileEsm(rootPlugin, plugin, isProduction) {
      return (isProduction || rootPlugin?.moduleType === "commonjs") && plugin?.moduleType === "module" && !plugin?.pjson.devDependencies?.tsx;
    }
    function cannotUseTsNode(root, plugin, isProduction) {
      if (plugin?.moduleType !== "module" || isProduction)
        return false;
      const nodeMajor = Number.parseInt(process.version.replace("v", "").split(".", 1)[0], 10);
      return RUN_TIME === "ts-node" && nodeMajor >= 20;
    }
    async function determinePath(root, orig, plugin) {
      const tsconfig = await loadTSConfig(root);
      if (!tsconfig)
        return orig;
      debug(`Determining path for ${orig}`);
      if (RUN_TIME === "bun") {
        debug(`Skipping ts-node registration for ${root} because the runtime is: ${RUN_TIME}`);
      } else {
        await registerTsx(root, plugin?.moduleType);
        await registerTSNode(root, tsconfig);
      }
      const { baseUrl, outDir, rootDir, rootDirs } = tsconfig.compilerOptions;
      const rootDirPath = rootDir ?? (rootDirs ?? [])[0] ?? baseUrl;
      if (!rootDirPath) {
        debug(`no rootDir, rootDirs, or baseUrl specified in tsconfig.json. Returning default path ${orig}`);
        return orig;
      }
      if (!outDir) {
        debug(`no outDir specified in tsconfig.json. Returning default path ${orig}`);
        return orig;
      }
      const lib = (0, node_path_1.join)(root, outDir);
      const src = (0, node_path_1.join)(root, rootDirPath);
      const relative = (0, node_path_1.relative)(lib, orig);
      const out = (0, node_path_1.join)(src, relative).replace(/\.js$/, "");
      debug(`lib dir: ${lib}`);
      debug(`src dir: ${src}`);
      debug(`src directory to find: ${out}`);
      if ((0, fs_1.existsSync)(out)) {
        debug(`Found source directory for ${orig} at ${out}`);
        return out;
      }
      const sourceFiles = await Promise.all([
        (0, promises_1.access)(`${out}.ts`).then(() => `${out}.ts`).catch(() => false),
        (0, promises_1.access)(`${out}.tsx`).then(() => `${out}.tsx`).catch(() => false)
      ]);
      if (sourceFiles.some(Boolean)) {
        debug(`Found source file for ${orig} at ${out}`);
        return out;
      }
      debug(`No source file found. Returning default path ${orig}`);
      if (!(0, util_1.isProd)())
        (0, warn_1.memoizedWarn)(`Could not find source for ${orig} based on tsconfig. Defaulting to compiled source.`);
      return orig;
    }
    async function tsPath(root, orig, plugin) {
      const rootPlugin = plugin?.options.isRoot ? plugin : cache_1.default.getInstance().get("rootPlugin");
      if (!orig)
        return orig;
      orig = orig.startsWith(root) ? orig : (0, node_path_1.join)(root, orig);
      const enableAutoTranspile = settings_1.settings.enableAutoTranspile ?? settings_1.settings.tsnodeEnabled;
      if (enableAutoTranspile === false) {
        debug(`Skipping typescript path lookup for ${root} because enableAutoTranspile is explicitly set to false`);
        return orig;
      }
      const isProduction = (0, util_1.isProd)();
      if (enableAutoTranspile === void 0 && isProduction && plugin?.type !== "link") {
        debug(`Skipping typescript path lookup for ${root} because NODE_ENV is NOT "test" or "development"`);
        return orig;
      }
      if (cannotTranspileEsm(rootPlugin, plugin, isProduction)) {
        debug(`Skipping typescript path lookup for ${root} because it's an ESM module (NODE_ENV: ${process.env.NODE_ENV}, root plugin module type: ${rootPlugin?.moduleType})`);
        const warningIsDisabled = process.env.OCLIF_DISABLE_LINKED_ESM_WARNING && (0, util_1.isTruthy)(process.env.OCLIF_DISABLE_LINKED_ESM_WARNING);
        if (plugin?.type === "link" && !warningIsDisabled)
          (0, warn_1.memoizedWarn)(`${plugin?.name} is a linked ESM module and cannot be auto-transpiled. Existing compiled source will be used instead.`);
        return orig;
      }
      if (cannotUseTsNode(root, plugin, isProduction)) {
        debug(`Skipping typescript path lookup for ${root} because ts-node is run in node version ${process.version}"`);
        (0, warn_1.memoizedWarn)(`ts-node executable cannot transpile ESM in Node 20. Existing compiled source will be used instead. See https://github.com/oclif/core/issues/817.`);
        return orig;
      }
      try {
        return await determinePath(root, orig, plugin);
      } catch (error) {
        debug(error);
        return orig;
      }
    }
  }
});

// node_modules/@oclif/core/lib/errors/error.js
var require_error = __commonJS({
  "node_modules/@oclif/core/lib/errors/error.js"(exports) {
    "use strict";
    var __createBinding = exports && exports.__createBinding || (Object.create ? (function(o, m, k, k2) {
      if (k2 === void 0) k2 = k;
      var desc = Object.getOwnPropertyDescriptor(m, k);
      if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
        desc = { enumerable: true, get: function() {
          return m[k];
        } };
      }
      Object.defineProperty(o, k2, desc);
    }) : (function(o, m, k, k2) {
      if (k2 === void 0) k2 = k;
      o[k2] = m[k];
    }));
    var __setModuleDefault = exports && exports.__setModuleDefault || (Object.create ? (function(o, v) {
      Object.defineProperty(o, "default", { enumerable: true, value: v });
    }) : function(o, v) {
      o["default"] = v;
    });
    var __importStar = exports && exports.__importStar || /* @__PURE__ */ (function() {
      var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function(o2) {
          var ar = [];
          for (var k in o2) if (Object.prototype.hasOwnProperty.call(o2, k)) ar[ar.length] = k;
          return ar;
        };
        return ownKeys(o);
      };
      return function(mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) {
          for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        }
        __setModuleDefault(result, mod);
        return result;
      };
    })();
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.error = error;
    var logger_1 = require_logger();
    var write_1 = require_write();
    var cli_1 = require_cli();
    var pretty_print_1 = __importStar(require_pretty_print());
    function error(input, options = {}) {
      let err;
      if (typeof input === "string") {
        err = new cli_1.CLIError(input, options);
      } else if (input instanceof Error) {
        err = (0, cli_1.addOclifExitCode)(input, options);
      } else {
        throw new TypeError("first argument must be a string or instance of Error");
      }
      err = (0, pretty_print_1.applyPrettyPrintOptions)(err, options);
      if (options.exit === false) {
        const message = (0, pretty_print_1.default)(err);
        if (message)
          (0, write_1.stderr)(message);
        if (err?.stack)
          (0, logger_1.getLogger)().error(err.stack);
      } else
        throw err;
    }
    exports.default = error;
  }
});

// node_modules/get-package-type/is-node-modules.cjs
var require_is_node_modules = __commonJS({
  "node_modules/get-package-type/is-node-modules.cjs"(exports, module) {
    "use strict";
    var path = __require("path");
    function isNodeModules(directory) {
      let basename = path.basename(directory);
      if (path.sep === "\\") {
        basename = basename.toLowerCase();
      }
      return basename === "node_modules";
    }
    module.exports = isNodeModules;
  }
});

// node_modules/get-package-type/cache.cjs
var require_cache2 = __commonJS({
  "node_modules/get-package-type/cache.cjs"(exports, module) {
    "use strict";
    module.exports = /* @__PURE__ */ new Map();
  }
});

// node_modules/get-package-type/async.cjs
var require_async = __commonJS({
  "node_modules/get-package-type/async.cjs"(exports, module) {
    "use strict";
    var path = __require("path");
    var { promisify } = __require("util");
    var readFile = promisify(__require("fs").readFile);
    var isNodeModules = require_is_node_modules();
    var resultsCache = require_cache2();
    var promiseCache = /* @__PURE__ */ new Map();
    async function getDirectoryTypeActual(directory) {
      if (isNodeModules(directory)) {
        return "commonjs";
      }
      try {
        return JSON.parse(await readFile(path.resolve(directory, "package.json"))).type || "commonjs";
      } catch (_) {
      }
      const parent = path.dirname(directory);
      if (parent === directory) {
        return "commonjs";
      }
      return getDirectoryType(parent);
    }
    async function getDirectoryType(directory) {
      if (resultsCache.has(directory)) {
        return resultsCache.get(directory);
      }
      if (promiseCache.has(directory)) {
        return promiseCache.get(directory);
      }
      const promise = getDirectoryTypeActual(directory);
      promiseCache.set(directory, promise);
      const result = await promise;
      resultsCache.set(directory, result);
      promiseCache.delete(directory);
      return result;
    }
    function getPackageType(filename) {
      return getDirectoryType(path.resolve(path.dirname(filename)));
    }
    module.exports = getPackageType;
  }
});

// node_modules/get-package-type/sync.cjs
var require_sync = __commonJS({
  "node_modules/get-package-type/sync.cjs"(exports, module) {
    "use strict";
    var path = __require("path");
    var { readFileSync } = __require("fs");
    var isNodeModules = require_is_node_modules();
    var resultsCache = require_cache2();
    function getDirectoryTypeActual(directory) {
      if (isNodeModules(directory)) {
        return "commonjs";
      }
      try {
        return JSON.parse(readFileSync(path.resolve(directory, "package.json"))).type || "commonjs";
      } catch (_) {
      }
      const parent = path.dirname(directory);
      if (parent === directory) {
        return "commonjs";
      }
      return getDirectoryType(parent);
    }
    function getDirectoryType(directory) {
      if (resultsCache.has(directory)) {
        return resultsCache.get(directory);
      }
      const result = getDirectoryTypeActual(directory);
      resultsCache.set(directory, result);
      return result;
    }
    function getPackageTypeSync(filename) {
      return getDirectoryType(path.resolve(path.dirname(filename)));
    }
    module.exports = getPackageTypeSync;
  }
});

// node_modules/get-package-type/index.cjs
var require_get_package_type = __commonJS({
  "node_modules/get-package-type/index.cjs"(exports, module) {
    "use strict";
    var getPackageType = require_async();
    var getPackageTypeSync = require_sync();
    module.exports = (filename) => getPackageType(filename);
    module.exports.sync = getPackageTypeSync;
  }
});

// node_modules/@oclif/core/lib/errors/errors/module-load.js
var require_module_load = __commonJS({
  "node_modules/@oclif/core/lib/errors/errors/module-load.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.ModuleLoadError = void 0;
    var cli_1 = require_cli();
    var ModuleLoadError = class extends cli_1.CLIError {
      code = "MODULE_NOT_FOUND";
      constructor(message) {
        super(`[MODULE_NOT_FOUND] ${message}`, { exit: 1 });
        this.name = "ModuleLoadError";
      }
    };
    exports.ModuleLoadError = ModuleLoadError;
  }
});

// node_modules/@oclif/core/lib/module-loader.js
var require_module_loader = __commonJS({
  "node_modules/@oclif/core/lib/module-loader.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.load = load;
    exports.loadWithData = loadWithData;
    exports.loadWithDataFromManifest = loadWithDataFromManifest;
    exports.isPathModule = isPathModule;
    var getPackageType = require_get_package_type();
    var node_fs_1 = __require("node:fs");
    var node_path_1 = __require("node:path");
    var node_url_1 = __require("node:url");
    var ts_path_1 = require_ts_path();
    var module_load_1 = require_module_load();
    var fs_1 = require_fs();
    var SUPPORTED_EXTENSIONS = [".ts", ".js", ".mjs", ".cjs", ".mts", ".cts", ".tsx", ".jsx"];
    var isPlugin = (config) => config.type !== void 0;
    function handleError(error, isESM, path) {
      if (error.code === "MODULE_NOT_FOUND" || error.code === "ERR_MODULE_NOT_FOUND") {
        throw new module_load_1.ModuleLoadError(`${isESM ? "import()" : "require"} failed to load ${path}: ${error.message}`);
      }
      throw error;
    }
    async function load(config, modulePath) {
      let filePath;
      let isESM;
      try {
        ;
        ({ filePath, isESM } = await resolvePath(config, modulePath));
        return isESM ? await import((0, node_url_1.pathToFileURL)(filePath).href) : __require(filePath);
      } catch (error) {
        handleError(error, isESM, filePath ?? modulePath);
      }
    }
    async function loadWithData(config, modulePath) {
      let filePath;
      let isESM;
      try {
        ;
        ({ filePath, isESM } = await resolvePath(config, modulePath));
        const module2 = isESM ? await import((0, node_url_1.pathToFileURL)(filePath).href) : __require(filePath);
        return { filePath, isESM, module: module2 };
      } catch (error) {
        handleError(error, isESM, filePath ?? modulePath);
      }
    }
    async function loadWithDataFromManifest(cached, modulePath) {
      const { id, isESM, relativePath } = cached;
      if (!relativePath) {
        throw new module_load_1.ModuleLoadError(`Cached command ${id} does not have a relative path`);
      }
      if (isESM === void 0) {
        throw new module_load_1.ModuleLoadError(`Cached command ${id} does not have the isESM property set`);
      }
      const filePath = (0, node_path_1.join)(modulePath, relativePath.join(node_path_1.sep));
      try {
        const module2 = isESM ? await import((0, node_url_1.pathToFileURL)(filePath).href) : __require(filePath);
        return { filePath, isESM, module: module2 };
      } catch (error) {
        handleError(error, isESM, filePath ?? modulePath);
      }
    }
    function isPathModule(filePath) {
      const extension = (0, node_path_1.extname)(filePath).toLowerCase();
      switch (extension) {
        case ".js":
        case ".jsx":
        case ".ts":
        case ".tsx": {
          return getPackageType.sync(filePath) === "module";
        }
        case ".mjs":
        case ".mts": {
          return true;
        }
        default: {
          return false;
        }
      }
    }
    async function resolvePath(config, modulePath) {
      let isESM;
      let filePath;
      try {
        filePath = __require.resolve(modulePath);
        isESM = isPathModule(filePath);
      } catch {
        filePath = (isPlugin(config) ? await (0, ts_path_1.tsPath)(config.root, modulePath, config) : await (0, ts_path_1.tsPath)(config.root, modulePath)) ?? modulePath;
        let isFileExists = false;
        let isDirectory = false;
        if ((0, fs_1.existsSync)(filePath)) {
          isFileExists = true;
          try {
            if ((0, node_fs_1.lstatSync)(filePath)?.isDirectory?.()) {
              isFileExists = false;
              isDirectory = true;
            }
          } catch {
          }
        }
        if (!isFileExists) {
          let foundPath = findFile(filePath);
          if (!foundPath && isDirectory) {
            foundPath = findFile((0, node_path_1.join)(filePath, "index"));
          }
          if (foundPath) {
            filePath = foundPath;
          }
        }
        isESM = isPathModule(filePath);
      }
      return { filePath, isESM };
    }
    function findFile(filePath) {
      for (const extension of SUPPORTED_EXTENSIONS) {
        const testPath = `${filePath}${extension}`;
        if ((0, fs_1.existsSync)(testPath)) {
          return testPath;
        }
      }
      return void 0;
    }
  }
});

// node_modules/@oclif/core/lib/symbols.js
var require_symbols = __commonJS({
  "node_modules/@oclif/core/lib/symbols.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.SINGLE_COMMAND_CLI_SYMBOL = void 0;
    exports.SINGLE_COMMAND_CLI_SYMBOL = (/* @__PURE__ */ Symbol("SINGLE_COMMAND_CLI")).toString();
  }
});

// node_modules/@oclif/core/lib/util/cache-default-value.js
var require_cache_default_value = __commonJS({
  "node_modules/@oclif/core/lib/util/cache-default-value.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.cacheDefaultValue = void 0;
    var cacheDefaultValue = async (flagOrArg, respectNoCacheDefault) => {
      if (respectNoCacheDefault && flagOrArg.noCacheDefault)
        return;
      if (typeof flagOrArg.defaultHelp === "function") {
        try {
          return await flagOrArg.defaultHelp({ flags: {}, options: flagOrArg });
        } catch {
          return;
        }
      }
      if (typeof flagOrArg.default === "function") {
        try {
          return await flagOrArg.default({ flags: {}, options: flagOrArg });
        } catch {
        }
      } else {
        return flagOrArg.default;
      }
    };
    exports.cacheDefaultValue = cacheDefaultValue;
  }
});

// node_modules/@oclif/core/lib/util/ids.js
var require_ids = __commonJS({
  "node_modules/@oclif/core/lib/util/ids.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.toStandardizedId = toStandardizedId;
    exports.toConfiguredId = toConfiguredId;
    function toStandardizedId(commandID, config) {
      return commandID.replaceAll(new RegExp(config.topicSeparator, "g"), ":");
    }
    function toConfiguredId(commandID, config) {
      const defaultTopicSeparator = ":";
      return commandID.replaceAll(new RegExp(defaultTopicSeparator, "g"), config.topicSeparator || defaultTopicSeparator);
    }
  }
});

// node_modules/@oclif/core/lib/errors/errors/exit.js
var require_exit = __commonJS({
  "node_modules/@oclif/core/lib/errors/errors/exit.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.ExitError = void 0;
    var cli_1 = require_cli();
    var ExitError = class extends cli_1.CLIError {
      code = "EEXIT";
      constructor(exitCode = 1) {
        super(`EEXIT: ${exitCode}`, { exit: exitCode });
      }
      render() {
        return "";
      }
    };
    exports.ExitError = ExitError;
  }
});

// node_modules/@oclif/core/lib/errors/exit.js
var require_exit2 = __commonJS({
  "node_modules/@oclif/core/lib/errors/exit.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.exit = exit;
    var exit_1 = require_exit();
    function exit(code = 0) {
      throw new exit_1.ExitError(code);
    }
  }
});

// node_modules/@oclif/core/lib/ux/action/base.js
var require_base = __commonJS({
  "node_modules/@oclif/core/lib/ux/action/base.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.ActionBase = void 0;
    var node_util_1 = __require("node:util");
    var util_1 = require_util();
    var ActionBase = class {
      std = "stderr";
      stdmocks;
      type;
      stdmockOrigs = {
        stderr: process.stderr.write,
        stdout: process.stdout.write
      };
      get globals() {
        ;
        globalThis.ux = globalThis.ux || {};
        const globals = globalThis.ux;
        globals.action = globals.action || {};
        return globals;
      }
      get output() {
        return this.globals.output;
      }
      set output(output) {
        this.globals.output = output;
      }
      get running() {
        return Boolean(this.task);
      }
      get status() {
        return this.task ? this.task.status : void 0;
      }
      set status(status) {
        const { task } = this;
        if (!task) {
          return;
        }
        if (task.status === status) {
          return;
        }
        this._updateStatus(status, task.status);
        task.status = status;
      }
      get task() {
        return this.globals.action.task;
      }
      set task(task) {
        this.globals.action.task = task;
      }
      // flush mocked stdout/stderr
      _flushStdout() {
        try {
          let output = "";
          let std;
          while (this.stdmocks && this.stdmocks.length > 0) {
            const cur = this.stdmocks.shift();
            std = cur[0];
            this._write(std, cur[1]);
            output += cur[1][0].toString("utf8");
          }
          if (output && std && output.at(-1) !== "\n") {
            this._write(std, "\n");
          }
        } catch (error) {
          this._write("stderr", (0, node_util_1.inspect)(error));
        }
      }
      _pause(_) {
        throw new Error("not implemented");
      }
      _resume() {
        if (this.task)
          this.start(this.task.action, this.task.status);
      }
      _start(_opts) {
        throw new Error("not implemented");
      }
      // mock out stdout/stderr so it doesn't screw up the rendering
      _stdout(toggle) {
        try {
          if (toggle) {
            if (this.stdmocks)
              return;
            this.stdmockOrigs = {
              stderr: process.stderr.write,
              stdout: process.stdout.write
            };
            this.stdmocks = [];
            process.stdout.write = (...args) => {
              this.stdmocks.push(["stdout", args]);
              return true;
            };
            process.stderr.write = (...args) => {
              this.stdmocks.push(["stderr", args]);
              return true;
            };
          } else {
            if (!this.stdmocks)
              return;
            delete this.stdmocks;
            process.stdout.write = this.stdmockOrigs.stdout;
            process.stderr.write = this.stdmockOrigs.stderr;
          }
        } catch (error) {
          this._write("stderr", (0, node_util_1.inspect)(error));
        }
      }
      _stop(_) {
        throw new Error("not implemented");
      }
      _updateStatus(_, __) {
      }
      // write to the real stdout/stderr
      _write(std, s) {
        switch (std) {
          case "stderr": {
            this.stdmockOrigs.stderr.apply(process.stderr, (0, util_1.castArray)(s));
            break;
          }
          case "stdout": {
            this.stdmockOrigs.stdout.apply(process.stdout, (0, util_1.castArray)(s));
            break;
          }
          default: {
            throw new Error(`invalid std: ${std}`);
          }
        }
      }
      async pause(fn, icon) {
        const { task } = this;
        const active = task?.active;
        if (task && active) {
          this._pause(icon);
          this._stdout(false);
          task.active = false;
        }
        const ret = fn();
        if (task && active) {
          this._resume();
        }
        return ret;
      }
      async pauseAsync(fn, icon) {
        const { task } = this;
        const active = task?.active;
        if (task && active) {
          this._pause(icon);
          this._stdout(false);
          task.active = false;
        }
        const ret = await fn();
        if (task && active) {
          this._resume();
        }
        return ret;
      }
      start(action, status, opts = {}) {
        this.std = opts.stdout ? "stdout" : "stderr";
        const task = { action, active: Boolean(this.task?.active), status };
        this.task = task;
        this._start(opts);
        task.active = true;
        this._stdout(true);
      }
      stop(msg = "done") {
        const { task } = this;
        if (!task) {
          return;
        }
        this._stop(msg);
        task.active = false;
        this.task = void 0;
        this._stdout(false);
      }
    };
    exports.ActionBase = ActionBase;
  }
});

// node_modules/@oclif/core/lib/ux/action/simple.js
var require_simple = __commonJS({
  "node_modules/@oclif/core/lib/ux/action/simple.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var base_1 = require_base();
    var SimpleAction = class extends base_1.ActionBase {
      type = "simple";
      _pause(icon) {
        if (icon)
          this._updateStatus(icon);
        else
          this._flush();
      }
      _resume() {
      }
      _start() {
        if (!this.task)
          return;
        this._render(this.task.action, this.task.status);
      }
      _stop(status) {
        if (!this.task)
          return;
        this._updateStatus(status, this.task.status, true);
      }
      _updateStatus(status, prevStatus, newline = false) {
        if (!this.task)
          return;
        if (this.task.active && !prevStatus)
          this._write(this.std, ` ${status}`);
        else
          this._write(this.std, `${this.task.action}... ${status}`);
        if (newline || !prevStatus)
          this._flush();
      }
      _flush() {
        this._write(this.std, "\n");
        this._flushStdout();
      }
      _render(action, status) {
        if (!this.task)
          return;
        if (this.task.active)
          this._flush();
        this._write(this.std, status ? `${action}... ${status}` : `${action}...`);
      }
    };
    exports.default = SimpleAction;
  }
});

// node_modules/ansi-escapes/index.js
var require_ansi_escapes = __commonJS({
  "node_modules/ansi-escapes/index.js"(exports, module) {
    "use strict";
    var ansiEscapes = module.exports;
    module.exports.default = ansiEscapes;
    var ESC = "\x1B[";
    var OSC = "\x1B]";
    var BEL = "\x07";
    var SEP = ";";
    var isTerminalApp = process.env.TERM_PROGRAM === "Apple_Terminal";
    ansiEscapes.cursorTo = (x, y) => {
      if (typeof x !== "number") {
        throw new TypeError("The `x` argument is required");
      }
      if (typeof y !== "number") {
        return ESC + (x + 1) + "G";
      }
      return ESC + (y + 1) + ";" + (x + 1) + "H";
    };
    ansiEscapes.cursorMove = (x, y) => {
      if (typeof x !== "number") {
        throw new TypeError("The `x` argument is required");
      }
      let ret = "";
      if (x < 0) {
        ret += ESC + -x + "D";
      } else if (x > 0) {
        ret += ESC + x + "C";
      }
      if (y < 0) {
        ret += ESC + -y + "A";
      } else if (y > 0) {
        ret += ESC + y + "B";
      }
      return ret;
    };
    ansiEscapes.cursorUp = (count = 1) => ESC + count + "A";
    ansiEscapes.cursorDown = (count = 1) => ESC + count + "B";
    ansiEscapes.cursorForward = (count = 1) => ESC + count + "C";
    ansiEscapes.cursorBackward = (count = 1) => ESC + count + "D";
    ansiEscapes.cursorLeft = ESC + "G";
    ansiEscapes.cursorSavePosition = isTerminalApp ? "\x1B7" : ESC + "s";
    ansiEscapes.cursorRestorePosition = isTerminalApp ? "\x1B8" : ESC + "u";
    ansiEscapes.cursorGetPosition = ESC + "6n";
    ansiEscapes.cursorNextLine = ESC + "E";
    ansiEscapes.cursorPrevLine = ESC + "F";
    ansiEscapes.cursorHide = ESC + "?25l";
    ansiEscapes.cursorShow = ESC + "?25h";
    ansiEscapes.eraseLines = (count) => {
      let clear = "";
      for (let i = 0; i < count; i++) {
        clear += ansiEscapes.eraseLine + (i < count - 1 ? ansiEscapes.cursorUp() : "");
      }
      if (count) {
        clear += ansiEscapes.cursorLeft;
      }
      return clear;
    };
    ansiEscapes.eraseEndLine = ESC + "K";
    ansiEscapes.eraseStartLine = ESC + "1K";
    ansiEscapes.eraseLine = ESC + "2K";
    ansiEscapes.eraseDown = ESC + "J";
    ansiEscapes.eraseUp = ESC + "1J";
    ansiEscapes.eraseScreen = ESC + "2J";
    ansiEscapes.scrollUp = ESC + "S";
    ansiEscapes.scrollDown = ESC + "T";
    ansiEscapes.clearScreen = "\x1Bc";
    ansiEscapes.clearTerminal = process.platform === "win32" ? `${ansiEscapes.eraseScreen}${ESC}0f` : (
      // 1. Erases the screen (Only done in case `2` is not supported)
      // 2. Erases the whole screen including scrollback buffer
      // 3. Moves cursor to the top-left position
      // More info: https://www.real-world-systems.com/docs/ANSIcode.html
      `${ansiEscapes.eraseScreen}${ESC}3J${ESC}H`
    );
    ansiEscapes.beep = BEL;
    ansiEscapes.link = (text, url) => {
      return [
        OSC,
        "8",
        SEP,
        SEP,
        url,
        BEL,
        text,
        OSC,
        "8",
        SEP,
        SEP,
        BEL
      ].join("");
    };
    ansiEscapes.image = (buffer, options = {}) => {
      let ret = `${OSC}1337;File=inline=1`;
      if (options.width) {
        ret += `;width=${options.width}`;
      }
      if (options.height) {
        ret += `;height=${options.height}`;
      }
      if (options.preserveAspectRatio === false) {
        ret += ";preserveAspectRatio=0";
      }
      return ret + ":" + buffer.toString("base64") + BEL;
    };
    ansiEscapes.iTerm = {
      setCwd: (cwd = process.cwd()) => `${OSC}50;CurrentDir=${cwd}${BEL}`,
      annotation: (message, options = {}) => {
        let ret = `${OSC}1337;`;
        const hasX = typeof options.x !== "undefined";
        const hasY = typeof options.y !== "undefined";
        if ((hasX || hasY) && !(hasX && hasY && typeof options.length !== "undefined")) {
          throw new Error("`x`, `y` and `length` must be defined when `x` or `y` is defined");
        }
        message = message.replace(/\|/g, "");
        ret += options.isHidden ? "AddHiddenAnnotation=" : "AddAnnotation=";
        if (options.length > 0) {
          ret += (hasX ? [message, options.length, options.x, options.y] : [options.length, message]).join("|");
        } else {
          ret += message;
        }
        return ret + BEL;
      }
    };
  }
});

// node_modules/cli-spinners/spinners.json
var require_spinners = __commonJS({
  "node_modules/cli-spinners/spinners.json"(exports, module) {
    module.exports = {
      dots: {
        interval: 80,
        frames: [
          "\u280B",
          "\u2819",
          "\u2839",
          "\u2838",
          "\u283C",
          "\u2834",
          "\u2826",
          "\u2827",
          "\u2807",
          "\u280F"
        ]
      },
      dots2: {
        interval: 80,
        frames: [
          "\u28FE",
          "\u28FD",
          "\u28FB",
          "\u28BF",
          "\u287F",
          "\u28DF",
          "\u28EF",
          "\u28F7"
        ]
      },
      dots3: {
        interval: 80,
        frames: [
          "\u280B",
          "\u2819",
          "\u281A",
          "\u281E",
          "\u2816",
          "\u2826",
          "\u2834",
          "\u2832",
          "\u2833",
          "\u2813"
        ]
      },
      dots4: {
        interval: 80,
        frames: [
          "\u2804",
          "\u2806",
          "\u2807",
          "\u280B",
          "\u2819",
          "\u2838",
          "\u2830",
          "\u2820",
          "\u2830",
          "\u2838",
          "\u2819",
          "\u280B",
          "\u2807",
          "\u2806"
        ]
      },
      dots5: {
        interval: 80,
        frames: [
          "\u280B",
          "\u2819",
          "\u281A",
          "\u2812",
          "\u2802",
          "\u2802",
          "\u2812",
          "\u2832",
          "\u2834",
          "\u2826",
          "\u2816",
          "\u2812",
          "\u2810",
          "\u2810",
          "\u2812",
          "\u2813",
          "\u280B"
        ]
      },
      dots6: {
        interval: 80,
        frames: [
          "\u2801",
          "\u2809",
          "\u2819",
          "\u281A",
          "\u2812",
          "\u2802",
          "\u2802",
          "\u2812",
          "\u2832",
          "\u2834",
          "\u2824",
          "\u2804",
          "\u2804",
          "\u2824",
          "\u2834",
          "\u2832",
          "\u2812",
          "\u2802",
          "\u2802",
          "\u2812",
          "\u281A",
          "\u2819",
          "\u2809",
          "\u2801"
        ]
      },
      dots7: {
        interval: 80,
        frames: [
          "\u2808",
          "\u2809",
          "\u280B",
          "\u2813",
          "\u2812",
          "\u2810",
          "\u2810",
          "\u2812",
          "\u2816",
          "\u2826",
          "\u2824",
          "\u2820",
          "\u2820",
          "\u2824",
          "\u2826",
          "\u2816",
          "\u2812",
          "\u2810",
          "\u2810",
          "\u2812",
          "\u2813",
          "\u280B",
          "\u2809",
          "\u2808"
        ]
      },
      dots8: {
        interval: 80,
        frames: [
          "\u2801",
          "\u2801",
          "\u2809",
          "\u2819",
          "\u281A",
          "\u2812",
          "\u2802",
          "\u2802",
          "\u2812",
          "\u2832",
          "\u2834",
          "\u2824",
          "\u2804",
          "\u2804",
          "\u2824",
          "\u2820",
          "\u2820",
          "\u2824",
          "\u2826",
          "\u2816",
          "\u2812",
          "\u2810",
          "\u2810",
          "\u2812",
          "\u2813",
          "\u280B",
          "\u2809",
          "\u2808",
          "\u2808"
        ]
      },
      dots9: {
        interval: 80,
        frames: [
          "\u28B9",
          "\u28BA",
          "\u28BC",
          "\u28F8",
          "\u28C7",
          "\u2867",
          "\u2857",
          "\u284F"
        ]
      },
      dots10: {
        interval: 80,
        frames: [
          "\u2884",
          "\u2882",
          "\u2881",
          "\u2841",
          "\u2848",
          "\u2850",
          "\u2860"
        ]
      },
      dots11: {
        interval: 100,
        frames: [
          "\u2801",
          "\u2802",
          "\u2804",
          "\u2840",
          "\u2880",
          "\u2820",
          "\u2810",
          "\u2808"
        ]
      },
      dots12: {
        interval: 80,
        frames: [
          "\u2880\u2800",
          "\u2840\u2800",
          "\u2804\u2800",
          "\u2882\u2800",
          "\u2842\u2800",
          "\u2805\u2800",
          "\u2883\u2800",
          "\u2843\u2800",
          "\u280D\u2800",
          "\u288B\u2800",
          "\u284B\u2800",
          "\u280D\u2801",
          "\u288B\u2801",
          "\u284B\u2801",
          "\u280D\u2809",
          "\u280B\u2809",
          "\u280B\u2809",
          "\u2809\u2819",
          "\u2809\u2819",
          "\u2809\u2829",
          "\u2808\u2899",
          "\u2808\u2859",
          "\u2888\u2829",
          "\u2840\u2899",
          "\u2804\u2859",
          "\u2882\u2829",
          "\u2842\u2898",
          "\u2805\u2858",
          "\u2883\u2828",
          "\u2843\u2890",
          "\u280D\u2850",
          "\u288B\u2820",
          "\u284B\u2880",
          "\u280D\u2841",
          "\u288B\u2801",
          "\u284B\u2801",
          "\u280D\u2809",
          "\u280B\u2809",
          "\u280B\u2809",
          "\u2809\u2819",
          "\u2809\u2819",
          "\u2809\u2829",
          "\u2808\u2899",
          "\u2808\u2859",
          "\u2808\u2829",
          "\u2800\u2899",
          "\u2800\u2859",
          "\u2800\u2829",
          "\u2800\u2898",
          "\u2800\u2858",
          "\u2800\u2828",
          "\u2800\u2890",
          "\u2800\u2850",
          "\u2800\u2820",
          "\u2800\u2880",
          "\u2800\u2840"
        ]
      },
      dots13: {
        interval: 80,
        frames: [
          "\u28FC",
          "\u28F9",
          "\u28BB",
          "\u283F",
          "\u285F",
          "\u28CF",
          "\u28E7",
          "\u28F6"
        ]
      },
      dots8Bit: {
        interval: 80,
        frames: [
          "\u2800",
          "\u2801",
          "\u2802",
          "\u2803",
          "\u2804",
          "\u2805",
          "\u2806",
          "\u2807",
          "\u2840",
          "\u2841",
          "\u2842",
          "\u2843",
          "\u2844",
          "\u2845",
          "\u2846",
          "\u2847",
          "\u2808",
          "\u2809",
          "\u280A",
          "\u280B",
          "\u280C",
          "\u280D",
          "\u280E",
          "\u280F",
          "\u2848",
          "\u2849",
          "\u284A",
          "\u284B",
          "\u284C",
          "\u284D",
          "\u284E",
          "\u284F",
          "\u2810",
          "\u2811",
          "\u2812",
          "\u2813",
          "\u2814",
          "\u2815",
          "\u2816",
          "\u2817",
          "\u2850",
          "\u2851",
          "\u2852",
          "\u2853",
          "\u2854",
          "\u2855",
          "\u2856",
          "\u2857",
          "\u2818",
          "\u2819",
          "\u281A",
          "\u281B",
          "\u281C",
          "\u281D",
          "\u281E",
          "\u281F",
          "\u2858",
          "\u2859",
          "\u285A",
          "\u285B",
          "\u285C",
          "\u285D",
          "\u285E",
          "\u285F",
          "\u2820",
          "\u2821",
          "\u2822",
          "\u2823",
          "\u2824",
          "\u2825",
          "\u2826",
          "\u2827",
          "\u2860",
          "\u2861",
          "\u2862",
          "\u2863",
          "\u2864",
          "\u2865",
          "\u2866",
          "\u2867",
          "\u2828",
          "\u2829",
          "\u282A",
          "\u282B",
          "\u282C",
          "\u282D",
          "\u282E",
          "\u282F",
          "\u2868",
          "\u2869",
          "\u286A",
          "\u286B",
          "\u286C",
          "\u286D",
          "\u286E",
          "\u286F",
          "\u2830",
          "\u2831",
          "\u2832",
          "\u2833",
          "\u2834",
          "\u2835",
          "\u2836",
          "\u2837",
          "\u2870",
          "\u2871",
          "\u2872",
          "\u2873",
          "\u2874",
          "\u2875",
          "\u2876",
          "\u2877",
          "\u2838",
          "\u2839",
          "\u283A",
          "\u283B",
          "\u283C",
          "\u283D",
          "\u283E",
          "\u283F",
          "\u2878",
          "\u2879",
          "\u287A",
          "\u287B",
          "\u287C",
          "\u287D",
          "\u287E",
          "\u287F",
          "\u2880",
          "\u2881",
          "\u2882",
          "\u2883",
          "\u2884",
          "\u2885",
          "\u2886",
          "\u2887",
          "\u28C0",
          "\u28C1",
          "\u28C2",
          "\u28C3",
          "\u28C4",
          "\u28C5",
          "\u28C6",
          "\u28C7",
          "\u2888",
          "\u2889",
          "\u288A",
          "\u288B",
          "\u288C",
          "\u288D",
          "\u288E",
          "\u288F",
          "\u28C8",
          "\u28C9",
          "\u28CA",
          "\u28CB",
          "\u28CC",
          "\u28CD",
          "\u28CE",
          "\u28CF",
          "\u2890",
          "\u2891",
          "\u2892",
          "\u2893",
          "\u2894",
          "\u2895",
          "\u2896",
          "\u2897",
          "\u28D0",
          "\u28D1",
          "\u28D2",
          "\u28D3",
          "\u28D4",
          "\u28D5",
          "\u28D6",
          "\u28D7",
          "\u2898",
          "\u2899",
          "\u289A",
          "\u289B",
          "\u289C",
          "\u289D",
          "\u289E",
          "\u289F",
          "\u28D8",
          "\u28D9",
          "\u28DA",
          "\u28DB",
          "\u28DC",
          "\u28DD",
          "\u28DE",
          "\u28DF",
          "\u28A0",
          "\u28A1",
          "\u28A2",
          "\u28A3",
          "\u28A4",
          "\u28A5",
          "\u28A6",
          "\u28A7",
          "\u28E0",
          "\u28E1",
          "\u28E2",
          "\u28E3",
          "\u28E4",
          "\u28E5",
          "\u28E6",
          "\u28E7",
          "\u28A8",
          "\u28A9",
          "\u28AA",
          "\u28AB",
          "\u28AC",
          "\u28AD",
          "\u28AE",
          "\u28AF",
          "\u28E8",
          "\u28E9",
          "\u28EA",
          "\u28EB",
          "\u28EC",
          "\u28ED",
          "\u28EE",
          "\u28EF",
          "\u28B0",
          "\u28B1",
          "\u28B2",
          "\u28B3",
          "\u28B4",
          "\u28B5",
          "\u28B6",
          "\u28B7",
          "\u28F0",
          "\u28F1",
          "\u28F2",
          "\u28F3",
          "\u28F4",
          "\u28F5",
          "\u28F6",
          "\u28F7",
          "\u28B8",
          "\u28B9",
          "\u28BA",
          "\u28BB",
          "\u28BC",
          "\u28BD",
          "\u28BE",
          "\u28BF",
          "\u28F8",
          "\u28F9",
          "\u28FA",
          "\u28FB",
          "\u28FC",
          "\u28FD",
          "\u28FE",
          "\u28FF"
        ]
      },
      sand: {
        interval: 80,
        frames: [
          "\u2801",
          "\u2802",
          "\u2804",
          "\u2840",
          "\u2848",
          "\u2850",
          "\u2860",
          "\u28C0",
          "\u28C1",
          "\u28C2",
          "\u28C4",
          "\u28CC",
          "\u28D4",
          "\u28E4",
          "\u28E5",
          "\u28E6",
          "\u28EE",
          "\u28F6",
          "\u28F7",
          "\u28FF",
          "\u287F",
          "\u283F",
          "\u289F",
          "\u281F",
          "\u285B",
          "\u281B",
          "\u282B",
          "\u288B",
          "\u280B",
          "\u280D",
          "\u2849",
          "\u2809",
          "\u2811",
          "\u2821",
          "\u2881"
        ]
      },
      line: {
        interval: 130,
        frames: [
          "-",
          "\\",
          "|",
          "/"
        ]
      },
      line2: {
        interval: 100,
        frames: [
          "\u2802",
          "-",
          "\u2013",
          "\u2014",
          "\u2013",
          "-"
        ]
      },
      pipe: {
        interval: 100,
        frames: [
          "\u2524",
          "\u2518",
          "\u2534",
          "\u2514",
          "\u251C",
          "\u250C",
          "\u252C",
          "\u2510"
        ]
      },
      simpleDots: {
        interval: 400,
        frames: [
          ".  ",
          ".. ",
          "...",
          "   "
        ]
      },
      simpleDotsScrolling: {
        interval: 200,
        frames: [
          ".  ",
          ".. ",
          "...",
          " ..",
          "  .",
          "   "
        ]
      },
      star: {
        interval: 70,
        frames: [
          "\u2736",
          "\u2738",
          "\u2739",
          "\u273A",
          "\u2739",
          "\u2737"
        ]
      },
      star2: {
        interval: 80,
        frames: [
          "+",
          "x",
          "*"
        ]
      },
      flip: {
        interval: 70,
        frames: [
          "_",
          "_",
          "_",
          "-",
          "`",
          "`",
          "'",
          "\xB4",
          "-",
          "_",
          "_",
          "_"
        ]
      },
      hamburger: {
        interval: 100,
        frames: [
          "\u2631",
          "\u2632",
          "\u2634"
        ]
      },
      growVertical: {
        interval: 120,
        frames: [
          "\u2581",
          "\u2583",
          "\u2584",
          "\u2585",
          "\u2586",
          "\u2587",
          "\u2586",
          "\u2585",
          "\u2584",
          "\u2583"
        ]
      },
      growHorizontal: {
        interval: 120,
        frames: [
          "\u258F",
          "\u258E",
          "\u258D",
          "\u258C",
          "\u258B",
          "\u258A",
          "\u2589",
          "\u258A",
          "\u258B",
          "\u258C",
          "\u258D",
          "\u258E"
        ]
      },
      balloon: {
        interval: 140,
        frames: [
          " ",
          ".",
          "o",
          "O",
          "@",
          "*",
          " "
        ]
      },
      balloon2: {
        interval: 120,
        frames: [
          ".",
          "o",
          "O",
          "\xB0",
          "O",
          "o",
          "."
        ]
      },
      noise: {
        interval: 100,
        frames: [
          "\u2593",
          "\u2592",
          "\u2591"
        ]
      },
      bounce: {
        interval: 120,
        frames: [
          "\u2801",
          "\u2802",
          "\u2804",
          "\u2802"
        ]
      },
      boxBounce: {
        interval: 120,
        frames: [
          "\u2596",
          "\u2598",
          "\u259D",
          "\u2597"
        ]
      },
      boxBounce2: {
        interval: 100,
        frames: [
          "\u258C",
          "\u2580",
          "\u2590",
          "\u2584"
        ]
      },
      triangle: {
        interval: 50,
        frames: [
          "\u25E2",
          "\u25E3",
          "\u25E4",
          "\u25E5"
        ]
      },
      binary: {
        interval: 80,
        frames: [
          "010010",
          "001100",
          "100101",
          "111010",
          "111101",
          "010111",
          "101011",
          "111000",
          "110011",
          "110101"
        ]
      },
      arc: {
        interval: 100,
        frames: [
          "\u25DC",
          "\u25E0",
          "\u25DD",
          "\u25DE",
          "\u25E1",
          "\u25DF"
        ]
      },
      circle: {
        interval: 120,
        frames: [
          "\u25E1",
          "\u2299",
          "\u25E0"
        ]
      },
      squareCorners: {
        interval: 180,
        frames: [
          "\u25F0",
          "\u25F3",
          "\u25F2",
          "\u25F1"
        ]
      },
      circleQuarters: {
        interval: 120,
        frames: [
          "\u25F4",
          "\u25F7",
          "\u25F6",
          "\u25F5"
        ]
      },
      circleHalves: {
        interval: 50,
        frames: [
          "\u25D0",
          "\u25D3",
          "\u25D1",
          "\u25D2"
        ]
      },
      squish: {
        interval: 100,
        frames: [
          "\u256B",
          "\u256A"
        ]
      },
      toggle: {
        interval: 250,
        frames: [
          "\u22B6",
          "\u22B7"
        ]
      },
      toggle2: {
        interval: 80,
        frames: [
          "\u25AB",
          "\u25AA"
        ]
      },
      toggle3: {
        interval: 120,
        frames: [
          "\u25A1",
          "\u25A0"
        ]
      },
      toggle4: {
        interval: 100,
        frames: [
          "\u25A0",
          "\u25A1",
          "\u25AA",
          "\u25AB"
        ]
      },
      toggle5: {
        interval: 100,
        frames: [
          "\u25AE",
          "\u25AF"
        ]
      },
      toggle6: {
        interval: 300,
        frames: [
          "\u101D",
          "\u1040"
        ]
      },
      toggle7: {
        interval: 80,
        frames: [
          "\u29BE",
          "\u29BF"
        ]
      },
      toggle8: {
        interval: 100,
        frames: [
          "\u25CD",
          "\u25CC"
        ]
      },
      toggle9: {
        interval: 100,
        frames: [
          "\u25C9",
          "\u25CE"
        ]
      },
      toggle10: {
        interval: 100,
        frames: [
          "\u3282",
          "\u3280",
          "\u3281"
        ]
      },
      toggle11: {
        interval: 50,
        frames: [
          "\u29C7",
          "\u29C6"
        ]
      },
      toggle12: {
        interval: 120,
        frames: [
          "\u2617",
          "\u2616"
        ]
      },
      toggle13: {
        interval: 80,
        frames: [
          "=",
          "*",
          "-"
        ]
      },
      arrow: {
        interval: 100,
        frames: [
          "\u2190",
          "\u2196",
          "\u2191",
          "\u2197",
          "\u2192",
          "\u2198",
          "\u2193",
          "\u2199"
        ]
      },
      arrow2: {
        interval: 80,
        frames: [
          "\u2B06\uFE0F ",
          "\u2197\uFE0F ",
          "\u27A1\uFE0F ",
          "\u2198\uFE0F ",
          "\u2B07\uFE0F ",
          "\u2199\uFE0F ",
          "\u2B05\uFE0F ",
          "\u2196\uFE0F "
        ]
      },
      arrow3: {
        interval: 120,
        frames: [
          "\u25B9\u25B9\u25B9\u25B9\u25B9",
          "\u25B8\u25B9\u25B9\u25B9\u25B9",
          "\u25B9\u25B8\u25B9\u25B9\u25B9",
          "\u25B9\u25B9\u25B8\u25B9\u25B9",
          "\u25B9\u25B9\u25B9\u25B8\u25B9",
          "\u25B9\u25B9\u25B9\u25B9\u25B8"
        ]
      },
      bouncingBar: {
        interval: 80,
        frames: [
          "[    ]",
          "[=   ]",
          "[==  ]",
          "[=== ]",
          "[====]",
          "[ ===]",
          "[  ==]",
          "[   =]",
          "[    ]",
          "[   =]",
          "[  ==]",
          "[ ===]",
          "[====]",
          "[=== ]",
          "[==  ]",
          "[=   ]"
        ]
      },
      bouncingBall: {
        interval: 80,
        frames: [
          "( \u25CF    )",
          "(  \u25CF   )",
          "(   \u25CF  )",
          "(    \u25CF )",
          "(     \u25CF)",
          "(    \u25CF )",
          "(   \u25CF  )",
          "(  \u25CF   )",
          "( \u25CF    )",
          "(\u25CF     )"
        ]
      },
      smiley: {
        interval: 200,
        frames: [
          "\u{1F604} ",
          "\u{1F61D} "
        ]
      },
      monkey: {
        interval: 300,
        frames: [
          "\u{1F648} ",
          "\u{1F648} ",
          "\u{1F649} ",
          "\u{1F64A} "
        ]
      },
      hearts: {
        interval: 100,
        frames: [
          "\u{1F49B} ",
          "\u{1F499} ",
          "\u{1F49C} ",
          "\u{1F49A} ",
          "\u2764\uFE0F "
        ]
      },
      clock: {
        interval: 100,
        frames: [
          "\u{1F55B} ",
          "\u{1F550} ",
          "\u{1F551} ",
          "\u{1F552} ",
          "\u{1F553} ",
          "\u{1F554} ",
          "\u{1F555} ",
          "\u{1F556} ",
          "\u{1F557} ",
          "\u{1F558} ",
          "\u{1F559} ",
          "\u{1F55A} "
        ]
      },
      earth: {
        interval: 180,
        frames: [
          "\u{1F30D} ",
          "\u{1F30E} ",
          "\u{1F30F} "
        ]
      },
      material: {
        interval: 17,
        frames: [
          "\u2588\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581",
          "\u2588\u2588\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581",
          "\u2588\u2588\u2588\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581",
          "\u2588\u2588\u2588\u2588\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581",
          "\u2588\u2588\u2588\u2588\u2588\u2588\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581",
          "\u2588\u2588\u2588\u2588\u2588\u2588\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581",
          "\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581",
          "\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581",
          "\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581",
          "\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581",
          "\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581",
          "\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581",
          "\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2581\u2581\u2581\u2581\u2581\u2581\u2581",
          "\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2581\u2581\u2581\u2581\u2581\u2581",
          "\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2581\u2581\u2581\u2581\u2581\u2581",
          "\u2581\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2581\u2581\u2581\u2581\u2581",
          "\u2581\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2581\u2581\u2581\u2581\u2581",
          "\u2581\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2581\u2581\u2581\u2581\u2581",
          "\u2581\u2581\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2581\u2581\u2581\u2581",
          "\u2581\u2581\u2581\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2581\u2581\u2581",
          "\u2581\u2581\u2581\u2581\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2581\u2581\u2581",
          "\u2581\u2581\u2581\u2581\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2581\u2581",
          "\u2581\u2581\u2581\u2581\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2581\u2581",
          "\u2581\u2581\u2581\u2581\u2581\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2581",
          "\u2581\u2581\u2581\u2581\u2581\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2581",
          "\u2581\u2581\u2581\u2581\u2581\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2581",
          "\u2581\u2581\u2581\u2581\u2581\u2581\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588",
          "\u2581\u2581\u2581\u2581\u2581\u2581\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588",
          "\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588",
          "\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588",
          "\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588",
          "\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588",
          "\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588",
          "\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588",
          "\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588",
          "\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588",
          "\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588",
          "\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2588\u2588\u2588\u2588\u2588\u2588\u2588",
          "\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2588\u2588\u2588\u2588\u2588\u2588",
          "\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2588\u2588\u2588\u2588\u2588",
          "\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2588\u2588\u2588\u2588\u2588",
          "\u2588\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2588\u2588\u2588\u2588",
          "\u2588\u2588\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2588\u2588\u2588",
          "\u2588\u2588\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2588\u2588\u2588",
          "\u2588\u2588\u2588\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2588\u2588\u2588",
          "\u2588\u2588\u2588\u2588\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2588\u2588",
          "\u2588\u2588\u2588\u2588\u2588\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2588",
          "\u2588\u2588\u2588\u2588\u2588\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2588",
          "\u2588\u2588\u2588\u2588\u2588\u2588\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2588",
          "\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581",
          "\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581",
          "\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581",
          "\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581",
          "\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581",
          "\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581",
          "\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581",
          "\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581",
          "\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2581\u2581\u2581\u2581\u2581\u2581",
          "\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2581\u2581\u2581\u2581\u2581\u2581",
          "\u2581\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2581\u2581\u2581\u2581\u2581",
          "\u2581\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2581\u2581\u2581\u2581\u2581",
          "\u2581\u2581\u2581\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2581\u2581\u2581\u2581",
          "\u2581\u2581\u2581\u2581\u2581\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2581\u2581\u2581",
          "\u2581\u2581\u2581\u2581\u2581\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2581\u2581\u2581",
          "\u2581\u2581\u2581\u2581\u2581\u2581\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2581\u2581\u2581",
          "\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2581\u2581\u2581",
          "\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2581\u2581\u2581",
          "\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2581\u2581",
          "\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2581\u2581",
          "\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2581",
          "\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2581",
          "\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2581",
          "\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2581",
          "\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2581",
          "\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2588\u2588\u2588\u2588\u2588\u2588\u2588",
          "\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2588\u2588\u2588\u2588\u2588\u2588\u2588",
          "\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2588\u2588\u2588\u2588\u2588",
          "\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2588\u2588\u2588\u2588",
          "\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2588\u2588\u2588\u2588",
          "\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2588\u2588\u2588\u2588",
          "\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2588\u2588\u2588",
          "\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2588\u2588\u2588",
          "\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2588\u2588",
          "\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2588\u2588",
          "\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2588\u2588",
          "\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2588",
          "\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2588",
          "\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2588",
          "\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581",
          "\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581",
          "\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581",
          "\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581\u2581"
        ]
      },
      moon: {
        interval: 80,
        frames: [
          "\u{1F311} ",
          "\u{1F312} ",
          "\u{1F313} ",
          "\u{1F314} ",
          "\u{1F315} ",
          "\u{1F316} ",
          "\u{1F317} ",
          "\u{1F318} "
        ]
      },
      runner: {
        interval: 140,
        frames: [
          "\u{1F6B6} ",
          "\u{1F3C3} "
        ]
      },
      pong: {
        interval: 80,
        frames: [
          "\u2590\u2802       \u258C",
          "\u2590\u2808       \u258C",
          "\u2590 \u2802      \u258C",
          "\u2590 \u2820      \u258C",
          "\u2590  \u2840     \u258C",
          "\u2590  \u2820     \u258C",
          "\u2590   \u2802    \u258C",
          "\u2590   \u2808    \u258C",
          "\u2590    \u2802   \u258C",
          "\u2590    \u2820   \u258C",
          "\u2590     \u2840  \u258C",
          "\u2590     \u2820  \u258C",
          "\u2590      \u2802 \u258C",
          "\u2590      \u2808 \u258C",
          "\u2590       \u2802\u258C",
          "\u2590       \u2820\u258C",
          "\u2590       \u2840\u258C",
          "\u2590      \u2820 \u258C",
          "\u2590      \u2802 \u258C",
          "\u2590     \u2808  \u258C",
          "\u2590     \u2802  \u258C",
          "\u2590    \u2820   \u258C",
          "\u2590    \u2840   \u258C",
          "\u2590   \u2820    \u258C",
          "\u2590   \u2802    \u258C",
          "\u2590  \u2808     \u258C",
          "\u2590  \u2802     \u258C",
          "\u2590 \u2820      \u258C",
          "\u2590 \u2840      \u258C",
          "\u2590\u2820       \u258C"
        ]
      },
      shark: {
        interval: 120,
        frames: [
          "\u2590|\\____________\u258C",
          "\u2590_|\\___________\u258C",
          "\u2590__|\\__________\u258C",
          "\u2590___|\\_________\u258C",
          "\u2590____|\\________\u258C",
          "\u2590_____|\\_______\u258C",
          "\u2590______|\\______\u258C",
          "\u2590_______|\\_____\u258C",
          "\u2590________|\\____\u258C",
          "\u2590_________|\\___\u258C",
          "\u2590__________|\\__\u258C",
          "\u2590___________|\\_\u258C",
          "\u2590____________|\\\u258C",
          "\u2590____________/|\u258C",
          "\u2590___________/|_\u258C",
          "\u2590__________/|__\u258C",
          "\u2590_________/|___\u258C",
          "\u2590________/|____\u258C",
          "\u2590_______/|_____\u258C",
          "\u2590______/|______\u258C",
          "\u2590_____/|_______\u258C",
          "\u2590____/|________\u258C",
          "\u2590___/|_________\u258C",
          "\u2590__/|__________\u258C",
          "\u2590_/|___________\u258C",
          "\u2590/|____________\u258C"
        ]
      },
      dqpb: {
        interval: 100,
        frames: [
          "d",
          "q",
          "p",
          "b"
        ]
      },
      weather: {
        interval: 100,
        frames: [
          "\u2600\uFE0F ",
          "\u2600\uFE0F ",
          "\u2600\uFE0F ",
          "\u{1F324} ",
          "\u26C5\uFE0F ",
          "\u{1F325} ",
          "\u2601\uFE0F ",
          "\u{1F327} ",
          "\u{1F328} ",
          "\u{1F327} ",
          "\u{1F328} ",
          "\u{1F327} ",
          "\u{1F328} ",
          "\u26C8 ",
          "\u{1F328} ",
          "\u{1F327} ",
          "\u{1F328} ",
          "\u2601\uFE0F ",
          "\u{1F325} ",
          "\u26C5\uFE0F ",
          "\u{1F324} ",
          "\u2600\uFE0F ",
          "\u2600\uFE0F "
        ]
      },
      christmas: {
        interval: 400,
        frames: [
          "\u{1F332}",
          "\u{1F384}"
        ]
      },
      grenade: {
        interval: 80,
        frames: [
          "\u060C  ",
          "\u2032  ",
          " \xB4 ",
          " \u203E ",
          "  \u2E0C",
          "  \u2E0A",
          "  |",
          "  \u204E",
          "  \u2055",
          " \u0DF4 ",
          "  \u2053",
          "   ",
          "   ",
          "   "
        ]
      },
      point: {
        interval: 125,
        frames: [
          "\u2219\u2219\u2219",
          "\u25CF\u2219\u2219",
          "\u2219\u25CF\u2219",
          "\u2219\u2219\u25CF",
          "\u2219\u2219\u2219"
        ]
      },
      layer: {
        interval: 150,
        frames: [
          "-",
          "=",
          "\u2261"
        ]
      },
      betaWave: {
        interval: 80,
        frames: [
          "\u03C1\u03B2\u03B2\u03B2\u03B2\u03B2\u03B2",
          "\u03B2\u03C1\u03B2\u03B2\u03B2\u03B2\u03B2",
          "\u03B2\u03B2\u03C1\u03B2\u03B2\u03B2\u03B2",
          "\u03B2\u03B2\u03B2\u03C1\u03B2\u03B2\u03B2",
          "\u03B2\u03B2\u03B2\u03B2\u03C1\u03B2\u03B2",
          "\u03B2\u03B2\u03B2\u03B2\u03B2\u03C1\u03B2",
          "\u03B2\u03B2\u03B2\u03B2\u03B2\u03B2\u03C1"
        ]
      },
      fingerDance: {
        interval: 160,
        frames: [
          "\u{1F918} ",
          "\u{1F91F} ",
          "\u{1F596} ",
          "\u270B ",
          "\u{1F91A} ",
          "\u{1F446} "
        ]
      },
      fistBump: {
        interval: 80,
        frames: [
          "\u{1F91C}\u3000\u3000\u3000\u3000\u{1F91B} ",
          "\u{1F91C}\u3000\u3000\u3000\u3000\u{1F91B} ",
          "\u{1F91C}\u3000\u3000\u3000\u3000\u{1F91B} ",
          "\u3000\u{1F91C}\u3000\u3000\u{1F91B}\u3000 ",
          "\u3000\u3000\u{1F91C}\u{1F91B}\u3000\u3000 ",
          "\u3000\u{1F91C}\u2728\u{1F91B}\u3000\u3000 ",
          "\u{1F91C}\u3000\u2728\u3000\u{1F91B}\u3000 "
        ]
      },
      soccerHeader: {
        interval: 80,
        frames: [
          " \u{1F9D1}\u26BD\uFE0F       \u{1F9D1} ",
          "\u{1F9D1}  \u26BD\uFE0F      \u{1F9D1} ",
          "\u{1F9D1}   \u26BD\uFE0F     \u{1F9D1} ",
          "\u{1F9D1}    \u26BD\uFE0F    \u{1F9D1} ",
          "\u{1F9D1}     \u26BD\uFE0F   \u{1F9D1} ",
          "\u{1F9D1}      \u26BD\uFE0F  \u{1F9D1} ",
          "\u{1F9D1}       \u26BD\uFE0F\u{1F9D1}  ",
          "\u{1F9D1}      \u26BD\uFE0F  \u{1F9D1} ",
          "\u{1F9D1}     \u26BD\uFE0F   \u{1F9D1} ",
          "\u{1F9D1}    \u26BD\uFE0F    \u{1F9D1} ",
          "\u{1F9D1}   \u26BD\uFE0F     \u{1F9D1} ",
          "\u{1F9D1}  \u26BD\uFE0F      \u{1F9D1} "
        ]
      },
      mindblown: {
        interval: 160,
        frames: [
          "\u{1F610} ",
          "\u{1F610} ",
          "\u{1F62E} ",
          "\u{1F62E} ",
          "\u{1F626} ",
          "\u{1F626} ",
          "\u{1F627} ",
          "\u{1F627} ",
          "\u{1F92F} ",
          "\u{1F4A5} ",
          "\u2728 ",
          "\u3000 ",
          "\u3000 ",
          "\u3000 "
        ]
      },
      speaker: {
        interval: 160,
        frames: [
          "\u{1F508} ",
          "\u{1F509} ",
          "\u{1F50A} ",
          "\u{1F509} "
        ]
      },
      orangePulse: {
        interval: 100,
        frames: [
          "\u{1F538} ",
          "\u{1F536} ",
          "\u{1F7E0} ",
          "\u{1F7E0} ",
          "\u{1F536} "
        ]
      },
      bluePulse: {
        interval: 100,
        frames: [
          "\u{1F539} ",
          "\u{1F537} ",
          "\u{1F535} ",
          "\u{1F535} ",
          "\u{1F537} "
        ]
      },
      orangeBluePulse: {
        interval: 100,
        frames: [
          "\u{1F538} ",
          "\u{1F536} ",
          "\u{1F7E0} ",
          "\u{1F7E0} ",
          "\u{1F536} ",
          "\u{1F539} ",
          "\u{1F537} ",
          "\u{1F535} ",
          "\u{1F535} ",
          "\u{1F537} "
        ]
      },
      timeTravel: {
        interval: 100,
        frames: [
          "\u{1F55B} ",
          "\u{1F55A} ",
          "\u{1F559} ",
          "\u{1F558} ",
          "\u{1F557} ",
          "\u{1F556} ",
          "\u{1F555} ",
          "\u{1F554} ",
          "\u{1F553} ",
          "\u{1F552} ",
          "\u{1F551} ",
          "\u{1F550} "
        ]
      },
      aesthetic: {
        interval: 80,
        frames: [
          "\u25B0\u25B1\u25B1\u25B1\u25B1\u25B1\u25B1",
          "\u25B0\u25B0\u25B1\u25B1\u25B1\u25B1\u25B1",
          "\u25B0\u25B0\u25B0\u25B1\u25B1\u25B1\u25B1",
          "\u25B0\u25B0\u25B0\u25B0\u25B1\u25B1\u25B1",
          "\u25B0\u25B0\u25B0\u25B0\u25B0\u25B1\u25B1",
          "\u25B0\u25B0\u25B0\u25B0\u25B0\u25B0\u25B1",
          "\u25B0\u25B0\u25B0\u25B0\u25B0\u25B0\u25B0",
          "\u25B0\u25B1\u25B1\u25B1\u25B1\u25B1\u25B1"
        ]
      },
      dwarfFortress: {
        interval: 80,
        frames: [
          " \u2588\u2588\u2588\u2588\u2588\u2588\xA3\xA3\xA3  ",
          "\u263A\u2588\u2588\u2588\u2588\u2588\u2588\xA3\xA3\xA3  ",
          "\u263A\u2588\u2588\u2588\u2588\u2588\u2588\xA3\xA3\xA3  ",
          "\u263A\u2593\u2588\u2588\u2588\u2588\u2588\xA3\xA3\xA3  ",
          "\u263A\u2593\u2588\u2588\u2588\u2588\u2588\xA3\xA3\xA3  ",
          "\u263A\u2592\u2588\u2588\u2588\u2588\u2588\xA3\xA3\xA3  ",
          "\u263A\u2592\u2588\u2588\u2588\u2588\u2588\xA3\xA3\xA3  ",
          "\u263A\u2591\u2588\u2588\u2588\u2588\u2588\xA3\xA3\xA3  ",
          "\u263A\u2591\u2588\u2588\u2588\u2588\u2588\xA3\xA3\xA3  ",
          "\u263A \u2588\u2588\u2588\u2588\u2588\xA3\xA3\xA3  ",
          " \u263A\u2588\u2588\u2588\u2588\u2588\xA3\xA3\xA3  ",
          " \u263A\u2588\u2588\u2588\u2588\u2588\xA3\xA3\xA3  ",
          " \u263A\u2593\u2588\u2588\u2588\u2588\xA3\xA3\xA3  ",
          " \u263A\u2593\u2588\u2588\u2588\u2588\xA3\xA3\xA3  ",
          " \u263A\u2592\u2588\u2588\u2588\u2588\xA3\xA3\xA3  ",
          " \u263A\u2592\u2588\u2588\u2588\u2588\xA3\xA3\xA3  ",
          " \u263A\u2591\u2588\u2588\u2588\u2588\xA3\xA3\xA3  ",
          " \u263A\u2591\u2588\u2588\u2588\u2588\xA3\xA3\xA3  ",
          " \u263A \u2588\u2588\u2588\u2588\xA3\xA3\xA3  ",
          "  \u263A\u2588\u2588\u2588\u2588\xA3\xA3\xA3  ",
          "  \u263A\u2588\u2588\u2588\u2588\xA3\xA3\xA3  ",
          "  \u263A\u2593\u2588\u2588\u2588\xA3\xA3\xA3  ",
          "  \u263A\u2593\u2588\u2588\u2588\xA3\xA3\xA3  ",
          "  \u263A\u2592\u2588\u2588\u2588\xA3\xA3\xA3  ",
          "  \u263A\u2592\u2588\u2588\u2588\xA3\xA3\xA3  ",
          "  \u263A\u2591\u2588\u2588\u2588\xA3\xA3\xA3  ",
          "  \u263A\u2591\u2588\u2588\u2588\xA3\xA3\xA3  ",
          "  \u263A \u2588\u2588\u2588\xA3\xA3\xA3  ",
          "   \u263A\u2588\u2588\u2588\xA3\xA3\xA3  ",
          "   \u263A\u2588\u2588\u2588\xA3\xA3\xA3  ",
          "   \u263A\u2593\u2588\u2588\xA3\xA3\xA3  ",
          "   \u263A\u2593\u2588\u2588\xA3\xA3\xA3  ",
          "   \u263A\u2592\u2588\u2588\xA3\xA3\xA3  ",
          "   \u263A\u2592\u2588\u2588\xA3\xA3\xA3  ",
          "   \u263A\u2591\u2588\u2588\xA3\xA3\xA3  ",
          "   \u263A\u2591\u2588\u2588\xA3\xA3\xA3  ",
          "   \u263A \u2588\u2588\xA3\xA3\xA3  ",
          "    \u263A\u2588\u2588\xA3\xA3\xA3  ",
          "    \u263A\u2588\u2588\xA3\xA3\xA3  ",
          "    \u263A\u2593\u2588\xA3\xA3\xA3  ",
          "    \u263A\u2593\u2588\xA3\xA3\xA3  ",
          "    \u263A\u2592\u2588\xA3\xA3\xA3  ",
          "    \u263A\u2592\u2588\xA3\xA3\xA3  ",
          "    \u263A\u2591\u2588\xA3\xA3\xA3  ",
          "    \u263A\u2591\u2588\xA3\xA3\xA3  ",
          "    \u263A \u2588\xA3\xA3\xA3  ",
          "     \u263A\u2588\xA3\xA3\xA3  ",
          "     \u263A\u2588\xA3\xA3\xA3  ",
          "     \u263A\u2593\xA3\xA3\xA3  ",
          "     \u263A\u2593\xA3\xA3\xA3  ",
          "     \u263A\u2592\xA3\xA3\xA3  ",
          "     \u263A\u2592\xA3\xA3\xA3  ",
          "     \u263A\u2591\xA3\xA3\xA3  ",
          "     \u263A\u2591\xA3\xA3\xA3  ",
          "     \u263A \xA3\xA3\xA3  ",
          "      \u263A\xA3\xA3\xA3  ",
          "      \u263A\xA3\xA3\xA3  ",
          "      \u263A\u2593\xA3\xA3  ",
          "      \u263A\u2593\xA3\xA3  ",
          "      \u263A\u2592\xA3\xA3  ",
          "      \u263A\u2592\xA3\xA3  ",
          "      \u263A\u2591\xA3\xA3  ",
          "      \u263A\u2591\xA3\xA3  ",
          "      \u263A \xA3\xA3  ",
          "       \u263A\xA3\xA3  ",
          "       \u263A\xA3\xA3  ",
          "       \u263A\u2593\xA3  ",
          "       \u263A\u2593\xA3  ",
          "       \u263A\u2592\xA3  ",
          "       \u263A\u2592\xA3  ",
          "       \u263A\u2591\xA3  ",
          "       \u263A\u2591\xA3  ",
          "       \u263A \xA3  ",
          "        \u263A\xA3  ",
          "        \u263A\xA3  ",
          "        \u263A\u2593  ",
          "        \u263A\u2593  ",
          "        \u263A\u2592  ",
          "        \u263A\u2592  ",
          "        \u263A\u2591  ",
          "        \u263A\u2591  ",
          "        \u263A   ",
          "        \u263A  &",
          "        \u263A \u263C&",
          "       \u263A \u263C &",
          "       \u263A\u263C  &",
          "      \u263A\u263C  & ",
          "      \u203C   & ",
          "     \u263A   &  ",
          "    \u203C    &  ",
          "   \u263A    &   ",
          "  \u203C     &   ",
          " \u263A     &    ",
          "\u203C      &    ",
          "      &     ",
          "      &     ",
          "     &   \u2591  ",
          "     &   \u2592  ",
          "    &    \u2593  ",
          "    &    \xA3  ",
          "   &    \u2591\xA3  ",
          "   &    \u2592\xA3  ",
          "  &     \u2593\xA3  ",
          "  &     \xA3\xA3  ",
          " &     \u2591\xA3\xA3  ",
          " &     \u2592\xA3\xA3  ",
          "&      \u2593\xA3\xA3  ",
          "&      \xA3\xA3\xA3  ",
          "      \u2591\xA3\xA3\xA3  ",
          "      \u2592\xA3\xA3\xA3  ",
          "      \u2593\xA3\xA3\xA3  ",
          "      \u2588\xA3\xA3\xA3  ",
          "     \u2591\u2588\xA3\xA3\xA3  ",
          "     \u2592\u2588\xA3\xA3\xA3  ",
          "     \u2593\u2588\xA3\xA3\xA3  ",
          "     \u2588\u2588\xA3\xA3\xA3  ",
          "    \u2591\u2588\u2588\xA3\xA3\xA3  ",
          "    \u2592\u2588\u2588\xA3\xA3\xA3  ",
          "    \u2593\u2588\u2588\xA3\xA3\xA3  ",
          "    \u2588\u2588\u2588\xA3\xA3\xA3  ",
          "   \u2591\u2588\u2588\u2588\xA3\xA3\xA3  ",
          "   \u2592\u2588\u2588\u2588\xA3\xA3\xA3  ",
          "   \u2593\u2588\u2588\u2588\xA3\xA3\xA3  ",
          "   \u2588\u2588\u2588\u2588\xA3\xA3\xA3  ",
          "  \u2591\u2588\u2588\u2588\u2588\xA3\xA3\xA3  ",
          "  \u2592\u2588\u2588\u2588\u2588\xA3\xA3\xA3  ",
          "  \u2593\u2588\u2588\u2588\u2588\xA3\xA3\xA3  ",
          "  \u2588\u2588\u2588\u2588\u2588\xA3\xA3\xA3  ",
          " \u2591\u2588\u2588\u2588\u2588\u2588\xA3\xA3\xA3  ",
          " \u2592\u2588\u2588\u2588\u2588\u2588\xA3\xA3\xA3  ",
          " \u2593\u2588\u2588\u2588\u2588\u2588\xA3\xA3\xA3  ",
          " \u2588\u2588\u2588\u2588\u2588\u2588\xA3\xA3\xA3  ",
          " \u2588\u2588\u2588\u2588\u2588\u2588\xA3\xA3\xA3  "
        ]
      }
    };
  }
});

// node_modules/cli-spinners/index.js
var require_cli_spinners = __commonJS({
  "node_modules/cli-spinners/index.js"(exports, module) {
    "use strict";
    var spinners = Object.assign({}, require_spinners());
    var spinnersList = Object.keys(spinners);
    Object.defineProperty(spinners, "random", {
      get() {
        const randomIndex = Math.floor(Math.random() * spinnersList.length);
        const spinnerName = spinnersList[randomIndex];
        return spinners[spinnerName];
      }
    });
    module.exports = spinners;
  }
});

// node_modules/@oclif/core/lib/ux/action/spinner.js
var require_spinner = __commonJS({
  "node_modules/@oclif/core/lib/ux/action/spinner.js"(exports) {
    "use strict";
    var __importDefault = exports && exports.__importDefault || function(mod) {
      return mod && mod.__esModule ? mod : { "default": mod };
    };
    Object.defineProperty(exports, "__esModule", { value: true });
    var ansiEscapes = require_ansi_escapes();
    var ansis_1 = __importDefault(require_ansis());
    var cli_spinners_1 = __importDefault(require_cli_spinners());
    var cache_1 = __importDefault(require_cache());
    var screen_1 = require_screen();
    var theme_1 = require_theme2();
    var base_1 = require_base();
    var SpinnerAction = class extends base_1.ActionBase {
      type = "spinner";
      color = "magenta";
      frameIndex;
      frames;
      spinner;
      constructor() {
        super();
        this.frames = this.getFrames();
        this.frameIndex = 0;
      }
      _frame() {
        const frame = this.frames[this.frameIndex];
        this.frameIndex = ++this.frameIndex % this.frames.length;
        return this.colorize(frame);
      }
      _pause(icon) {
        if (this.spinner)
          clearInterval(this.spinner);
        this._reset();
        if (icon)
          this._render(` ${icon}`);
        this.output = void 0;
      }
      _start(opts) {
        this.color = cache_1.default.getInstance().get("config")?.theme?.spinner ?? this.color;
        if (opts.style)
          this.frames = this.getFrames(opts);
        this._reset();
        if (this.spinner)
          clearInterval(this.spinner);
        this._render();
        this.spinner = setInterval((icon) => {
          this._render.bind(this)(icon);
        }, process.platform === "win32" ? 500 : 100, "spinner");
        const interval = this.spinner;
        interval.unref();
      }
      _stop(status) {
        if (this.task)
          this.task.status = status;
        if (this.spinner)
          clearInterval(this.spinner);
        this._render();
        this.output = void 0;
      }
      colorize(s) {
        return (0, theme_1.colorize)(this.color, s);
      }
      _lines(s) {
        return ansis_1.default.strip(s).split("\n").map((l) => Math.ceil(l.length / screen_1.errtermwidth)).reduce((c, i) => c + i, 0);
      }
      _render(icon) {
        if (!this.task)
          return;
        this._reset();
        this._flushStdout();
        const frame = icon === "spinner" ? ` ${this._frame()}` : icon || "";
        const status = this.task.status ? ` ${this.task.status}` : "";
        this.output = `${this.task.action}...${frame}${status}
`;
        this._write(this.std, this.output);
      }
      _reset() {
        if (!this.output)
          return;
        const lines = this._lines(this.output);
        this._write(this.std, ansiEscapes.cursorLeft + ansiEscapes.cursorUp(lines) + ansiEscapes.eraseDown);
        this.output = void 0;
      }
      getFrames(opts) {
        if (opts?.style)
          return cli_spinners_1.default[opts.style].frames;
        return cli_spinners_1.default[process.platform === "win32" ? "line" : "dots2"].frames;
      }
    };
    exports.default = SpinnerAction;
  }
});

// node_modules/@oclif/core/lib/ux/colorize-json.js
var require_colorize_json = __commonJS({
  "node_modules/@oclif/core/lib/ux/colorize-json.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.stringifyInput = stringifyInput;
    exports.tokenize = tokenize;
    exports.default = colorizeJson;
    var theme_1 = require_theme2();
    var tokenTypes = [
      { regex: /^\s+/, tokenType: "whitespace" },
      { regex: /^[{}]/, tokenType: "brace" },
      { regex: /^[[\]]/, tokenType: "bracket" },
      { regex: /^:/, tokenType: "colon" },
      { regex: /^,/, tokenType: "comma" },
      { regex: /^-?\d+(?:\.\d+)?(?:e[+-]?\d+)?/i, tokenType: "number" },
      { regex: /^"(?:\\.|[^"\\])*"(?=\s*:)/, tokenType: "key" },
      { regex: /^"(?:\\.|[^"\\])*"/, tokenType: "string" },
      { regex: /^true|^false/, tokenType: "boolean" },
      { regex: /^null/, tokenType: "null" }
    ];
    function stringify(value, replacer, spaces) {
      return JSON.stringify(value, serializer(replacer, replacer), spaces);
    }
    function serializer(replacer, cycleReplacer) {
      const stack = [];
      const keys = [];
      if (!cycleReplacer)
        cycleReplacer = function(key, value) {
          if (stack[0] === value)
            return "[Circular ~]";
          return "[Circular ~." + keys.slice(0, stack.indexOf(value)).join(".") + "]";
        };
      return function(key, value) {
        if (stack.length > 0) {
          const thisPos = stack.indexOf(this);
          ~thisPos ? stack.splice(thisPos + 1) : stack.push(this);
          ~thisPos ? keys.splice(thisPos, Infinity, key) : keys.push(key);
          if (stack.includes(value))
            value = cycleReplacer.call(this, key, value);
        } else
          stack.push(value);
        return replacer ? replacer.call(this, key, value) : value;
      };
    }
    function stringifyInput(json, options) {
      const str = options?.pretty ? stringify(typeof json === "string" ? JSON.parse(json) : json, void 0, 2) : typeof json === "string" ? json : stringify(json);
      return str;
    }
    function tokenize(json, options) {
      let input = stringifyInput(json, options);
      const tokens = [];
      let isFoundToken = false;
      do {
        for (const tokenType of tokenTypes) {
          const match = tokenType.regex.exec(input);
          if (match) {
            tokens.push({ type: tokenType.tokenType, value: match[0] });
            input = input.slice(match[0].length);
            isFoundToken = true;
            break;
          }
        }
      } while (hasRemainingTokens(input, isFoundToken));
      return tokens;
    }
    function hasRemainingTokens(input, foundToken) {
      return (input?.length ?? 0) > 0 && foundToken;
    }
    function colorizeJson(json, options) {
      const opts = { ...options, pretty: options?.pretty ?? true };
      return tokenize(json, opts).reduce((acc, token) => acc + (0, theme_1.colorize)(options?.theme?.[token.type], token.value), "");
    }
  }
});

// node_modules/@oclif/core/lib/ux/index.js
var require_ux = __commonJS({
  "node_modules/@oclif/core/lib/ux/index.js"(exports) {
    "use strict";
    var __importDefault = exports && exports.__importDefault || function(mod) {
      return mod && mod.__esModule ? mod : { "default": mod };
    };
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.ux = exports.action = exports.stdout = exports.stderr = exports.colorize = exports.colorizeJson = exports.warn = exports.exit = exports.error = void 0;
    var error_1 = require_error();
    var exit_1 = require_exit2();
    var warn_1 = require_warn();
    var simple_1 = __importDefault(require_simple());
    var spinner_1 = __importDefault(require_spinner());
    var colorize_json_1 = __importDefault(require_colorize_json());
    var theme_1 = require_theme2();
    var write_1 = require_write();
    var error_2 = require_error();
    Object.defineProperty(exports, "error", { enumerable: true, get: function() {
      return error_2.error;
    } });
    var exit_2 = require_exit2();
    Object.defineProperty(exports, "exit", { enumerable: true, get: function() {
      return exit_2.exit;
    } });
    var warn_2 = require_warn();
    Object.defineProperty(exports, "warn", { enumerable: true, get: function() {
      return warn_2.warn;
    } });
    var colorize_json_2 = require_colorize_json();
    Object.defineProperty(exports, "colorizeJson", { enumerable: true, get: function() {
      return __importDefault(colorize_json_2).default;
    } });
    var theme_2 = require_theme2();
    Object.defineProperty(exports, "colorize", { enumerable: true, get: function() {
      return theme_2.colorize;
    } });
    var write_2 = require_write();
    Object.defineProperty(exports, "stderr", { enumerable: true, get: function() {
      return write_2.stderr;
    } });
    Object.defineProperty(exports, "stdout", { enumerable: true, get: function() {
      return write_2.stdout;
    } });
    var ACTION_TYPE = Boolean(process.stderr.isTTY) && !process.env.CI && !["dumb", "emacs-color"].includes(process.env.TERM) && "spinner" || "simple";
    exports.action = ACTION_TYPE === "spinner" ? new spinner_1.default() : new simple_1.default();
    exports.ux = {
      action: exports.action,
      /**
       * Add color to text.
       * @param color color to use. Can be hex code (e.g. `#ff0000`), rgb (e.g. `rgb(255, 255, 255)`) or a standard ansi color (e.g. `red`)
       * @param text string to colorize
       * @returns colorized string
       */
      colorize: theme_1.colorize,
      /**
       * Add color to JSON.
       *
       * options
       *  pretty: set to true to pretty print the JSON (defaults to true)
       *  theme: theme to use for colorizing. See keys below for available options. All keys are optional and must be valid colors (e.g. hex code, rgb, or standard ansi color).
       *
       * Available theme keys:
       * - brace
       * - bracket
       * - colon
       * - comma
       * - key
       * - string
       * - number
       * - boolean
       * - null
       */
      colorizeJson: colorize_json_1.default,
      /**
       * Throw an error.
       *
       * If `exit` option is `false`, the error will be logged to stderr but not exit the process.
       * If `exit` is set to a number, the process will exit with that code.
       */
      error: error_1.error,
      /**
       * Exit the process with provided exit code (defaults to 0).
       */
      exit: exit_1.exit,
      /**
       * Log a formatted string to stderr.
       *
       * See node's util.format() for formatting options.
       */
      stderr: write_1.stderr,
      /**
       * Log a formatted string to stdout.
       *
       * See node's util.format() for formatting options.
       */
      stdout: write_1.stdout,
      /**
       * Prints a pretty warning message to stderr.
       */
      warn: warn_1.warn
    };
  }
});

// node_modules/@oclif/core/lib/util/ensure-arg-object.js
var require_ensure_arg_object = __commonJS({
  "node_modules/@oclif/core/lib/util/ensure-arg-object.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.ensureArgObject = ensureArgObject;
    function ensureArgObject(args) {
      return Array.isArray(args) ? (args ?? []).reduce((x, y) => ({ ...x, [y.name]: y }), {}) : args ?? {};
    }
  }
});

// node_modules/@oclif/core/lib/help/docopts.js
var require_docopts = __commonJS({
  "node_modules/@oclif/core/lib/help/docopts.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.DocOpts = void 0;
    var ensure_arg_object_1 = require_ensure_arg_object();
    var DocOpts = class _DocOpts {
      cmd;
      flagList;
      flagMap;
      constructor(cmd) {
        this.cmd = cmd;
        this.flagMap = {};
        this.flagList = Object.entries(cmd.flags || {}).filter(([_, flag]) => !flag.hidden).map(([name, flag]) => {
          this.flagMap[name] = flag;
          return flag;
        });
      }
      static formatUsageType(flag, showFlagName, showOptions) {
        if (flag.type !== "option")
          return "";
        let helpValues;
        if (flag.helpValue) {
          helpValues = typeof flag.helpValue === "string" ? [flag.helpValue] : flag.helpValue;
        } else if (flag.options) {
          helpValues = [showOptions ? flag.options.join("|") : "<option>"];
        } else if (showFlagName) {
          helpValues = [flag.name];
        } else {
          helpValues = ["<value>"];
        }
        return helpValues.map((v) => `${v}${flag.multiple ? "..." : ""}`).join(" ");
      }
      static generate(cmd) {
        return new _DocOpts(cmd).toString();
      }
      toString() {
        const opts = ["<%= command.id %>"];
        if (this.cmd.args) {
          const a = Object.values((0, ensure_arg_object_1.ensureArgObject)(this.cmd.args)).filter((arg) => !arg.hidden).map((arg) => {
            const suffix = arg.multiple || this.cmd.strict === false ? "..." : "";
            return arg.required ? `${arg.name.toUpperCase()}${suffix}` : `[${arg.name.toUpperCase()}${suffix}]`;
          }) || [];
          opts.push(...a);
        }
        try {
          opts.push(...Object.values(this.groupFlagElements()));
        } catch {
          opts.push(...this.flagList.map((flag) => {
            const name = flag.char ? `-${flag.char}` : `--${flag.name}`;
            if (flag.type === "boolean")
              return name;
            return `${name}=${_DocOpts.formatUsageType(flag, false, true)}`;
          }));
        }
        return opts.join(" ");
      }
      combineElementsToFlag(elementMap, flagName, flagNames, unionString) {
        if (!this.flagMap[flagName]) {
          return;
        }
        let isRequired = this.flagMap[flagName]?.required;
        if (typeof isRequired !== "boolean" || !isRequired) {
          isRequired = flagNames.reduce((required, toCombine) => required || this.flagMap[toCombine]?.required || false, false);
        }
        for (const toCombine of flagNames) {
          elementMap[flagName] = `${elementMap[flagName] || ""}${unionString}${elementMap[toCombine] || ""}`;
          delete elementMap[toCombine];
          delete this.flagMap[toCombine];
        }
        elementMap[flagName] = isRequired ? `(${elementMap[flagName] || ""})` : `[${elementMap[flagName] || ""}]`;
        delete this.flagMap[flagName];
      }
      generateElements(elementMap = {}, flagGroups = []) {
        const elementStrs = [];
        for (const flag of flagGroups) {
          let type = "";
          const flagName = flag.char ? `-${flag.char}` : `--${flag.name}`;
          if (flag.type === "option") {
            type = ` ${_DocOpts.formatUsageType(flag, false, true)}`;
          }
          const element = `${flagName}${type}`;
          elementMap[flag.name] = element;
          elementStrs.push(element);
        }
        return elementStrs;
      }
      groupFlagElements() {
        const elementMap = {};
        this.generateElements(elementMap, this.flagList.filter((flag) => flag.required));
        this.generateElements(elementMap, this.flagList.filter((flag) => !flag.required));
        for (const flag of this.flagList) {
          if (Array.isArray(flag.dependsOn)) {
            this.combineElementsToFlag(elementMap, flag.name, flag.dependsOn, " ");
          }
          let exclusive;
          if (Array.isArray(flag.exclusive)) {
            exclusive = new Set(flag.exclusive);
          }
          if (Array.isArray(flag.combinable)) {
            const combinableFlags = new Set(flag.combinable);
            exclusive ??= /* @__PURE__ */ new Set();
            for (const item of this.flagList) {
              if (flag !== item && !combinableFlags.has(item.name)) {
                exclusive.add(item.name);
              }
            }
          }
          if (exclusive !== void 0 && exclusive.size > 0) {
            this.combineElementsToFlag(elementMap, flag.name, [...exclusive], " | ");
          }
        }
        for (const remainingFlagName of Object.keys(this.flagMap)) {
          const remainingFlag = this.flagMap[remainingFlagName] || {};
          if (!remainingFlag.required) {
            elementMap[remainingFlag.name] = `[${elementMap[remainingFlag.name] || ""}]`;
          }
        }
        return elementMap;
      }
    };
    exports.DocOpts = DocOpts;
  }
});

// node_modules/widest-line/index.js
var require_widest_line = __commonJS({
  "node_modules/widest-line/index.js"(exports, module) {
    "use strict";
    var stringWidth = require_string_width();
    var widestLine = (input) => {
      let max = 0;
      for (const line of input.split("\n")) {
        max = Math.max(max, stringWidth(line));
      }
      return max;
    };
    module.exports = widestLine;
    module.exports.default = widestLine;
  }
});

// node_modules/ejs/lib/cjs/utils.js
var require_utils = __commonJS({
  "node_modules/ejs/lib/cjs/utils.js"(exports, module) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var utils = {};
    var regExpChars = /[|\\{}()[\]^$+*?.]/g;
    var hasOwnProperty = Object.prototype.hasOwnProperty;
    var hasOwn = function(obj, key) {
      return hasOwnProperty.apply(obj, [key]);
    };
    utils.hasOwn = hasOwn;
    utils.escapeRegExpChars = function(string) {
      if (!string) {
        return "";
      }
      return String(string).replace(regExpChars, "\\$&");
    };
    var _ENCODE_HTML_RULES = {
      "&": "&amp;",
      "<": "&lt;",
      ">": "&gt;",
      '"': "&#34;",
      "'": "&#39;"
    };
    var _MATCH_HTML = /[&<>'"]/g;
    function encode_char(c) {
      return _ENCODE_HTML_RULES[c] || c;
    }
    var escapeFuncStr = `var _ENCODE_HTML_RULES = {
      "&": "&amp;"
    , "<": "&lt;"
    , ">": "&gt;"
    , '"': "&#34;"
    , "'": "&#39;"
    }
  , _MATCH_HTML = /[&<>'"]/g;
function encode_char(c) {
  return _ENCODE_HTML_RULES[c] || c;
};
`;
    utils.escapeXML = function(markup) {
      return markup == void 0 ? "" : String(markup).replace(_MATCH_HTML, encode_char);
    };
    function escapeXMLToString() {
      return Function.prototype.toString.call(this) + ";\n" + escapeFuncStr;
    }
    try {
      if (typeof Object.defineProperty === "function") {
        Object.defineProperty(utils.escapeXML, "toString", { value: escapeXMLToString });
      } else {
        utils.escapeXML.toString = escapeXMLToString;
      }
    } catch (err) {
      console.warn("Unable to set escapeXML.toString (is the Function prototype frozen?)");
    }
    utils.shallowCopy = function(to, from) {
      from = from || {};
      if (to !== null && to !== void 0) {
        for (var p in from) {
          if (!hasOwn(from, p)) {
            continue;
          }
          if (p === "__proto__" || p === "constructor") {
            continue;
          }
          to[p] = from[p];
        }
      }
      return to;
    };
    utils.shallowCopyFromList = function(to, from, list) {
      list = list || [];
      from = from || {};
      if (to !== null && to !== void 0) {
        for (var i = 0; i < list.length; i++) {
          var p = list[i];
          if (typeof from[p] != "undefined") {
            if (!hasOwn(from, p)) {
              continue;
            }
            if (p === "__proto__" || p === "constructor") {
              continue;
            }
            to[p] = from[p];
          }
        }
      }
      return to;
    };
    utils.cache = {
      _data: {},
      set: function(key, val) {
        this._data[key] = val;
      },
      get: function(key) {
        return this._data[key];
      },
      remove: function(key) {
        delete this._data[key];
      },
      reset: function() {
        this._data = {};
      }
    };
    utils.hyphenToCamel = function(str) {
      return str.replace(/-[a-z]/g, function(match) {
        return match[1].toUpperCase();
      });
    };
    utils.createNullProtoObjWherePossible = (function() {
      if (typeof Object.create == "function") {
        return function() {
          return /* @__PURE__ */ Object.create(null);
        };
      }
      if (!({ __proto__: null } instanceof Object)) {
        return function() {
          return { __proto__: null };
        };
      }
      return function() {
        return {};
      };
    })();
    utils.hasOwnOnlyObject = function(obj) {
      var o = utils.createNullProtoObjWherePossible();
      for (var p in obj) {
        if (hasOwn(obj, p)) {
          o[p] = obj[p];
        }
      }
      return o;
    };
    module.exports = utils;
  }
});

// node_modules/ejs/lib/cjs/ejs.js
var require_ejs = __commonJS({
  "node_modules/ejs/lib/cjs/ejs.js"(exports, module) {
    "use strict";
    var __importDefault = exports && exports.__importDefault || function(mod) {
      return mod && mod.__esModule ? mod : { "default": mod };
    };
    Object.defineProperty(exports, "__esModule", { value: true });
    var fs_1 = __importDefault(__require("fs"));
    var path_1 = __importDefault(__require("path"));
    var utils_js_1 = __importDefault(require_utils());
    var DECLARATION_KEYWORD = "var";
    var ejs = {};
    var _DEFAULT_OPEN_DELIMITER = "<";
    var _DEFAULT_CLOSE_DELIMITER = ">";
    var _DEFAULT_DELIMITER = "%";
    var _DEFAULT_LOCALS_NAME = "locals";
    var _REGEX_STRING = "(<%%|%%>|<%=|<%-|<%_|<%#|<%|%>|-%>|_%>)";
    var _OPTS_PASSABLE_WITH_DATA = [
      "delimiter",
      "scope",
      "context",
      "debug",
      "compileDebug",
      "_with",
      "rmWhitespace",
      "strict",
      "filename",
      "async"
    ];
    var _OPTS_PASSABLE_WITH_DATA_EXPRESS = _OPTS_PASSABLE_WITH_DATA.concat("cache");
    var _BOM = /^\uFEFF/;
    var _JS_IDENTIFIER = /^[a-zA-Z_$][0-9a-zA-Z_$]*$/;
    ejs.cache = utils_js_1.default.cache;
    ejs.fileLoader = fs_1.default.readFileSync;
    ejs.localsName = _DEFAULT_LOCALS_NAME;
    ejs.promiseImpl = new Function("return this;")().Promise;
    ejs.resolveInclude = function(name, filename, isDir) {
      var dirname = path_1.default.dirname;
      var extname = path_1.default.extname;
      var resolve = path_1.default.resolve;
      var includePath = resolve(isDir ? filename : dirname(filename), name);
      var ext = extname(name);
      if (!ext) {
        includePath += ".ejs";
      }
      return includePath;
    };
    function resolvePaths(name, paths) {
      var filePath;
      if (paths.some(function(v) {
        filePath = ejs.resolveInclude(name, v, true);
        return fs_1.default.existsSync(filePath);
      })) {
        return filePath;
      }
    }
    function getIncludePath(path, options) {
      var includePath;
      var filePath;
      var views = options.views;
      var match = /^[A-Za-z]+:\\|^\//.exec(path);
      if (match && match.length) {
        path = path.replace(/^\/*/, "");
        if (Array.isArray(options.root)) {
          includePath = resolvePaths(path, options.root);
        } else {
          includePath = ejs.resolveInclude(path, options.root || "/", true);
        }
      } else {
        if (options.filename) {
          filePath = ejs.resolveInclude(path, options.filename);
          if (fs_1.default.existsSync(filePath)) {
            includePath = filePath;
          }
        }
        if (!includePath && Array.isArray(views)) {
          includePath = resolvePaths(path, views);
        }
        if (!includePath && typeof options.includer !== "function") {
          throw new Error('Could not find the include file "' + options.escapeFunction(path) + '"');
        }
      }
      return includePath;
    }
    function handleCache(options, template) {
      var func;
      var filename = options.filename;
      var hasTemplate = arguments.length > 1;
      if (options.cache) {
        if (!filename) {
          throw new Error("cache option requires a filename");
        }
        func = ejs.cache.get(filename);
        if (func) {
          return func;
        }
        if (!hasTemplate) {
          template = fileLoader(filename).toString().replace(_BOM, "");
        }
      } else if (!hasTemplate) {
        if (!filename) {
          throw new Error("Internal EJS error: no file name or template provided");
        }
        template = fileLoader(filename).toString().replace(_BOM, "");
      }
      func = ejs.compile(template, options);
      if (options.cache) {
        ejs.cache.set(filename, func);
      }
      return func;
    }
    function tryHandleCache(options, data, cb) {
      var result;
      if (!cb) {
        if (typeof ejs.promiseImpl == "function") {
          return new ejs.promiseImpl(function(resolve, reject) {
            try {
              result = handleCache(options)(data);
              resolve(result);
            } catch (err) {
              reject(err);
            }
          });
        } else {
          throw new Error("Please provide a callback function");
        }
      } else {
        try {
          result = handleCache(options)(data);
        } catch (err) {
          return cb(err);
        }
        cb(null, result);
      }
    }
    function fileLoader(filePath) {
      return ejs.fileLoader(filePath);
    }
    function includeFile(path, options) {
      var opts = utils_js_1.default.shallowCopy(utils_js_1.default.createNullProtoObjWherePossible(), options);
      opts.filename = getIncludePath(path, opts);
      if (typeof options.includer === "function") {
        var includerResult = options.includer(path, opts.filename);
        if (includerResult) {
          if (includerResult.filename) {
            opts.filename = includerResult.filename;
          }
          if (includerResult.template) {
            return handleCache(opts, includerResult.template);
          }
        }
      }
      return handleCache(opts);
    }
    function rethrow(err, str, flnm, lineno, esc) {
      var lines = str.split("\n");
      var start = Math.max(lineno - 3, 0);
      var end = Math.min(lines.length, lineno + 3);
      var filename = esc(flnm);
      var context = lines.slice(start, end).map(function(line, i) {
        var curr = i + start + 1;
        return (curr == lineno ? " >> " : "    ") + curr + "| " + line;
      }).join("\n");
      err.path = filename;
      err.message = (filename || "ejs") + ":" + lineno + "\n" + context + "\n\n" + err.message;
      throw err;
    }
    function stripSemi(str) {
      return str.replace(/;(\s*$)/, "$1");
    }
    ejs.compile = function compile(template, opts) {
      var templ;
      if (opts && opts.scope) {
        console.warn("`scope` option is deprecated and will be removed in future EJS");
        if (!opts.context) {
          opts.context = opts.scope;
        }
        delete opts.scope;
      }
      templ = new Template(template, opts);
      return templ.compile();
    };
    ejs.render = function(template, d, o) {
      var data = d || utils_js_1.default.createNullProtoObjWherePossible();
      var opts = o || utils_js_1.default.createNullProtoObjWherePossible();
      if (arguments.length == 2) {
        utils_js_1.default.shallowCopyFromList(opts, data, _OPTS_PASSABLE_WITH_DATA);
      }
      return handleCache(opts, template)(data);
    };
    ejs.renderFile = function() {
      var args = Array.prototype.slice.call(arguments);
      var filename = args.shift();
      var cb;
      var opts = { filename };
      var data;
      var viewOpts;
      if (typeof arguments[arguments.length - 1] == "function") {
        cb = args.pop();
      }
      if (args.length) {
        data = args.shift();
        if (args.length) {
          utils_js_1.default.shallowCopy(opts, args.pop());
        } else {
          if (utils_js_1.default.hasOwn(data, "settings") && data.settings) {
            if (data.settings.views) {
              opts.views = data.settings.views;
            }
            if (data.settings["view cache"]) {
              opts.cache = true;
            }
            viewOpts = data.settings["view options"];
            if (viewOpts) {
              utils_js_1.default.shallowCopy(opts, viewOpts);
            }
          }
          utils_js_1.default.shallowCopyFromList(opts, data, _OPTS_PASSABLE_WITH_DATA_EXPRESS);
        }
        opts.filename = filename;
      } else {
        data = utils_js_1.default.createNullProtoObjWherePossible();
      }
      return tryHandleCache(opts, data, cb);
    };
    ejs.Template = Template;
    ejs.clearCache = function() {
      ejs.cache.reset();
    };
    function Template(text, optsParam) {
      var opts = utils_js_1.default.hasOwnOnlyObject(optsParam);
      var options = utils_js_1.default.createNullProtoObjWherePossible();
      this.templateText = text;
      this.mode = null;
      this.truncate = false;
      this.currentLine = 1;
      this.source = "";
      options.escapeFunction = opts.escape || opts.escapeFunction || utils_js_1.default.escapeXML;
      options.compileDebug = opts.compileDebug !== false;
      options.debug = !!opts.debug;
      options.filename = opts.filename;
      options.openDelimiter = opts.openDelimiter || ejs.openDelimiter || _DEFAULT_OPEN_DELIMITER;
      options.closeDelimiter = opts.closeDelimiter || ejs.closeDelimiter || _DEFAULT_CLOSE_DELIMITER;
      options.delimiter = opts.delimiter || ejs.delimiter || _DEFAULT_DELIMITER;
      options.strict = opts.strict || false;
      options.context = opts.context;
      options.cache = opts.cache || false;
      options.rmWhitespace = opts.rmWhitespace;
      options.root = opts.root;
      options.includer = opts.includer;
      options.outputFunctionName = opts.outputFunctionName;
      options.localsName = opts.localsName || ejs.localsName || _DEFAULT_LOCALS_NAME;
      options.views = opts.views;
      options.async = opts.async;
      options.destructuredLocals = opts.destructuredLocals;
      options.legacyInclude = typeof opts.legacyInclude != "undefined" ? !!opts.legacyInclude : true;
      options.unsafePrototypeLocals = !!opts.unsafePrototypeLocals;
      if (options.strict) {
        options._with = false;
      } else {
        options._with = typeof opts._with != "undefined" ? opts._with : true;
      }
      this.opts = options;
      this.regex = this.createRegex();
    }
    Template.modes = {
      EVAL: "eval",
      ESCAPED: "escaped",
      RAW: "raw",
      COMMENT: "comment",
      LITERAL: "literal"
    };
    Template.prototype = {
      createRegex: function() {
        var str = _REGEX_STRING;
        var delim = utils_js_1.default.escapeRegExpChars(this.opts.delimiter);
        var open = utils_js_1.default.escapeRegExpChars(this.opts.openDelimiter);
        var close = utils_js_1.default.escapeRegExpChars(this.opts.closeDelimiter);
        str = str.replace(/%/g, delim).replace(/</g, open).replace(/>/g, close);
        return new RegExp(str);
      },
      compile: function() {
        var src;
        var fn;
        var opts = this.opts;
        var prepended = "";
        var appended = "";
        var escapeFn = opts.escapeFunction;
        var ctor;
        var sanitizedFilename = opts.filename ? JSON.stringify(opts.filename) : "undefined";
        if (!this.source) {
          this.generateSource();
          prepended += "  ".concat(DECLARATION_KEYWORD, ' __output = "";\n') + "  function __append(s) { if (s !== undefined && s !== null) __output += s }\n";
          if (opts.outputFunctionName) {
            if (!_JS_IDENTIFIER.test(opts.outputFunctionName)) {
              throw new Error("outputFunctionName is not a valid JS identifier.");
            }
            prepended += "  ".concat(DECLARATION_KEYWORD, " ") + opts.outputFunctionName + " = __append;\n";
          }
          if (opts.localsName && !_JS_IDENTIFIER.test(opts.localsName)) {
            throw new Error("localsName is not a valid JS identifier.");
          }
          if (opts.destructuredLocals && opts.destructuredLocals.length) {
            var destructuring = "  ".concat(DECLARATION_KEYWORD, " __locals = (") + opts.localsName + " || {}),\n";
            for (var i = 0; i < opts.destructuredLocals.length; i++) {
              var name_1 = opts.destructuredLocals[i];
              if (!_JS_IDENTIFIER.test(name_1)) {
                throw new Error("destructuredLocals[" + i + "] is not a valid JS identifier.");
              }
              if (i > 0) {
                destructuring += ",\n  ";
              }
              destructuring += name_1 + " = __locals." + name_1;
            }
            prepended += destructuring + ";\n";
          }
          if (opts._with !== false) {
            prepended += "  with (" + opts.localsName + " || {}) {\n";
            appended += "  }\n";
          }
          appended += "  return __output;\n";
          this.source = prepended + this.source + appended;
        }
        if (opts.compileDebug) {
          src = "".concat(DECLARATION_KEYWORD, " __line = 1") + "\n  , __lines = " + JSON.stringify(this.templateText) + "\n  , __filename = " + sanitizedFilename + ";\ntry {\n" + this.source + "} catch (e) {\n  rethrow(e, __lines, __filename, __line, escapeFn);\n}\n";
        } else {
          src = this.source;
        }
        if (opts.strict) {
          src = '"use strict";\n' + src;
        }
        if (opts.debug) {
          console.log(src);
        }
        if (opts.compileDebug && opts.filename) {
          src = src + "\n//# sourceURL=" + sanitizedFilename + "\n";
        }
        try {
          if (opts.async) {
            try {
              ctor = new Function("return (async function(){}).constructor;")();
            } catch (e) {
              if (e instanceof SyntaxError) {
                throw new Error("This environment does not support async/await");
              } else {
                throw e;
              }
            }
          } else {
            ctor = Function;
          }
          fn = new ctor(opts.localsName + ", escapeFn, include, rethrow", src);
        } catch (e) {
          if (e instanceof SyntaxError) {
            if (opts.filename) {
              e.message += " in " + opts.filename;
            }
            e.message += " while compiling ejs\n\n";
            e.message += "If the above error is not helpful, you may want to try EJS-Lint:\n";
            e.message += "https://github.com/RyanZim/EJS-Lint";
            if (!opts.async) {
              e.message += "\n";
              e.message += "Or, if you meant to create an async function, pass `async: true` as an option.";
            }
          }
          throw e;
        }
        var returnedFn = function anonymous(data) {
          var include = function(path, includeData) {
            var d = utils_js_1.default.shallowCopy(utils_js_1.default.createNullProtoObjWherePossible(), data);
            if (includeData) {
              d = utils_js_1.default.shallowCopy(d, includeData);
            }
            return includeFile(path, opts)(d);
          };
          var locals;
          if (opts.unsafePrototypeLocals) {
            locals = data || utils_js_1.default.createNullProtoObjWherePossible();
          } else {
            locals = utils_js_1.default.shallowCopy(utils_js_1.default.createNullProtoObjWherePossible(), data);
          }
          return fn.apply(opts.context, [locals, escapeFn, include, rethrow]);
        };
        if (opts.filename && typeof Object.defineProperty === "function") {
          var filename = opts.filename;
          var basename = path_1.default.basename(filename, path_1.default.extname(filename));
          try {
            Object.defineProperty(returnedFn, "name", {
              value: basename,
              writable: false,
              enumerable: false,
              configurable: true
            });
          } catch (e) {
          }
        }
        return returnedFn;
      },
      generateSource: function() {
        var opts = this.opts;
        if (opts.rmWhitespace) {
          this.templateText = this.templateText.replace(/[\r\n]+/g, "\n").replace(/^\s+|\s+$/gm, "");
        }
        var self = this;
        var d = this.opts.delimiter;
        var o = this.opts.openDelimiter;
        var c = this.opts.closeDelimiter;
        var openWhitespaceSlurpTag = utils_js_1.default.escapeRegExpChars(o + d + "_");
        var closeWhitespaceSlurpTag = utils_js_1.default.escapeRegExpChars("_" + d + c);
        var openWhitespaceSlurpReplacement = o + d + "_";
        var closeWhitespaceSlurpReplacement = "_" + d + c;
        this.templateText = this.templateText.replace(new RegExp("[ \\t]*" + openWhitespaceSlurpTag, "gm"), openWhitespaceSlurpReplacement).replace(new RegExp(closeWhitespaceSlurpTag + "[ \\t]*", "gm"), closeWhitespaceSlurpReplacement);
        var matches = this.parseTemplateText();
        if (matches && matches.length) {
          matches.forEach(function(line, index) {
            var closing;
            if (line.indexOf(o + d) === 0 && line.indexOf(o + d + d) !== 0) {
              closing = matches[index + 2];
              if (!(closing == d + c || closing == "-" + d + c || closing == "_" + d + c)) {
                throw new Error('Could not find matching close tag for "' + line + '".');
              }
            }
            self.scanLine(line);
          });
        }
      },
      parseTemplateText: function() {
        var str = this.templateText;
        var pat = this.regex;
        var result = pat.exec(str);
        var arr = [];
        var firstPos;
        while (result) {
          firstPos = result.index;
          if (firstPos !== 0) {
            arr.push(str.substring(0, firstPos));
            str = str.slice(firstPos);
          }
          arr.push(result[0]);
          str = str.slice(result[0].length);
          result = pat.exec(str);
        }
        if (str) {
          arr.push(str);
        }
        return arr;
      },
      _addOutput: function(line) {
        if (this.truncate) {
          line = line.replace(/^(?:\r\n|\r|\n)/, "");
          this.truncate = false;
        }
        if (!line) {
          return line;
        }
        line = line.replace(/\\/g, "\\\\");
        line = line.replace(/\n/g, "\\n");
        line = line.replace(/\r/g, "\\r");
        line = line.replace(/"/g, '\\"');
        this.source += '    ; __append("' + line + '")\n';
      },
      scanLine: function(line) {
        var self = this;
        var d = this.opts.delimiter;
        var o = this.opts.openDelimiter;
        var c = this.opts.closeDelimiter;
        var newLineCount = 0;
        newLineCount = line.split("\n").length - 1;
        switch (line) {
          case o + d:
          case o + d + "_":
            this.mode = Template.modes.EVAL;
            break;
          case o + d + "=":
            this.mode = Template.modes.ESCAPED;
            break;
          case o + d + "-":
            this.mode = Template.modes.RAW;
            break;
          case o + d + "#":
            this.mode = Template.modes.COMMENT;
            break;
          case o + d + d:
            this.mode = Template.modes.LITERAL;
            this.source += '    ; __append("' + line.replace(o + d + d, o + d) + '")\n';
            break;
          case d + d + c:
            this.mode = Template.modes.LITERAL;
            this.source += '    ; __append("' + line.replace(d + d + c, d + c) + '")\n';
            break;
          case d + c:
          case "-" + d + c:
          case "_" + d + c:
            if (this.mode == Template.modes.LITERAL) {
              this._addOutput(line);
            }
            this.mode = null;
            this.truncate = line.indexOf("-") === 0 || line.indexOf("_") === 0;
            break;
          default:
            if (this.mode) {
              switch (this.mode) {
                case Template.modes.EVAL:
                case Template.modes.ESCAPED:
                case Template.modes.RAW:
                  if (line.lastIndexOf("//") > line.lastIndexOf("\n")) {
                    line += "\n";
                  }
              }
              switch (this.mode) {
                // Just executing code
                case Template.modes.EVAL:
                  this.source += "    ; " + line + "\n";
                  break;
                // Exec, esc, and output
                case Template.modes.ESCAPED:
                  this.source += "    ; __append(escapeFn(" + stripSemi(line) + "))\n";
                  break;
                // Exec and output
                case Template.modes.RAW:
                  this.source += "    ; __append(" + stripSemi(line) + ")\n";
                  break;
                case Template.modes.COMMENT:
                  break;
                // Literal <%% mode, append as raw output
                case Template.modes.LITERAL:
                  this._addOutput(line);
                  break;
              }
            } else {
              this._addOutput(line);
            }
        }
        if (self.opts.compileDebug && newLineCount) {
          this.currentLine += newLineCount;
          this.source += "    ; __line = " + this.currentLine + "\n";
        }
      }
    };
    ejs.escapeXML = utils_js_1.default.escapeXML;
    ejs.__express = ejs.renderFile;
    if (typeof window != "undefined") {
      window.ejs = ejs;
    }
    module.exports = ejs;
  }
});

// node_modules/@oclif/core/lib/help/util.js
var require_util3 = __commonJS({
  "node_modules/@oclif/core/lib/help/util.js"(exports) {
    "use strict";
    var __importDefault = exports && exports.__importDefault || function(mod) {
      return mod && mod.__esModule ? mod : { "default": mod };
    };
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.template = template;
    exports.standardizeIDFromArgv = standardizeIDFromArgv;
    exports.getHelpFlagAdditions = getHelpFlagAdditions;
    exports.formatFlagDeprecationWarning = formatFlagDeprecationWarning;
    exports.formatCommandDeprecationWarning = formatCommandDeprecationWarning;
    exports.normalizeArgv = normalizeArgv;
    var ejs_1 = __importDefault(require_ejs());
    var util_1 = require_util2();
    var ids_1 = require_ids();
    function template(context) {
      function render(t) {
        return ejs_1.default.render(t, context);
      }
      return render;
    }
    var isFlag = (s) => s.startsWith("-");
    var isArgWithValue = (s) => s.includes("=");
    function collateSpacedCmdIDFromArgs(argv, config) {
      if (argv.length === 1)
        return argv;
      const findId = (argv2) => {
        const ids = (0, util_1.collectUsableIds)(config.commandIDs);
        const final = [];
        const idPresent = (id2) => ids.has(id2);
        const finalizeId = (s) => (s ? [...final, s] : final).filter(Boolean).join(":");
        const hasArgs = () => {
          const id2 = finalizeId();
          if (!id2)
            return false;
          const cmd = config.findCommand(id2);
          return Boolean(cmd && (cmd.strict === false || Object.keys(cmd.args ?? {}).length > 0));
        };
        for (const arg of argv2) {
          if (idPresent(finalizeId(arg)))
            final.push(arg);
          else if (isArgWithValue(arg) || isFlag(arg) || hasArgs())
            break;
          else
            final.push(arg);
        }
        return finalizeId();
      };
      const id = findId(argv);
      if (id) {
        const argvSlice = argv.slice(id.split(":").length);
        return [id, ...argvSlice];
      }
      return argv;
    }
    function standardizeIDFromArgv(argv, config) {
      if (argv.length === 0)
        return argv;
      if (config.topicSeparator === " ")
        argv = collateSpacedCmdIDFromArgs(argv, config);
      else if (config.topicSeparator !== ":")
        argv[0] = (0, ids_1.toStandardizedId)(argv[0], config);
      return argv;
    }
    function getHelpFlagAdditions(config) {
      const helpFlags = ["--help"];
      const additionalHelpFlags = config.pjson.oclif.additionalHelpFlags ?? [];
      return [.../* @__PURE__ */ new Set([...additionalHelpFlags, ...helpFlags])];
    }
    function formatFlagDeprecationWarning(flag, opts) {
      let message = `The "${flag}" flag has been deprecated`;
      if (opts === true)
        return `${message}.`;
      if (opts.message)
        return opts.message;
      if (opts.version) {
        message += ` and will be removed in version ${opts.version}`;
      }
      message += opts.to ? `. Use "${opts.to}" instead.` : ".";
      return message;
    }
    function formatCommandDeprecationWarning(command, opts) {
      let message = `The "${command}" command has been deprecated`;
      if (!opts)
        return `${message}.`;
      if (opts.message)
        return opts.message;
      if (opts.version) {
        message += ` and will be removed in version ${opts.version}`;
      }
      message += opts.to ? `. Use "${opts.to}" instead.` : ".";
      return message;
    }
    function normalizeArgv(config, argv = process.argv.slice(2)) {
      if (config.topicSeparator !== ":" && !argv[0]?.includes(":"))
        argv = standardizeIDFromArgv(argv, config);
      return argv;
    }
  }
});

// node_modules/@oclif/core/lib/help/formatter.js
var require_formatter = __commonJS({
  "node_modules/@oclif/core/lib/help/formatter.js"(exports) {
    "use strict";
    var __importDefault = exports && exports.__importDefault || function(mod) {
      return mod && mod.__esModule ? mod : { "default": mod };
    };
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.HelpFormatter = void 0;
    var ansis_1 = __importDefault(require_ansis());
    var indent_string_1 = __importDefault(require_indent_string());
    var string_width_1 = __importDefault(require_string_width());
    var widest_line_1 = __importDefault(require_widest_line());
    var wrap_ansi_1 = __importDefault(require_wrap_ansi());
    var screen_1 = require_screen();
    var theme_1 = require_theme2();
    var util_1 = require_util3();
    var HelpFormatter = class {
      config;
      indentSpacing = 2;
      opts;
      /**
       * Takes a string and replaces `<%= prop =>` with the value of prop, where prop is anything on
       * `config=Interfaces.Config` or `opts=Interface.HelpOptions`.
       *
       * ```javascript
       * `<%= config.bin =>` // will resolve to the bin defined in `pjson.oclif`.
       * ```
       */
      render;
      constructor(config, opts = {}) {
        this.config = config;
        this.opts = { maxWidth: screen_1.stdtermwidth, ...opts };
        this.render = (0, util_1.template)(this);
      }
      /**
       * Indent by `this.indentSpacing`. The text should be wrap based on terminal width before indented.
       *
       * In order to call indent multiple times on the same set or text, the caller must wrap based on
       * the number of times the text has been indented. For example.
       *
       * ```javascript
       * const body = `main line\n${indent(wrap('indented example line', 4))}`
       * const header = 'SECTION'
       * console.log(`${header}\n${indent(wrap(body))}`
       * ```
       * will output
       * ```
       * SECTION
       *   main line
       *     indented example line
       * ```
       *
       * If the terminal width was 24 and the `4` was not provided in the first wrap, it would like like the following.
       * ```
       * SECTION
       *   main line
       *     indented example
       *   line
       * ```
       * @param body the text to indent
       * @param spacing the final number of spaces this text will be indented
       * @returns the formatted indented text
       */
      indent(body, spacing = this.indentSpacing) {
        return (0, indent_string_1.default)(body, spacing);
      }
      renderList(input, opts) {
        if (input.length === 0) {
          return "";
        }
        const renderMultiline = () => {
          let output2 = "";
          for (let [left, right] of input) {
            if (!left && !right)
              continue;
            if (left) {
              if (opts.stripAnsi)
                left = ansis_1.default.strip(left);
              output2 += this.wrap(left.trim(), opts.indentation);
            }
            if (right) {
              if (opts.stripAnsi)
                right = ansis_1.default.strip(right);
              output2 += "\n";
              output2 += this.indent(this.wrap(right.trim(), opts.indentation + 2), 4);
            }
            output2 += "\n\n";
          }
          return output2.trim();
        };
        if (opts.multiline)
          return renderMultiline();
        const maxLength = (0, widest_line_1.default)(input.map((i) => i[0]).join("\n"));
        let output = "";
        let spacer = opts.spacer || "\n";
        let cur = "";
        for (const [left, r] of input) {
          let right = r;
          if (cur) {
            output += spacer;
            output += cur;
          }
          cur = left || "";
          if (opts.stripAnsi)
            cur = ansis_1.default.strip(cur);
          if (!right) {
            cur = cur.trim();
            continue;
          }
          if (opts.stripAnsi)
            right = ansis_1.default.strip(right);
          right = this.wrap(right.trim(), opts.indentation + maxLength + 2);
          const [first, ...lines] = right.split("\n").map((s) => s.trim());
          cur += " ".repeat(maxLength - (0, string_width_1.default)(cur) + 2);
          cur += first;
          if (lines.length === 0) {
            continue;
          }
          if (lines.length > 4)
            return renderMultiline();
          if (!opts.spacer)
            spacer = "\n";
          cur += "\n";
          cur += this.indent(lines.join("\n"), maxLength + 2);
        }
        if (cur) {
          output += spacer;
          output += cur;
        }
        return output.trim();
      }
      section(header, body) {
        let newBody;
        if (typeof body === "string") {
          newBody = this.render(body);
        } else if (Array.isArray(body)) {
          newBody = body.map((entry) => {
            if ("name" in entry) {
              const tableEntry = entry;
              return [this.render(tableEntry.name), this.render(tableEntry.description)];
            }
            const [left, right] = entry;
            return [this.render(left), right && this.render(right)];
          });
        } else if ("header" in body) {
          return this.section(body.header, body.body);
        } else {
          newBody = body.map((entry) => [entry.name, entry.description]).map(([left, right]) => [this.render(left), right && this.render(right)]);
        }
        const output = [
          (0, theme_1.colorize)(this.config?.theme?.sectionHeader, (0, theme_1.colorize)("bold", header)),
          (0, theme_1.colorize)(this.config?.theme?.sectionDescription, this.indent(Array.isArray(newBody) ? this.renderList(newBody, { indentation: 2, stripAnsi: this.opts.stripAnsi }) : newBody))
        ].join("\n");
        return this.opts.stripAnsi ? ansis_1.default.strip(output) : output;
      }
      /**
       * Wrap text according to `opts.maxWidth` which is typically set to the terminal width. All text
       * will be rendered before bring wrapped, otherwise it could mess up the lengths.
       *
       * A terminal will automatically wrap text, so this method is primarily used for indented
       * text. For indented text, specify the indentation so it is taken into account during wrapping.
       *
       * Here is an example of wrapping with indentation.
       * ```
       * <------ terminal window width ------>
       * <---------- no indentation --------->
       * This is my text that will be wrapped
       * once it passes maxWidth.
       *
       * <- indent -><------ text space ----->
       *             This is my text that will
       *             be wrapped once it passes
       *             maxWidth.
       *
       * <-- indent not taken into account ->
       *             This is my text that will
       * be wrapped
       *             once it passes maxWidth.
       * ```
       * @param body the text to wrap
       * @param spacing the indentation size to subtract from the terminal width
       * @returns the formatted wrapped text
       */
      wrap(body, spacing = this.indentSpacing) {
        return (0, wrap_ansi_1.default)(this.render(body), this.opts.maxWidth - spacing, { hard: true });
      }
    };
    exports.HelpFormatter = HelpFormatter;
  }
});

// node_modules/@oclif/core/lib/help/command.js
var require_command = __commonJS({
  "node_modules/@oclif/core/lib/help/command.js"(exports) {
    "use strict";
    var __importDefault = exports && exports.__importDefault || function(mod) {
      return mod && mod.__esModule ? mod : { "default": mod };
    };
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.CommandHelp = void 0;
    var ansis_1 = __importDefault(require_ansis());
    var ensure_arg_object_1 = require_ensure_arg_object();
    var ids_1 = require_ids();
    var util_1 = require_util();
    var theme_1 = require_theme2();
    var docopts_1 = require_docopts();
    var formatter_1 = require_formatter();
    var POSSIBLE_LINE_FEED = /\r\n|\n/;
    function determineSortOrder(flagSortOrder) {
      if (flagSortOrder === "alphabetical")
        return "alphabetical";
      if (flagSortOrder === "none")
        return "none";
      return "alphabetical";
    }
    var CommandHelp = class extends formatter_1.HelpFormatter {
      command;
      config;
      opts;
      constructor(command, config, opts) {
        super(config, opts);
        this.command = command;
        this.config = config;
        this.opts = opts;
      }
      aliases(aliases) {
        if (!aliases || aliases.length === 0)
          return;
        const body = aliases.map((a) => [
          (0, theme_1.colorize)(this.config?.theme?.dollarSign, "$"),
          (0, theme_1.colorize)(this.config?.theme?.bin, this.config.bin),
          (0, theme_1.colorize)(this.config?.theme?.alias, a)
        ].join(" ")).join("\n");
        return body;
      }
      arg(arg) {
        const name = arg.name.toUpperCase();
        if (arg.required)
          return name;
        return `[${name}]`;
      }
      args(args) {
        if (args.filter((a) => a.description).length === 0)
          return;
        return args.map((a) => {
          const suffix = a.multiple || this.command.strict === false ? "..." : "";
          let name = `${a.name.toUpperCase()}${suffix}`;
          name = a.required ? name : `[${name}]`;
          let description = a.description || "";
          if (a.default)
            description = `${(0, theme_1.colorize)(this.config?.theme?.flagDefaultValue, `[default: ${a.default}]`)} ${description}`;
          if (a.options)
            description = `${(0, theme_1.colorize)(this.config?.theme?.flagOptions, `(${a.options.join("|")})`)} ${description}`;
          return [
            (0, theme_1.colorize)(this.config?.theme?.flag, name),
            description ? (0, theme_1.colorize)(this.config?.theme?.sectionDescription, description) : void 0
          ];
        });
      }
      defaultUsage() {
        if (this.opts.docopts === void 0 || this.opts.docopts) {
          return docopts_1.DocOpts.generate(this.command);
        }
        return (0, util_1.compact)([
          this.command.id,
          Object.values(this.command.args ?? {})?.filter((a) => !a.hidden).map((a) => this.arg(a)).join(" ")
        ]).join(" ");
      }
      description() {
        const cmd = this.command;
        let description;
        if (this.opts.hideCommandSummaryInDescription) {
          description = [(cmd.description || "").split(POSSIBLE_LINE_FEED).at(-1) ?? ""];
        } else if (cmd.description) {
          const summary = cmd.summary ? `${cmd.summary}
` : null;
          description = summary ? [...summary.split(POSSIBLE_LINE_FEED), ...(cmd.description || "").split(POSSIBLE_LINE_FEED)] : (cmd.description || "").split(POSSIBLE_LINE_FEED);
        }
        if (description) {
          return this.wrap(description.join("\n"));
        }
      }
      examples(examples) {
        if (!examples || examples.length === 0)
          return;
        const body = (0, util_1.castArray)(examples).map((a) => {
          let description;
          let commands;
          if (typeof a === "string") {
            const lines = a.split(POSSIBLE_LINE_FEED).filter(Boolean);
            if (lines.length >= 2 && !this.isCommand(lines[0]) && lines.slice(1).every((i) => this.isCommand(i))) {
              description = lines[0];
              commands = lines.slice(1);
            } else {
              return lines.map((line) => this.formatIfCommand(line)).join("\n");
            }
          } else {
            description = a.description;
            commands = [a.command];
          }
          const multilineSeparator = this.config.platform === "win32" ? this.config.shell.includes("powershell") ? "`" : "^" : "\\";
          const finalIndentedSpacing = this.indentSpacing * 2;
          const multilineCommands = commands.map((c) => (
            // First indent keeping room for escaped newlines
            this.indent(this.wrap(this.formatIfCommand(c), finalIndentedSpacing + 4)).split(POSSIBLE_LINE_FEED).join(` ${multilineSeparator}
  `)
          )).join("\n");
          return `${this.wrap(description, finalIndentedSpacing)}

${multilineCommands}`;
        }).join("\n\n");
        return body;
      }
      flagHelpLabel(flag, showOptions = false) {
        let label = flag.helpLabel;
        if (!label) {
          const labels = [flag.char ? `-${flag.char[0]}` : "  "];
          if (flag.name) {
            if (flag.type === "boolean" && flag.allowNo) {
              labels.push(`--[no-]${flag.name.trim()}`);
            } else {
              labels.push(`--${flag.name.trim()}`);
            }
          }
          label = labels.join(flag.char ? (0, theme_1.colorize)(this.config?.theme?.flagSeparator, ", ") : "  ");
        }
        if (flag.type === "option") {
          let value = docopts_1.DocOpts.formatUsageType(flag, this.opts.showFlagNameInTitle ?? false, this.opts.showFlagOptionsInTitle ?? showOptions);
          if (!value.includes("|"))
            value = (0, theme_1.colorize)("underline", value);
          label += `=${value}`;
        }
        return (0, theme_1.colorize)(this.config.theme?.flag, label);
      }
      flags(flags) {
        if (flags.length === 0)
          return;
        const isNoChar = flags.reduce((previous, current) => previous && current.char === void 0, true);
        return flags.map((flag) => {
          let left = this.flagHelpLabel(flag);
          if (isNoChar)
            left = left.replace(" ".repeat(4), "");
          let right = flag.summary || flag.description || "";
          const metadata = [];
          const canBeCached = !(this.opts.respectNoCacheDefault === true && flag.noCacheDefault === true);
          if (flag.type === "option") {
            if (flag.default && canBeCached) {
              metadata.push(`default: ${flag.default}`);
            }
            if (flag.env) {
              metadata.push(`env: ${flag.env}`);
            }
          } else if (flag.type === "boolean" && flag.env) {
            metadata.push(`env: ${flag.env}`);
          }
          if (metadata.length > 0) {
            right = `${(0, theme_1.colorize)(this.config?.theme?.flagDefaultValue, `[${metadata.join(", ")}]`)} ${right}`;
          }
          if (flag.required)
            right = `${(0, theme_1.colorize)(this.config?.theme?.flagRequired, "(required)")} ${right}`;
          if (flag.type === "option" && flag.options && !flag.helpValue && !this.opts.showFlagOptionsInTitle) {
            right += (0, theme_1.colorize)(this.config?.theme?.flagOptions, `
<options: ${flag.options.join("|")}>`);
          }
          return [left, (0, theme_1.colorize)(this.config?.theme?.sectionDescription, right.trim())];
        });
      }
      flagsDescriptions(flags) {
        const flagsWithExtendedDescriptions = flags.filter((flag) => flag.summary && flag.description);
        if (flagsWithExtendedDescriptions.length === 0)
          return;
        const body = flagsWithExtendedDescriptions.map((flag) => {
          const summary = flag.summary || "";
          let flagHelp = this.flagHelpLabel(flag, true);
          if (!flag.char)
            flagHelp = flagHelp.replace(" ".repeat(4), "");
          flagHelp += flagHelp.length + summary.length + 2 < this.opts.maxWidth ? "  " + summary : "\n\n" + this.indent(this.wrap(summary, this.indentSpacing * 2));
          return `${flagHelp}

${this.indent(this.wrap(flag.description || "", this.indentSpacing * 2))}`;
        }).join("\n\n");
        return body;
      }
      generate() {
        const cmd = this.command;
        const unsortedFlags = Object.entries(cmd.flags || {}).filter(([, v]) => !v.hidden).map(([k, v]) => {
          v.name = k;
          return v;
        });
        const flags = determineSortOrder(this.opts.flagSortOrder) === "alphabetical" ? (0, util_1.sortBy)(unsortedFlags, (f) => [!f.char, f.char, f.name]) : unsortedFlags;
        const args = Object.values((0, ensure_arg_object_1.ensureArgObject)(cmd.args)).filter((a) => !a.hidden);
        const output = (0, util_1.compact)(this.sections().map(({ generate, header }) => {
          const body = generate({ args, cmd, flags }, header);
          if (Array.isArray(body)) {
            return body.map((helpSection) => helpSection?.body && this.section(helpSection.header, helpSection.body)).join("\n\n");
          }
          return body && this.section(header, body);
        })).join("\n\n");
        return output;
      }
      groupFlags(flags) {
        const mainFlags = [];
        const flagGroups = {};
        for (const flag of flags) {
          const group = flag.helpGroup;
          if (group) {
            if (!flagGroups[group])
              flagGroups[group] = [];
            flagGroups[group].push(flag);
          } else {
            mainFlags.push(flag);
          }
        }
        return { flagGroups, mainFlags };
      }
      sections() {
        const sections = [
          {
            generate: () => this.usage(),
            header: this.opts.usageHeader || "USAGE"
          },
          {
            generate: ({ args }, header) => [{ body: this.args(args), header }],
            header: "ARGUMENTS"
          },
          {
            generate: ({ flags }, header) => {
              const { flagGroups, mainFlags } = this.groupFlags(flags);
              const flagSections = [];
              const mainFlagBody = this.flags(mainFlags);
              if (mainFlagBody)
                flagSections.push({ body: mainFlagBody, header });
              for (const [name, flags2] of Object.entries(flagGroups)) {
                const body = this.flags(flags2);
                if (body)
                  flagSections.push({ body, header: `${name.toUpperCase()} ${header}` });
              }
              return (0, util_1.compact)(flagSections);
            },
            header: "FLAGS"
          },
          {
            generate: () => this.description(),
            header: "DESCRIPTION"
          },
          {
            generate: ({ cmd }) => this.aliases(cmd.aliases),
            header: "ALIASES"
          },
          {
            generate: ({ cmd }) => {
              const examples = cmd.examples || cmd.example;
              return this.examples(examples);
            },
            header: "EXAMPLES"
          },
          {
            generate: ({ flags }) => this.flagsDescriptions(flags),
            header: "FLAG DESCRIPTIONS"
          }
        ];
        const allowedSections = this.opts.sections?.map((s) => s.toLowerCase());
        return sections.filter(({ header }) => !allowedSections || allowedSections.includes(header.toLowerCase()));
      }
      usage() {
        const { id, usage } = this.command;
        const standardId = (0, ids_1.toStandardizedId)(id, this.config);
        const configuredId = (0, ids_1.toConfiguredId)(id, this.config);
        const body = (usage ? (0, util_1.castArray)(usage) : [this.defaultUsage()]).map((u) => {
          const allowedSpacing = this.opts.maxWidth - this.indentSpacing;
          const dollarSign = (0, theme_1.colorize)(this.config?.theme?.dollarSign, "$");
          const bin = (0, theme_1.colorize)(this.config?.theme?.bin, this.config.bin);
          const command = (0, theme_1.colorize)(this.config?.theme?.command, "<%= command.id %>");
          const commandDescription = (0, theme_1.colorize)(this.config?.theme?.sectionDescription, u.replace("<%= command.id %>", "").replace(new RegExp(`^${standardId}`), "").replace(new RegExp(`^${configuredId}`), "").trim());
          const line = `${dollarSign} ${bin} ${command} ${commandDescription}`.trim();
          if (line.length > allowedSpacing) {
            const splitIndex = line.slice(0, Math.max(0, allowedSpacing)).lastIndexOf(" ");
            return line.slice(0, Math.max(0, splitIndex)) + "\n" + this.indent(this.wrap(line.slice(Math.max(0, splitIndex)), this.indentSpacing * 2));
          }
          return this.wrap(line);
        }).join("\n");
        return body;
      }
      formatIfCommand(example) {
        example = this.render(example);
        const dollarSign = (0, theme_1.colorize)(this.config?.theme?.dollarSign, "$");
        if (example.startsWith(this.config.bin))
          return `${dollarSign} ${example}`;
        if (example.startsWith(`$ ${this.config.bin}`))
          return `${dollarSign}${example.replace(`$`, "")}`;
        return example;
      }
      isCommand(example) {
        return ansis_1.default.strip(this.formatIfCommand(example)).startsWith(`${(0, theme_1.colorize)(this.config?.theme?.dollarSign, "$")} ${this.config.bin}`);
      }
    };
    exports.CommandHelp = CommandHelp;
    exports.default = CommandHelp;
  }
});

// node_modules/@oclif/core/lib/help/root.js
var require_root = __commonJS({
  "node_modules/@oclif/core/lib/help/root.js"(exports) {
    "use strict";
    var __importDefault = exports && exports.__importDefault || function(mod) {
      return mod && mod.__esModule ? mod : { "default": mod };
    };
    Object.defineProperty(exports, "__esModule", { value: true });
    var ansis_1 = __importDefault(require_ansis());
    var util_1 = require_util();
    var theme_1 = require_theme2();
    var formatter_1 = require_formatter();
    var RootHelp = class extends formatter_1.HelpFormatter {
      config;
      opts;
      constructor(config, opts) {
        super(config, opts);
        this.config = config;
        this.opts = opts;
      }
      description() {
        let description = this.config.pjson.oclif.description || this.config.pjson.description || "";
        description = this.render(description);
        description = description.split("\n").slice(1).join("\n");
        if (!description)
          return;
        return this.section("DESCRIPTION", this.wrap((0, theme_1.colorize)(this.config?.theme?.sectionDescription, description)));
      }
      root() {
        let description = this.config.pjson.oclif.description || this.config.pjson.description || "";
        description = this.render(description);
        description = description.split("\n", 1)[0];
        let output = (0, util_1.compact)([
          (0, theme_1.colorize)(this.config?.theme?.commandSummary, description),
          this.version(),
          this.usage(),
          this.description()
        ]).join("\n\n");
        if (this.opts.stripAnsi)
          output = ansis_1.default.strip(output);
        return output;
      }
      usage() {
        return this.section(this.opts.usageHeader || "USAGE", this.wrap(`${(0, theme_1.colorize)(this.config?.theme?.dollarSign, "$")} ${(0, theme_1.colorize)(this.config?.theme?.bin, this.config.bin)} ${(0, theme_1.colorize)(this.config?.theme?.sectionDescription, "[COMMAND]")}`));
      }
      version() {
        return this.section("VERSION", this.wrap((0, theme_1.colorize)(this.config?.theme?.version, this.config.userAgent)));
      }
    };
    exports.default = RootHelp;
  }
});

// node_modules/@oclif/core/lib/help/index.js
var require_help = __commonJS({
  "node_modules/@oclif/core/lib/help/index.js"(exports) {
    "use strict";
    var __importDefault = exports && exports.__importDefault || function(mod) {
      return mod && mod.__esModule ? mod : { "default": mod };
    };
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Help = exports.HelpBase = exports.standardizeIDFromArgv = exports.normalizeArgv = exports.getHelpFlagAdditions = exports.HelpFormatter = exports.CommandHelp = void 0;
    exports.loadHelpClass = loadHelpClass;
    var ansis_1 = __importDefault(require_ansis());
    var node_path_1 = __require("node:path");
    var ts_path_1 = require_ts_path();
    var error_1 = require_error();
    var module_loader_1 = require_module_loader();
    var symbols_1 = require_symbols();
    var cache_default_value_1 = require_cache_default_value();
    var ids_1 = require_ids();
    var util_1 = require_util();
    var ux_1 = require_ux();
    var theme_1 = require_theme2();
    var command_1 = require_command();
    var formatter_1 = require_formatter();
    var root_1 = __importDefault(require_root());
    var util_2 = require_util3();
    var command_2 = require_command();
    Object.defineProperty(exports, "CommandHelp", { enumerable: true, get: function() {
      return command_2.CommandHelp;
    } });
    var formatter_2 = require_formatter();
    Object.defineProperty(exports, "HelpFormatter", { enumerable: true, get: function() {
      return formatter_2.HelpFormatter;
    } });
    var util_3 = require_util3();
    Object.defineProperty(exports, "getHelpFlagAdditions", { enumerable: true, get: function() {
      return util_3.getHelpFlagAdditions;
    } });
    Object.defineProperty(exports, "normalizeArgv", { enumerable: true, get: function() {
      return util_3.normalizeArgv;
    } });
    Object.defineProperty(exports, "standardizeIDFromArgv", { enumerable: true, get: function() {
      return util_3.standardizeIDFromArgv;
    } });
    function getHelpSubject(args, config) {
      const mergedHelpFlags = (0, util_2.getHelpFlagAdditions)(config);
      for (const arg of args) {
        if (arg === "--")
          return;
        if (mergedHelpFlags.includes(arg) || arg === "help")
          continue;
        if (arg.startsWith("-"))
          return;
        return arg;
      }
    }
    var HelpBase = class extends formatter_1.HelpFormatter {
      constructor(config, opts = {}) {
        super(config, opts);
        if (!config.topicSeparator)
          config.topicSeparator = ":";
      }
    };
    exports.HelpBase = HelpBase;
    var Help = class extends HelpBase {
      CommandHelpClass = command_1.CommandHelp;
      constructor(config, opts = {}) {
        super(config, opts);
      }
      /*
       * _topics is to work around Interfaces.topics mistakenly including commands that do
       * not have children, as well as topics. A topic has children, either commands or other topics. When
       * this is fixed upstream config.topics should return *only* topics with children,
       * and this can be removed.
       */
      get _topics() {
        return this.config.topics.filter((topic) => {
          const hasChild = this.config.topics.some((subTopic) => subTopic.name.includes(`${topic.name}:`));
          return hasChild;
        });
      }
      get sortedCommands() {
        let { commands } = this.config;
        commands = commands.filter((c) => this.opts.all || !c.hidden);
        commands = (0, util_1.sortBy)(commands, (c) => c.id);
        commands = (0, util_1.uniqBy)(commands, (c) => c.id);
        return commands;
      }
      get sortedTopics() {
        let topics = this._topics;
        topics = topics.filter((t) => this.opts.all || !t.hidden);
        topics = (0, util_1.sortBy)(topics, (t) => t.name);
        topics = (0, util_1.uniqBy)(topics, (t) => t.name);
        return topics;
      }
      command(command) {
        return this.formatCommand(command);
      }
      description(c) {
        const description = this.render(c.description || "");
        if (c.summary) {
          return description;
        }
        return description.split("\n").slice(1).join("\n");
      }
      formatCommand(command) {
        if (this.config.topicSeparator !== ":") {
          command.id = command.id.replaceAll(":", this.config.topicSeparator);
          command.aliases = command.aliases && command.aliases.map((a) => a.replaceAll(":", this.config.topicSeparator));
        }
        const help = this.getCommandHelpClass(command);
        return help.generate();
      }
      formatCommands(commands) {
        if (commands.length === 0)
          return "";
        const body = this.renderList(commands.filter((c) => this.opts.hideAliasesFromRoot ? !c.aliases?.includes(c.id) : true).map((c) => {
          if (this.config.topicSeparator !== ":")
            c.id = c.id.replaceAll(":", this.config.topicSeparator);
          const summary = this.summary(c);
          return [
            (0, theme_1.colorize)(this.config?.theme?.command, c.id),
            summary && (0, theme_1.colorize)(this.config?.theme?.sectionDescription, ansis_1.default.strip(summary))
          ];
        }), {
          indentation: 2,
          spacer: "\n",
          stripAnsi: this.opts.stripAnsi
        });
        return this.section("COMMANDS", body);
      }
      formatRoot() {
        const help = new root_1.default(this.config, this.opts);
        return help.root();
      }
      formatTopic(topic) {
        let description = this.render(topic.description || "");
        const summary = description.split("\n", 1)[0];
        description = description.split("\n").slice(1).join("\n");
        let topicID = `${topic.name}:COMMAND`;
        if (this.config.topicSeparator !== ":")
          topicID = topicID.replaceAll(":", this.config.topicSeparator);
        let output = (0, util_1.compact)([
          (0, theme_1.colorize)(this.config?.theme?.commandSummary, summary),
          this.section(this.opts.usageHeader || "USAGE", `${(0, theme_1.colorize)(this.config?.theme?.dollarSign, "$")} ${(0, theme_1.colorize)(this.config?.theme?.bin, this.config.bin)} ${topicID}`),
          description && this.section("DESCRIPTION", this.wrap((0, theme_1.colorize)(this.config?.theme?.sectionDescription, description)))
        ]).join("\n\n");
        if (this.opts.stripAnsi)
          output = ansis_1.default.strip(output);
        return output + "\n";
      }
      formatTopics(topics) {
        if (topics.length === 0)
          return "";
        const body = this.renderList(topics.map((c) => {
          if (this.config.topicSeparator !== ":")
            c.name = c.name.replaceAll(":", this.config.topicSeparator);
          return [
            (0, theme_1.colorize)(this.config?.theme?.topic, c.name),
            c.description && this.render((0, theme_1.colorize)(this.config?.theme?.sectionDescription, c.description.split("\n", 1)[0]))
          ];
        }), {
          indentation: 2,
          spacer: "\n",
          stripAnsi: this.opts.stripAnsi
        });
        return this.section("TOPICS", body);
      }
      getCommandHelpClass(command) {
        return new this.CommandHelpClass(command, this.config, this.opts);
      }
      log(...args) {
        this.opts.sendToStderr ? ux_1.ux.stderr(args) : ux_1.ux.stdout(args);
      }
      async showCommandHelp(command) {
        const name = command.id;
        const depth = name.split(":").length;
        const subTopics = this.sortedTopics.filter((t) => t.name.startsWith(name + ":") && t.name.split(":").length === depth + 1);
        const subCommands = this.sortedCommands.filter((c) => c.id.startsWith(name + ":") && c.id.split(":").length === depth + 1);
        const plugin = this.config.plugins.get(command.pluginName);
        const state = this.config.pjson?.oclif?.state || plugin?.pjson?.oclif?.state || command.state;
        if (state) {
          this.log(state === "deprecated" ? `${(0, util_2.formatCommandDeprecationWarning)((0, ids_1.toConfiguredId)(name, this.config), command.deprecationOptions)}
` : `This command is in ${state}.
`);
        }
        if (command.deprecateAliases && [...command.aliases ?? [], ...command.hiddenAliases ?? []].includes(name)) {
          const actualCmd = this.config.commands.find((c) => [...c.aliases ?? [], ...c.hiddenAliases ?? []].includes(name));
          const actualCmdName = actualCmd ? (0, ids_1.toConfiguredId)(actualCmd.id, this.config) : "";
          const opts = { ...command.deprecationOptions, ...actualCmd && { to: actualCmdName } };
          this.log(`${(0, util_2.formatCommandDeprecationWarning)((0, ids_1.toConfiguredId)(name, this.config), opts)}
`);
        }
        const summary = this.summary(command);
        if (summary) {
          this.log(summary + "\n");
        }
        this.log(this.formatCommand(command));
        this.log("");
        if (subTopics.length > 0) {
          this.log(this.formatTopics(subTopics));
          this.log("");
        }
        if (subCommands.length > 0) {
          const aliases = [];
          const uniqueSubCommands = subCommands.filter((p) => {
            aliases.push(...p.aliases);
            return !aliases.includes(p.id);
          });
          this.log(this.formatCommands(uniqueSubCommands));
          this.log("");
        }
      }
      async showHelp(argv) {
        const originalArgv = argv.slice(1);
        argv = argv.filter((arg) => !(0, util_2.getHelpFlagAdditions)(this.config).includes(arg));
        if (this.config.topicSeparator !== ":")
          argv = (0, util_2.standardizeIDFromArgv)(argv, this.config);
        const subject = getHelpSubject(argv, this.config);
        if (!subject) {
          if (this.config.isSingleCommandCLI) {
            const rootCmd = this.config.findCommand(symbols_1.SINGLE_COMMAND_CLI_SYMBOL);
            if (rootCmd) {
              rootCmd.id = "";
              await this.showCommandHelp(rootCmd);
              return;
            }
          }
          await this.showRootHelp();
          return;
        }
        const command = this.config.findCommand(subject);
        if (command) {
          if (command.id === symbols_1.SINGLE_COMMAND_CLI_SYMBOL) {
            command.id = "";
          }
          if (command.hasDynamicHelp && command.pluginType !== "jit") {
            const loaded = await command.load();
            for (const [name, flag] of Object.entries(loaded.flags ?? {})) {
              if (flag.type === "boolean")
                continue;
              command.flags[name].default = await (0, cache_default_value_1.cacheDefaultValue)(flag, false);
            }
            await this.showCommandHelp(command);
          } else {
            await this.showCommandHelp(command);
          }
          return;
        }
        const topic = this.config.findTopic(subject);
        if (topic) {
          await this.showTopicHelp(topic);
          return;
        }
        if (this.config.flexibleTaxonomy) {
          const matches = this.config.findMatches(subject, originalArgv);
          if (matches.length > 0) {
            const result = await this.config.runHook("command_incomplete", {
              argv: originalArgv.filter((o) => !subject.split(":").includes(o)),
              id: subject,
              matches
            });
            if (result.successes.length > 0)
              return;
          }
        }
        (0, error_1.error)(`Command ${subject} not found.`);
      }
      async showRootHelp() {
        let rootTopics = this.sortedTopics;
        let rootCommands = this.sortedCommands;
        const state = this.config.pjson?.oclif?.state;
        if (state) {
          this.log(state === "deprecated" ? `${this.config.bin} is deprecated` : `${this.config.bin} is in ${state}.
`);
        }
        this.log(this.formatRoot());
        this.log("");
        if (!this.opts.all) {
          rootTopics = rootTopics.filter((t) => !t.name.includes(":"));
          rootCommands = rootCommands.filter((c) => !c.id.includes(":"));
        }
        if (rootTopics.length > 0) {
          this.log(this.formatTopics(rootTopics));
          this.log("");
        }
        if (rootCommands.length > 0) {
          rootCommands = rootCommands.filter((c) => c.id);
          this.log(this.formatCommands(rootCommands));
          this.log("");
        }
      }
      async showTopicHelp(topic) {
        const { name } = topic;
        const depth = name.split(":").length;
        const subTopics = this.sortedTopics.filter((t) => t.name.startsWith(name + ":") && t.name.split(":").length === depth + 1);
        const commands = this.sortedCommands.filter((c) => c.id.startsWith(name + ":") && c.id.split(":").length === depth + 1);
        const state = this.config.pjson?.oclif?.state;
        if (state)
          this.log(`This topic is in ${state}.
`);
        this.log(this.formatTopic(topic));
        if (subTopics.length > 0) {
          this.log(this.formatTopics(subTopics));
          this.log("");
        }
        if (commands.length > 0) {
          this.log(this.formatCommands(commands));
          this.log("");
        }
      }
      summary(c) {
        if (this.opts.sections && !this.opts.sections.map((s) => s.toLowerCase()).includes("summary"))
          return;
        if (c.summary)
          return (0, theme_1.colorize)(this.config?.theme?.commandSummary, this.render(c.summary.split("\n", 1)[0]));
        return c.description && (0, theme_1.colorize)(this.config?.theme?.commandSummary, this.render(c.description).split("\n", 1)[0]);
      }
    };
    exports.Help = Help;
    function extractClass(exported) {
      return exported?.default ? exported.default : exported;
    }
    function determineLocation(helpClass) {
      if (typeof helpClass === "string")
        return { identifier: "default", target: helpClass };
      if (!helpClass.identifier)
        return { ...helpClass, identifier: "default" };
      return helpClass;
    }
    async function loadHelpClass(config) {
      if (config.pjson.oclif?.helpClass) {
        const { identifier, target } = determineLocation(config.pjson.oclif?.helpClass);
        const loadClass = async (path) => {
          const module2 = await (0, module_loader_1.load)(config, path);
          const helpClass = module2[identifier] ?? (identifier === "default" ? extractClass(module2) : void 0);
          return extractClass(helpClass);
        };
        const compiledPath = (0, node_path_1.isAbsolute)(target) ? target : (0, node_path_1.join)(config.root, target);
        try {
          const path = await (0, ts_path_1.tsPath)(config.root, target) ?? target;
          try {
            return await loadClass(path);
          } catch (error) {
            if (path === compiledPath)
              throw error;
            return await loadClass(compiledPath);
          }
        } catch (error) {
          throw new Error(`Unable to load configured help class "${target}", failed with message:
${error.message}`);
        }
      }
      return Help;
    }
  }
});

// node_modules/@oclif/core/lib/errors/handle.js
var require_handle = __commonJS({
  "node_modules/@oclif/core/lib/errors/handle.js"(exports) {
    var __importDefault = exports && exports.__importDefault || function(mod) {
      return mod && mod.__esModule ? mod : { "default": mod };
    };
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Exit = void 0;
    exports.handle = handle;
    var clean_stack_1 = __importDefault(require_clean_stack());
    var cache_1 = __importDefault(require_cache());
    var index_1 = require_help();
    var logger_1 = require_logger();
    var cli_1 = require_cli();
    var exit_1 = require_exit();
    var pretty_print_1 = __importDefault(require_pretty_print());
    exports.Exit = {
      exit(code = 0) {
        process.exit(code);
      }
    };
    async function handle(err) {
      try {
        if (!err)
          err = new cli_1.CLIError("no error?");
        if (err.message === "SIGINT")
          exports.Exit.exit(1);
        const shouldPrint = !(err instanceof exit_1.ExitError) && !err.skipOclifErrorHandling;
        const pretty = (0, pretty_print_1.default)(err);
        const stack = (0, clean_stack_1.default)(err.stack || "", { pretty: true });
        if (shouldPrint) {
          console.error(pretty ?? stack);
          const config = cache_1.default.getInstance().get("config");
          if (err.showHelp && err.parse?.input?.argv && config) {
            const options = {
              ...config.pjson.oclif.helpOptions ?? config.pjson.helpOptions,
              sections: ["flags", "usage", "arguments"],
              sendToStderr: true
            };
            const help = new index_1.Help(config, options);
            console.error();
            await help.showHelp(process.argv.slice(2));
          }
        }
        const exitCode = err.oclif?.exit ?? 1;
        if (err.code !== "EEXIT" && stack) {
          (0, logger_1.getLogger)().error(stack);
        }
        exports.Exit.exit(exitCode);
      } catch (error) {
        console.error(err.stack);
        console.error(error.stack);
        exports.Exit.exit(1);
      }
    }
  }
});

export {
  require_util,
  require_fs,
  require_cache,
  require_ejs,
  require_logger,
  require_settings,
  require_screen,
  require_theme2 as require_theme,
  require_cli,
  require_error,
  require_exit,
  require_module_load,
  require_exit2,
  require_warn,
  require_util2,
  require_ts_path,
  require_module_loader,
  require_symbols,
  require_cache_default_value,
  require_ids,
  require_ux,
  require_ensure_arg_object,
  require_util3,
  require_help,
  require_handle
};
