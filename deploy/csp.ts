/**
 * The Content-Security-Policy the app is served with: by `vite preview` (and so under every browser
 * test), and by nginx (deploy/nginx.conf carries the same line; a test compares them). The page's
 * meta tag carries the same policy less `frame-ancestors`, which a meta tag cannot set, so a file
 * server that sends no header still gets the rest.
 */
export const CSP = [
  "default-src 'none'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  "connect-src 'self' blob: data:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** The policy a meta tag can carry (no frame-ancestors). */
export const META_CSP = CSP.split('; ')
  .filter((d) => !d.startsWith('frame-ancestors'))
  .join('; ');

/** Headers beside the CSP, for the same reasons (no sniffing, no embedding, no referrer leak). */
export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CSP,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
};
