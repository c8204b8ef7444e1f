const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export function isLocalHost(hostname: string): boolean {
  return LOCAL_HOSTS.has(hostname) || hostname.endsWith('.localhost');
}

/** Parses a URL and returns it only if it is absolute and http(s); otherwise undefined. */
export function parseHttpUrl(value: string, base?: string): URL | undefined {
  try {
    const url = new URL(value, base);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : undefined;
  } catch {
    return undefined;
  }
}

/** A logo is shown only from http(s) or an inline SVG/PNG data URL; anything else falls back to initials. */
export function isSafeImageUrl(value: string, base: string): boolean {
  if (/^data:image\/(svg\+xml|png|jpeg|webp)[;,]/i.test(value)) return true;
  return parseHttpUrl(value, base) !== undefined;
}
