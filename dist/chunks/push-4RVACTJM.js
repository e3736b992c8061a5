import { createRequire as __cpCreateRequire } from 'node:module';
const require = __cpCreateRequire(import.meta.url);
import {
  failLikeOclif
} from "./chunk-FFK3GXEN.js";
import "./chunk-4GX2ETPX.js";
import {
  PUSH_ARG_SPECS,
  PUSH_FLAG_SPECS,
  runPush
} from "./chunk-5UDZEFJY.js";
import "./chunk-6MXR7F6Y.js";
import "./chunk-EMWTN7W3.js";
import "./chunk-HMZXP7SY.js";
import "./chunk-CRBGOO2F.js";
import "./chunk-R6VQUKQF.js";
import "./chunk-43WCQIHM.js";
import "./chunk-P65RQTMN.js";
import "./chunk-MFDBYX32.js";

// src/cli/flag-spec.ts
var NEGATIVE_NUMBER = /^-\d/;
var INTEGER = /^-?\d+$/;
function parsePlain(argv, spec) {
  const given = /* @__PURE__ */ new Map();
  const positional = [];
  const longs = new Map(Object.entries(spec.flags));
  const chars = new Map(
    Object.entries(spec.flags).flatMap(([name, flag]) => flag.char ? [[flag.char, name]] : [])
  );
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i];
    if (!token.startsWith("-") || token === "-" || NEGATIVE_NUMBER.test(token) && !chars.has(token[1])) {
      positional.push(token);
      continue;
    }
    let name;
    let value;
    if (token.startsWith("--")) {
      const equals = token.indexOf("=");
      name = token.slice(2, equals === -1 ? void 0 : equals);
      if (equals !== -1) value = token.slice(equals + 1);
    } else {
      name = chars.get(token[1]);
      if (token.length > 2) value = token.slice(token[2] === "=" ? 3 : 2);
    }
    const flag = name === void 0 ? void 0 : longs.get(name);
    if (name === void 0 || flag === void 0) return void 0;
    if (flag.kind === "boolean") {
      if (value !== void 0) return void 0;
      given.set(name, [...given.get(name) ?? [], "true"]);
      continue;
    }
    if (value === void 0) {
      value = argv[++i];
      if (value === void 0) return void 0;
    }
    if (value.startsWith("-")) return void 0;
    const values = given.get(name) ?? [];
    if (values.length > 0 && !(flag.kind === "string" && flag.multiple)) return void 0;
    given.set(name, [...values, value]);
  }
  const args = {};
  const argNames = Object.keys(spec.args);
  if (positional.length > argNames.length) return void 0;
  for (const [index, name] of argNames.entries()) {
    const value = positional[index];
    if (value === void 0) return void 0;
    args[name] = value;
  }
  const flags = {};
  for (const [name, flag] of longs) {
    const values = given.get(name);
    if (flag.kind === "boolean") {
      if (values) flags[name] = true;
      continue;
    }
    if (values) {
      const parsed = values.map((value) => parseValue(flag, value));
      if (parsed.some((value) => value === void 0)) return void 0;
      flags[name] = flag.kind === "string" && flag.multiple ? parsed : parsed[0];
      continue;
    }
    const fromEnv = flag.env ? process.env[flag.env] : void 0;
    if (fromEnv) {
      if (flag.kind === "string" && flag.multiple) return void 0;
      const parsed = parseValue(flag, fromEnv);
      if (parsed === void 0) return void 0;
      flags[name] = parsed;
      continue;
    }
    if (flag.required) return void 0;
    if (flag.default !== void 0) flags[name] = flag.default;
  }
  return { args, flags };
}
function parseValue(flag, value) {
  if (flag.kind === "string") return !flag.options || flag.options.includes(value) ? value : void 0;
  if (!INTEGER.test(value)) return void 0;
  const number = Number.parseInt(value, 10);
  return flag.min !== void 0 && number < flag.min ? void 0 : number;
}

// src/cli/fast/push.ts
async function pushFast(args) {
  const parsed = parsePlain(args, { args: PUSH_ARG_SPECS, flags: PUSH_FLAG_SPECS });
  if (parsed === void 0) return false;
  try {
    await runPush(
      { ...parsed.flags, source: parsed.args.source },
      (line) => process.stdout.write(`${line}
`)
    );
  } catch (error) {
    await failLikeOclif(error, { json: parsed.flags.json });
  }
  return true;
}
export {
  pushFast
};
