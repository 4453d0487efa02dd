// dist/cli.js, the bin: a few lines that load the CLI bundle (dist/restlint.js) with a V8 code
// cache, so that a run after the first neither parses nor compiles the bundle's functions
// again (compiling the bundle was the largest single part of a small lint's cold start).
//
// - Node ≥ 22.1: module.enableCompileCache(), Node's own cache (RESTLINT_CACHE_DIR, else
//   NODE_COMPILE_CACHE or the system temp folder), then the bundle is required as usual.
// - Node 20 to 22.0: the bundle is compiled as a vm.Script with the cachedData of an earlier
//   run, if there is one for this bundle's content, this Node and this command. When there was
//   none, or V8 rejected it, the code compiled by the end of this run is saved for the next.
//
// A cache is an optimisation only: anything wrong with it (no writable cache folder, a file
// another user owns, a corrupt or truncated file, another Node) means the bundle is compiled
// from source, silently. RESTLINT_CODE_CACHE=0 turns it off; RESTLINT_CACHE_DIR moves it.
// Nothing is ever written beside the bundle: the install folder may be read-only.
import { closeSync, constants, fstatSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Script } from 'node:vm';

/** The SHA-256 of dist/restlint.js, set by scripts/build.mjs (hashing it on each run would cost more than a cache saves). */
declare const RESTLINT_BUNDLE_HASH: string;

const bundle = join(__dirname, 'restlint.js');
/** Marks the start of a cache file of this format: a file without it is not used. */
const MAGIC = 'restlint-v8-cache-1\n';
/** Hex digits of checksum(). */
const CHECKSUM_LENGTH = 16;
/** Cache files not rewritten for this long are removed when a new one is written: older bundles' and Nodes'. */
const STALE_MS = 14 * 24 * 60 * 60 * 1000;

run();

function run(): void {
  const nodeModule = Module as typeof Module & { enableCompileCache?: (dir?: string) => unknown };
  if (process.env.RESTLINT_CODE_CACHE === '0') {
    require(bundle);
  } else if (typeof nodeModule.enableCompileCache === 'function') {
    try {
      // RESTLINT_CACHE_DIR moves this cache too; unset, Node's own default (NODE_COMPILE_CACHE or the temp folder).
      nodeModule.enableCompileCache(process.env.RESTLINT_CACHE_DIR || undefined);
    } catch {
      // no cache then
    }
    require(bundle);
  } else {
    runWithCodeCache();
  }
}

function runWithCodeCache(): void {
  const stat = statSync(bundle);
  const wrapped = Module.wrap(readFileSync(bundle, 'utf8'));
  // One cache per bundle content, Node, architecture and command: `lint` compiles other
  // functions than `--version`, and each run's cache holds what that run compiled. The build's
  // hash names the bundle; its size and time of change catch a bundle changed since the build.
  // (V8 checks only its own version, flags and the source's length, and does not check its data:
  // data that does not belong to the source, or corrupt data, can crash the process.)
  // The bundle's path too: V8 keeps the file name it was compiled under in stack traces, and
  // two installs of one version (npm gives every file the same time) would share a cache.
  // Node's and V8's flags (the command line's and NODE_OPTIONS'): V8 rejects data made under
  // other flags, so without them two ways of running restlint would each rewrite the other's cache.
  const command = process.argv[2] === 'lint' ? 'lint' : 'other';
  const flags = JSON.stringify([process.execArgv, process.env.NODE_OPTIONS ?? '']);
  const key = `${RESTLINT_BUNDLE_HASH.slice(0, 32)}-${stat.size}-${stat.mtimeMs}-${process.version}-${process.arch}-${flags}-${bundle}`;
  const name = checksum(Buffer.from(key));
  const dir = cacheDir();
  const file = dir === undefined ? undefined : join(dir, `cli-${command}-${name}.v8`);
  const cachedData = file === undefined ? undefined : readCache(file, key);

  let script: Script;
  try {
    script = new Script(wrapped, { filename: bundle, cachedData });
  } catch {
    // A cache V8 cannot use is rejected, not thrown; this is for the unforeseen.
    script = new Script(wrapped, { filename: bundle });
  }
  if (file !== undefined && (cachedData === undefined || script.cachedDataRejected === true)) {
    process.once('exit', () => writeCache(dir!, file, key, script));
  }
  const main = new Module(bundle, module);
  main.filename = bundle;
  main.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(__dirname);
  const localRequire = Module.createRequire(bundle);
  const compiled = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: Module, filename: string, dirname: string) => void;
  compiled.call(main.exports, main.exports, localRequire, main, bundle, __dirname);
}

