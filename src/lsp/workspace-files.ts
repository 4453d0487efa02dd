import { openSync, readSync, closeSync } from 'node:fs';

/** Whether a text is an OpenAPI document: an `openapi` or `swagger` member at the top (YAML or JSON). */
export function looksLikeOpenApi(text: string): boolean {
  return /^(?:["']?)(?:openapi|swagger)(?:["']?)\s*:/m.test(text) || /^\s*\{[\s\S]{0,4000}?"(?:openapi|swagger)"\s*:/.test(text);
}

/** The OpenAPI documents under a folder (YAML and JSON, not in node_modules or .git), by their first 4 kB. */
export async function findOpenApiFiles(folder: string, openText: (path: string) => string | undefined): Promise<string[]> {
  const { glob } = await import('tinyglobby');
  const candidates = await glob('**/*.{yaml,yml,json}', { cwd: folder, absolute: true, ignore: ['**/node_modules/**', '**/.git/**'], onlyFiles: true });
  return candidates.filter((file) => looksLikeOpenApi(openText(file) ?? head(file))).sort();
}

function head(file: string): string {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const buffer = Buffer.alloc(4096);
    return buffer.toString('utf8', 0, readSync(fd, buffer, 0, buffer.length, 0));
  } catch {
    return '';
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
