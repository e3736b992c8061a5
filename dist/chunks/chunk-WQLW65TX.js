import { createRequire as __cpCreateRequire } from 'node:module';
const require = __cpCreateRequire(import.meta.url);

// src/json-object.ts
function parseJsonObject(text) {
  if (text.trim() === "") return {};
  let value;
  try {
    value = JSON.parse(text);
  } catch {
    return void 0;
  }
  return typeof value === "object" && value !== null && !Array.isArray(value) ? value : void 0;
}

export {
  parseJsonObject
};