/** This user's cache folder, made if missing; undefined when there is none safe to use. */
function cacheDir(): string | undefined {
  const given = process.env.RESTLINT_CACHE_DIR;
  const uid = typeof process.getuid === 'function' ? process.getuid() : undefined;
  const dir = given ? given : join(tmpdir(), `restlint-cache-${uid ?? 'user'}`);
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const stat = lstatSync(dir);
    if (!stat.isDirectory()) return undefined;
    // In a shared temp folder, use only a folder of this user's that no one else can write.
    if (!given && uid !== undefined && (stat.uid !== uid || (stat.mode & 0o022) !== 0)) return undefined;
    return dir;
  } catch {
    return undefined;
  }
}

/**
 * A cache file is MAGIC, the key, the checksum of the data, then V8's data. The checksum is
 * checked before V8 sees the data: V8 (in Node 20) checks versions and lengths, not the bytes,
 * and a flipped byte in its data can crash the process.
 */
function readCache(file: string, key: string): Buffer | undefined {
  let fd: number | undefined;
  try {
    // Non-blocking: opening a FIFO put where the cache file belongs would otherwise wait forever.
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const stat = fstatSync(fd);
    const uid = typeof process.getuid === 'function' ? process.getuid() : undefined;
    if (!stat.isFile() || (uid !== undefined && stat.uid !== uid) || stat.size > 64 * 1024 * 1024) return undefined;
    const all = Buffer.allocUnsafe(stat.size);
    let read = 0;
    while (read < all.length) {
      const n = readSync(fd, all, read, all.length - read, read);
      if (n === 0) return undefined;
      read += n;
    }
    const header = Buffer.from(`${MAGIC}${key}\n`);
    const start = header.length + CHECKSUM_LENGTH + 1;
    if (all.length <= start || !all.subarray(0, header.length).equals(header)) return undefined;
    const data = all.subarray(start);
    if (all.toString('latin1', header.length, start - 1) !== checksum(data)) return undefined;
    return data;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function writeCache(dir: string, file: string, key: string, script: Script): void {
  const temp = join(dir, `.cli-${process.pid}-${Date.now()}.tmp`);
  try {
    const data = script.createCachedData();
    if (data.length === 0) return;
    writeFileSync(temp, Buffer.concat([Buffer.from(`${MAGIC}${key}\n${checksum(data)}\n`), data]), { mode: 0o600, flag: 'wx' });
    // Atomic: a reader sees the old file, no file, or the whole new one.
    renameSync(temp, file);
    for (const entry of readdirSync(dir)) {
      const path = join(dir, entry);
      if (/^cli-(lint|other)-[0-9a-f]{16}\.v8$/.test(entry) && path !== file && Date.now() - statSync(path).mtimeMs > STALE_MS) unlinkSync(path);
    }
  } catch {
    try {
      unlinkSync(temp);
    } catch {
      // nothing was written
    }
  }
}


/**
 * Two 32-bit hashes (FNV-1a and a multiplicative one) of the bytes, as 16 hex digits: to catch
 * a damaged file, not an attacker (the folder is this user's own). Not node:crypto, whose
 * loading costs more than a cache saves on a small document.
 */
function checksum(bytes: Buffer): string {
  const aligned = bytes.byteOffset % 4 === 0 ? bytes : Buffer.from(bytes);
  const words = new Int32Array(aligned.buffer, aligned.byteOffset, aligned.length >> 2);
  let a = 0x811c9dc5 | 0;
  let b = aligned.length | 0;
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    a = Math.imul(a ^ word, 0x01000193);
    b = (Math.imul(b, 31) + word) | 0;
  }
  for (let i = words.length << 2; i < aligned.length; i++) a = Math.imul(a ^ aligned[i], 0x01000193);
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}
