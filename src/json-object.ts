/**
 * Parses `text` as a JSON object, the shape of a docker config file: an empty (or blank) text is
 * an empty object; anything else that is not a JSON object (bad JSON, an array, a scalar, null)
 * is `undefined`, for the caller to report in its own layer's error.
 */
export function parseJsonObject(text: string): Record<string, unknown> | undefined {
  if (text.trim() === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}
