/**
 * Parsing `WWW-Authenticate` (RFC 9110 §11.6.1): one or more challenges, each a scheme and
 * `key=value` parameters, values either tokens or quoted strings that may hold commas, `=` and
 * backslash escapes: `Bearer realm="https://auth.example/token",service="reg",scope="repository:a:pull,push"`.
 */

/** One challenge: the scheme in lower case (`bearer`, `basic`) and its parameters (lower-case keys). */
export interface Challenge {
  readonly scheme: string;
  readonly params: Readonly<Record<string, string>>;
}

const SEPARATORS = new Set([' ', '\t', ',', '=', '"']);

/**
 * Parses every challenge in the given header values (a response may repeat the header, and one
 * value may hold several challenges). Malformed parts are skipped, never thrown on; a parameter
 * repeated in one challenge keeps its first value.
 */
export function parseChallenges(values: string | readonly string[]): Challenge[] {
  const out: Challenge[] = [];
  for (const value of typeof values === 'string' ? [values] : values) out.push(...parseOne(value));
  return out;
}

function parseOne(text: string): Challenge[] {
  const challenges: { scheme: string; params: Record<string, string> }[] = [];
  let current: { scheme: string; params: Record<string, string> } | undefined;
  let i = 0;
  const skip = (chars: string): void => {
    while (i < text.length && chars.includes(text[i]!)) i++;
  };
  const token = (): string => {
    const start = i;
    while (i < text.length && !SEPARATORS.has(text[i]!)) i++;
    return text.slice(start, i);
  };
  const quoted = (): string => {
    let value = '';
    i++; // opening quote
    while (i < text.length && text[i] !== '"') {
      if (text[i] === '\\' && i + 1 < text.length) i++;
      value += text[i];
      i++;
    }
    i++; // closing quote (or end)
    return value;
  };
  while (i < text.length) {
    skip(' \t,');
    if (i >= text.length) break;
    if (text[i] === '"') {
      quoted(); // stray quoted string: skip it
      continue;
    }
    const name = token();
    skip(' \t');
    if (text[i] === '=' && name !== '') {
      i++;
      skip(' \t');
      const value = text[i] === '"' ? quoted() : token();
      const key = name.toLowerCase();
      if (current && !(key in current.params)) current.params[key] = value;
      continue;
    }
    if (name === '') {
      i++; // a lone '=': skip it
      continue;
    }
    current = { scheme: name.toLowerCase(), params: {} };
    challenges.push(current);
    // A token68 credential right after the scheme (`Negotiate abc==`) carries no parameters.
    const token68 = TOKEN68.exec(text.slice(i));
    if (token68) i += token68[0].length;
  }
  return challenges;
}

/** Spaces, a token68 (`abc==`), then a comma or the end: never a `key=value` pair. */
const TOKEN68 = /^[ \t]*[A-Za-z0-9._~+/-]+=*(?=[ \t]*(?:,|$))/;

/** The first challenge with the given scheme (case-insensitive), if any. */
export function findChallenge(challenges: readonly Challenge[], scheme: string): Challenge | undefined {
  return challenges.find((c) => c.scheme === scheme.toLowerCase());
}
