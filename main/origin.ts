// Origins compared as strings. WHATWG `URL.origin` is "null" for schemes the
// URL parser does not know (our `app:`), while Chromium, which registers
// `app:` as a standard scheme, reports `app://commonplace`; building the
// origin from protocol and host gives the Chromium answer in both places.

/** `scheme://host[:port]` of an absolute URL, or null when it does not parse or has no host. */
export function originOf(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.host === '') return null;
  return `${parsed.protocol}//${parsed.host}`;
}

/** True when `url` parses and its origin is one of `trusted`. */
export function hasTrustedOrigin(url: string, trusted: ReadonlySet<string>): boolean {
  const origin = originOf(url);
  return origin !== null && trusted.has(origin);
}
