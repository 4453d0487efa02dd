import { closeSync, openSync, readSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { looksLikeOpenApi, OpenApiSniffer } from '../engine/source/openapi-sniff';

export { looksLikeOpenApi };

/** The OpenAPI documents under a folder (YAML and JSON, not in node_modules or .git): open buffers by their text, others read until the sniffer can tell. */
export async function findOpenApiFiles(folder: string, openText: (path: string) => string | undefined): Promise<string[]> {
  const { glob } = await import('tinyglobby');
  const candidates = await glob('**/*.{yaml,yml,json}', { cwd: folder, absolute: true, ignore: ['**/node_modules/**', '**/.git/**'], onlyFiles: true });
  return candidates.filter((file) => {
    const text = openText(file);
    return text !== undefined ? looksLikeOpenApi(text) : fileLooksLikeOpenApi(file);
  }).sort();
}

const CHUNK_BYTES = 64 * 1024;

/**
 * Reads a file in chunks until the sniffer can tell: a document that says `openapi` at its
 * start costs one chunk; one that says it last (Slack's `"swagger"`) is read to the end, but
 * scanned, not parsed.
 */
function fileLooksLikeOpenApi(file: string): boolean {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const sniffer = new OpenApiSniffer();
    const decoder = new StringDecoder('utf8');
    const buffer = Buffer.alloc(CHUNK_BYTES);
    for (;;) {
      const read = readSync(fd, buffer, 0, buffer.length, null);
      if (read === 0) return sniffer.feed(decoder.end()) ?? sniffer.end();
      const answer = sniffer.feed(decoder.write(buffer.subarray(0, read)));
      if (answer !== undefined) return answer;
    }
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
