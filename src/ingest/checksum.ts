import type { SourceFile } from './source';

/** A file's SHA-256 in hex, for the history (take it before the file is imported). */
export async function fileChecksum(file: SourceFile): Promise<string> {
  // digest() copies what it is given: no copy of our own (74 MB is 40 ms on the main thread).
  const digest = await crypto.subtle.digest('SHA-256', file.bytes as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
