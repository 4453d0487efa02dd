// End-to-end tests of the bin's V8 code cache (src/cli/bin.ts, built into dist/cli.js): whatever
// state the cache is in, a run prints exactly what it prints with the cache off
// (RESTLINT_CODE_CACHE=0): the same stdout, the same stderr (no warning either), the same exit
// code. A corrupt, truncated or empty cache file, a cache folder that cannot be written or is a
// file, a cache of another build or of other Node flags, a read-only install, several processes
// starting at once on an empty cache, and the cache turned off.
//
// Every run gets its own RESTLINT_CACHE_DIR (or, for the default location, its own TMPDIR and
// HOME). Nothing here measures time: the cache is an optimisation, only its harmlessness is tested.
import { after, before, describe, test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { join } from 'node:path';
import { CLI, describeRun, makeTempDir, REPO_ROOT, removeDir, runCli, type RunOptions, type RunResult } from './helpers/cli';

/**
 * Node 20 to 22.0: the bin's own cache files (cli-<command>-<key>.v8). Node ≥ 22.1 uses Node's
 * compile cache (in RESTLINT_CACHE_DIR too, laid out Node's way): the assertions on the bin's
 * file names apply to the first only; the ones on the output apply to both.
 */
const OWN_CACHE = typeof (Module as unknown as { enableCompileCache?: unknown }).enableCompileCache !== 'function';

/** The command lines run in each case: a lint with findings (exit 1), JSON of a multi-file spec, --version (the bin's other cache). */
const LINES: { name: string; args: string[] }[] = [
  { name: 'lint stylish', args: ['lint', 'fixtures/petstore-bad/openapi.yaml'] },
  { name: 'lint json', args: ['lint', '--format', 'json', 'fixtures/multi-file/openapi.yaml'] },
  { name: '--version', args: ['--version'] },
];

let scratch: string;
let counter = 0;
/** What each line prints with the cache off, from the repository's dist/. */
const reference = new Map<string, RunResult>();

before(async () => {
  scratch = makeTempDir('restlint-code-cache-');
  for (const line of LINES) {
    const off = fresh('reference');
    const result = await runCli(line.args, { env: { RESTLINT_CODE_CACHE: '0', RESTLINT_CACHE_DIR: off } });
    assert.ok(result.code === 0 || result.code === 1, describeRun(result));
    assert.deepEqual(filesUnder(off), [], 'RESTLINT_CODE_CACHE=0 writes no cache');
    reference.set(line.name, result);
  }
});

after(() => {
  // A read-only install or cache folder must be writable again to be removed by a non-root user.
  makeWritable(scratch);
  removeDir(scratch);
});

/** A new empty folder in the scratch folder. */
function fresh(name: string): string {
  const dir = join(scratch, `${name}-${counter++}`);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** Every file under `dir`, relative to it, sorted (none when `dir` is missing). */
function filesUnder(dir: string): string[] {
  try {
    return (readdirSync(dir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
      .filter((entry) => !entry.isDirectory())
      .map((entry) => join(entry.parentPath ?? (entry as unknown as { path: string }).path, entry.name).slice(dir.length + 1))
      .sort();
  } catch {
    return [];
  }
}

/** The cache files of a run in `dir`: the bin's own, or (Node ≥ 22.1) every file Node's compile cache made. */
function cacheFiles(dir: string): string[] {
  return filesUnder(dir).filter((file) => !OWN_CACHE || /^cli-(lint|other)-[0-9a-f]{16}\.v8$/.test(file));
}

function makeWritable(dir: string): void {
  try {
    chmodSync(dir, 0o755);
    for (const entry of readdirSync(dir, { withFileTypes: true })) if (entry.isDirectory() && !entry.isSymbolicLink()) makeWritable(join(dir, entry.name));
  } catch {
    // removed already
  }
}

/** Runs a line with the cache in `cacheDir`. */
function runCached(line: { args: string[] }, cacheDir: string | undefined, options: RunOptions = {}): Promise<RunResult> {
  return runCli(line.args, { ...options, env: { RESTLINT_CODE_CACHE: undefined, NODE_COMPILE_CACHE: undefined, RESTLINT_CACHE_DIR: cacheDir, ...options.env } });
}

function assertSame(result: RunResult, expected: RunResult, what: string): void {
  const both = `${what}\n=== with the cache\n${describeRun(result)}\n=== without\n${describeRun(expected)}`;
  assert.equal(result.code, expected.code, `exit code differs: ${both}`);
  assert.equal(result.signal, null, `killed: ${both}`);
  assert.equal(result.stderr, expected.stderr, `stderr differs: ${both}`);
  assert.equal(result.stdout, expected.stdout, `stdout differs: ${both}`);
}

/** Runs each line with a cache folder of its own: a first run that writes the cache, checked; resolves the folders. */
async function warmed(): Promise<Map<string, string>> {
  const dirs = new Map<string, string>();
  for (const line of LINES) {
    const dir = fresh('warm');
    assertSame(await runCached(line, dir), reference.get(line.name)!, `${line.name}: first run, empty cache`);
    assert.notDeepEqual(cacheFiles(dir), [], `${line.name}: the first run writes a cache (else these tests test nothing)`);
    dirs.set(line.name, dir);
  }
  return dirs;
}

/**
 * Who can run the bin unable to write in `dir` (mode 0555): this user; or, when this user can
 * write there anyway (root), nobody (uid and gid 65534) when root can run a process as nobody and
 * nobody can read the repository and not write in `dir`; else the reason the case cannot be set up.
 */
async function unprivileged(dir: string): Promise<{ uid?: number; gid?: number } | string> {
  if (!canWrite(dir)) return {};
  const uid = process.getuid?.();
  const reason = `this user (uid ${uid}) can write in a folder of mode 0555 (root), so a not-writable cache folder cannot be set up`;
  if (uid !== 0) return `${reason}, and it cannot run the bin as another user`;
  const nobody = { uid: 65534, gid: 65534 };
  // The scratch folder (mode 0700 from mkdtemp) must be open to nobody.
  chmodSync(scratch, 0o755);
  const probe = spawnSync(process.execPath, ['-e', `require('node:fs').writeFileSync(${JSON.stringify(join(dir, '.write-probe'))}, '')`], { ...nobody, stdio: 'ignore' });
  if (probe.error !== undefined) return `${reason}, and it cannot run a process as nobody (uid 65534): ${probe.error.message}`;
  if (probe.status === 0) return `${reason}, nor can nobody (uid 65534) be stopped`;
  const run = await runCli(['--version'], { ...nobody, env: { RESTLINT_CODE_CACHE: '0' } });
  if (run.code !== 0) return `${reason}, and nobody (uid 65534) cannot run the bin here:\n${describeRun(run)}`;
  return nobody;
}

/** Whether this process can write in `dir` (root can whatever its mode says). */
function canWrite(dir: string): boolean {
  const probe = join(dir, '.write-probe');
  try {
    writeFileSync(probe, '');
    rmSync(probe);
    return true;
  } catch {
    return false;
  }
}

describe('a damaged cache file is ignored, and replaced', () => {
  const damages: { name: string; damage: (file: string) => void }[] = [
    { name: 'random bytes', damage: (file) => writeFileSync(file, createHash('sha512').update(file).digest()) },
    { name: 'random bytes the size of the file', damage: (file) => writeFileSync(file, pseudoRandom(statSync(file).size, file)) },
    { name: 'truncated to half', damage: (file) => truncateSync(file, Math.floor(statSync(file).size / 2)) },
    { name: 'truncated by one byte', damage: (file) => truncateSync(file, statSync(file).size - 1) },
    { name: 'zero-length', damage: (file) => truncateSync(file, 0) },
    { name: 'a byte of the compiled code flipped', damage: (file) => flipByte(file, Math.floor(statSync(file).size * 0.7)) },
    { name: 'a byte of the header flipped', damage: (file) => flipByte(file, 5) },
    {
      name: 'the compiled code after its first 64 bytes overwritten',
      damage: (file) => {
        const bytes = readFileSync(file);
        const start = OWN_CACHE ? bytes.indexOf('\n', bytes.indexOf('\n', bytes.indexOf('\n') + 1) + 1) + 1 + 64 : 64;
        pseudoRandom(bytes.length - start, file).copy(bytes, start);
        writeFileSync(file, bytes);
      },
    },
  ];
  for (const { name, damage } of damages) {
    test(name, async () => {
      const dirs = await warmed();
      for (const line of LINES) {
        const dir = dirs.get(line.name)!;
        for (const file of cacheFiles(dir)) damage(join(dir, file));
        assertSame(await runCached(line, dir), reference.get(line.name)!, `${line.name}: damaged cache (${name})`);
        // The run replaced it with a good one, which the next uses.
        assertSame(await runCached(line, dir), reference.get(line.name)!, `${line.name}: the cache after a damaged one`);
      }
    });
  }

  test('a folder or a FIFO where the cache file belongs', { skip: !OWN_CACHE && 'Node ≥ 22.1: the cache files are Node’s own' }, async () => {
    const dirs = await warmed();
    for (const line of LINES) {
      const dir = dirs.get(line.name)!;
      const [file] = cacheFiles(dir);
      rmSync(join(dir, file));
      mkdirSync(join(dir, file));
      assertSame(await runCached(line, dir), reference.get(line.name)!, `${line.name}: a folder as the cache file`);
      if (process.platform === 'win32') continue;
      rmSync(join(dir, file), { recursive: true });
      const mkfifo = (await import('node:child_process')).spawnSync('mkfifo', [join(dir, file)]);
      if (mkfifo.status !== 0) continue;
      // Opening a FIFO for reading waits for a writer: the hang guard of runCli would end the run.
      assertSame(await runCached(line, dir, { timeoutMs: 60_000 }), reference.get(line.name)!, `${line.name}: a FIFO as the cache file`);
    }
  });
});

describe('a cache folder that cannot be used is not used', () => {
  test('not writable (mode 0555), empty', async (t: TestContext) => {
    const dir = fresh('read-only');
    chmodSync(dir, 0o555);
    const user = await unprivileged(dir);
    if (typeof user === 'string') {
      t.skip(user);
      return;
    }
    for (const line of LINES) {
      const expected = await runCli(line.args, { ...user, env: { RESTLINT_CODE_CACHE: '0', RESTLINT_CACHE_DIR: dir } });
      assertSame(await runCached(line, dir, user), expected, `${line.name}: read-only cache folder`);
      assertSame(await runCached(line, dir, user), expected, `${line.name}: read-only cache folder, again`);
    }
    assert.deepEqual(filesUnder(dir), []);
  });

  test('not writable (mode 0555), holding a good cache', async (t: TestContext) => {
    const dir = fresh('read-only-warm');
    const user = await unprivileged(dir);
    if (typeof user === 'string') {
      t.skip(user);
      return;
    }
    // The cache is written by the user who then reads it (the bin uses only its own files).
    if (user.uid !== undefined) chownSync(dir, user.uid, user.gid!);
    for (const line of LINES) {
      const expected = await runCli(line.args, { ...user, env: { RESTLINT_CODE_CACHE: '0', RESTLINT_CACHE_DIR: fresh('off') } });
      assertSame(await runCached(line, dir, user), expected, `${line.name}: first run`);
    }
    if (OWN_CACHE) assert.equal(cacheFiles(dir).length, 2, `a cache for lint, one for the other commands: ${filesUnder(dir).join(', ')}`);
    else assert.notDeepEqual(cacheFiles(dir), []);
    chmodSync(dir, 0o555);
    const before = filesUnder(dir).map((file) => `${file} ${readFileSync(join(dir, file)).toString('hex')}`);
    for (const line of LINES) {
      const expected = await runCli(line.args, { ...user, env: { RESTLINT_CODE_CACHE: '0', RESTLINT_CACHE_DIR: fresh('off') } });
      assertSame(await runCached(line, dir, user), expected, `${line.name}: read-only folder with a good cache`);
    }
    assert.deepEqual(filesUnder(dir).map((file) => `${file} ${readFileSync(join(dir, file)).toString('hex')}`), before, 'the good cache is kept');
    // Damaged, in a folder where it cannot be replaced: ignored on every run.
    for (const file of cacheFiles(dir)) truncateSync(join(dir, file), 100);
    for (const line of LINES) {
      const expected = await runCli(line.args, { ...user, env: { RESTLINT_CODE_CACHE: '0', RESTLINT_CACHE_DIR: fresh('off') } });
      assertSame(await runCached(line, dir, user), expected, `${line.name}: read-only folder with a damaged cache`);
      assertSame(await runCached(line, dir, user), expected, `${line.name}: read-only folder with a damaged cache, again`);
    }
    assert.deepEqual(
      filesUnder(dir).map((file) => statSync(join(dir, file)).size),
      cacheFiles(dir).map(() => 100),
      'no file added, none replaced',
    );
  });

  test('a file, not a folder', async () => {
    for (const line of LINES) {
      const file = join(fresh('file'), 'cache');
      writeFileSync(file, 'not a folder\n');
      assertSame(await runCached(line, file), reference.get(line.name)!, `${line.name}: RESTLINT_CACHE_DIR is a file`);
      assert.equal(readFileSync(file, 'utf8'), 'not a folder\n');
      assertSame(await runCached(line, join(file, 'below')), reference.get(line.name)!, `${line.name}: RESTLINT_CACHE_DIR is below a file`);
      assert.equal(readFileSync(file, 'utf8'), 'not a folder\n');
    }
  });
});

/**
 * A copy of dist/ in a folder of its own (its node_modules a link to the repository's, for the
 * packages the bundle leaves out), as an install elsewhere is.
 */
function install(): string {
  const root = fresh('install');
  cpSync(join(REPO_ROOT, 'dist'), join(root, 'dist'), { recursive: true, preserveTimestamps: true });
  symlinkSync(join(REPO_ROOT, 'node_modules'), join(root, 'node_modules'), 'junction');
  return root;
}

/** runCli with the bin of another install. */
function runInstalled(root: string, line: { args: string[] }, cacheDir: string | undefined, env: RunOptions['env'] = {}): Promise<RunResult> {
  return runCli(line.args, { bin: join(root, 'dist', 'cli.js'), env: { RESTLINT_CODE_CACHE: undefined, NODE_COMPILE_CACHE: undefined, RESTLINT_CACHE_DIR: cacheDir, ...env } });
}

describe('a cache of another build, or of other Node flags, is not used', () => {
  test('another build of the bundle: the same path, size and time, another content and build hash', async () => {
    const root = install();
    const line = LINES[0];
    const cache = fresh('other-build');
    assertSame(await runInstalled(root, line, cache), await runInstalled(root, line, fresh('off'), { RESTLINT_CODE_CACHE: '0' }), 'the copy, first run');
    assert.notDeepEqual(cacheFiles(cache), []);

    // "Another build": one message of a rule changed (same length), the bin's build hash updated
    // as scripts/build.mjs sets it, the bundle's time of change kept (as npm gives every file).
    const bundle = join(root, 'dist', 'restlint.js');
    const bin = join(root, 'dist', 'cli.js');
    const { atime, mtime } = statSync(bundle);
    const source = readFileSync(bundle, 'utf8');
    assert.equal(source.split('remove the extra slash').length, 2, 'the message to change is in the bundle once');
    const changed = source.replace('remove the extra slash', 'remove the extra slosh');
    writeFileSync(bundle, changed);
    utimesSync(bundle, atime, mtime);
    const oldHash = createHash('sha256').update(source).digest('hex');
    const binSource = readFileSync(bin, 'utf8');
    assert.ok(binSource.includes(oldHash), 'the bin holds the build hash of its bundle');
    writeFileSync(bin, binSource.replace(oldHash, createHash('sha256').update(changed).digest('hex')));

    const expected = await runInstalled(root, line, fresh('off'), { RESTLINT_CODE_CACHE: '0' });
    assert.match(expected.stdout, /remove the extra slosh/, describeRun(expected));
    assertSame(await runInstalled(root, line, cache), expected, 'the other build, with the first build’s cache');
    assertSame(await runInstalled(root, line, cache), expected, 'the other build, with its own cache');
  });

  test('other Node and V8 flags, alternating', async () => {
    const variants: { name: string; nodeArgs: string[]; env?: Record<string, string> }[] = [
      { name: 'no flags', nodeArgs: [] },
      { name: '--max-old-space-size=3000', nodeArgs: ['--max-old-space-size=3000'] },
      { name: '--no-opt', nodeArgs: ['--no-opt'] },
      { name: 'NODE_OPTIONS=--max-old-space-size=2500', nodeArgs: [], env: { NODE_OPTIONS: '--max-old-space-size=2500' } },
      { name: 'no flags, again', nodeArgs: [] },
      { name: '--no-opt, again', nodeArgs: ['--no-opt'] },
    ];
    for (const line of LINES) {
      const dir = fresh('flags');
      for (const variant of variants) {
        // runCli removes NODE_OPTIONS from the inherited environment; the variant sets it on purpose.
        const expected = await runCli(line.args, { nodeArgs: variant.nodeArgs, env: { RESTLINT_CODE_CACHE: '0', RESTLINT_CACHE_DIR: fresh('off'), ...variant.env } });
        assertSame(await runCached(line, dir, { nodeArgs: variant.nodeArgs, env: variant.env }), expected, `${line.name}, ${variant.name}`);
      }
      // One cache per way of running: none of them thrown away by another.
      if (OWN_CACHE) assert.equal(cacheFiles(dir).length, 4, `a cache file per set of flags: ${cacheFiles(dir).join(', ')}`);
    }
  });
});

describe('the default cache location', () => {
  test('a read-only install with RESTLINT_CACHE_DIR unset: nothing written beside the bundle, the cache in the temp folder', async () => {
    const root = install();
    const snapshot = () =>
      filesUnder(join(root, 'dist')).map((file) => {
        const stat = statSync(join(root, 'dist', file));
        return `${file} ${stat.size} ${stat.mtimeMs}`;
      });
    const before = snapshot();
    for (const file of filesUnder(join(root, 'dist'))) chmodSync(join(root, 'dist', file), 0o444);
    chmodSync(join(root, 'dist'), 0o555);
    chmodSync(root, 0o555);
    // TMPDIR is where os.tmpdir() is; HOME and XDG_CACHE_HOME are watched for a cache written outside it.
    const temp = fresh('tmp');
    const home = fresh('home');
    const xdg = fresh('xdg');
    const env = { TMPDIR: temp, TEMP: temp, TMP: temp, HOME: home, USERPROFILE: home, XDG_CACHE_HOME: xdg };
    const expectedOf = new Map<string, RunResult>();
    for (const line of LINES) expectedOf.set(line.name, await runInstalled(root, line, undefined, { ...env, RESTLINT_CODE_CACHE: '0' }));
    assert.deepEqual(filesUnder(temp), [], 'RESTLINT_CODE_CACHE=0 writes nothing in the temp folder');
    for (const line of LINES) {
      const expected = expectedOf.get(line.name)!;
      assertSame(await runInstalled(root, line, undefined, env), expected, `${line.name}: read-only install, first run`);
      assertSame(await runInstalled(root, line, undefined, env), expected, `${line.name}: read-only install, with the cache`);
    }
    assert.deepEqual(snapshot(), before, 'nothing in the install changed');
    assert.deepEqual(readdirSync(root).sort(), ['dist', 'node_modules'], 'nothing written beside dist/');
    assert.deepEqual(filesUnder(home), [], 'nothing written in HOME');
    assert.deepEqual(filesUnder(xdg), [], 'nothing written in XDG_CACHE_HOME');
    const written = filesUnder(temp);
    if (OWN_CACHE) {
      const uid = process.getuid?.() ?? 'user';
      assert.deepEqual(
        written.map((file) => file.replace(/[0-9a-f]{16}/, 'KEY')),
        [`restlint-cache-${uid}/cli-lint-KEY.v8`, `restlint-cache-${uid}/cli-other-KEY.v8`],
        `the cache is in the temp folder: ${written.join(', ')}`,
      );
    } else {
      assert.notDeepEqual(written, [], 'the cache is in the temp folder');
    }
  });
});

describe('several processes at once on an empty cache', () => {
  test('each prints what it prints alone; one whole cache file is left, no temp file', async () => {
    for (const line of LINES) {
      const dir = fresh('race');
      const results = await Promise.all(Array.from({ length: 4 }, () => runCached(line, dir)));
      for (const result of results) assertSame(result, reference.get(line.name)!, `${line.name}: one of 4 at once`);
      if (OWN_CACHE) assert.equal(filesUnder(dir).length, 1, `one cache file, no temp file left: ${filesUnder(dir).join(', ')}`);
      assertSame(await runCached(line, dir), reference.get(line.name)!, `${line.name}: the cache the race left`);
      const again = await Promise.all(Array.from({ length: 4 }, () => runCached(line, dir)));
      for (const result of again) assertSame(result, reference.get(line.name)!, `${line.name}: one of 4 at once, with a cache`);
    }
  });
});

describe('RESTLINT_CODE_CACHE=0', () => {
  test('reads no cache, even a damaged one, and writes none', async () => {
    const dirs = await warmed();
    for (const line of LINES) {
      const dir = dirs.get(line.name)!;
      for (const file of cacheFiles(dir)) writeFileSync(join(dir, file), pseudoRandom(4096, file));
      const before = filesUnder(dir).map((file) => readFileSync(join(dir, file)).toString('hex'));
      assertSame(await runCli(line.args, { env: { RESTLINT_CODE_CACHE: '0', RESTLINT_CACHE_DIR: dir } }), reference.get(line.name)!, `${line.name}: cache off`);
      assert.deepEqual(filesUnder(dir).map((file) => readFileSync(join(dir, file)).toString('hex')), before, 'the cache folder is untouched');
      const empty = fresh('off');
      await runCli(line.args, { env: { RESTLINT_CODE_CACHE: '0', RESTLINT_CACHE_DIR: empty } });
      assert.deepEqual(filesUnder(empty), []);
    }
  });
});

test('the bin under test is the built one', () => {
  assert.ok(statSync(CLI).isFile());
});

/** Bytes that look random, the same for the same seed (a test's input does not change between runs). */
function pseudoRandom(length: number, seed: string): Buffer {
  const out = Buffer.alloc(length);
  let block = createHash('sha256').update(seed).digest();
  for (let at = 0; at < length; at += block.length) {
    block.copy(out, at);
    block = createHash('sha256').update(block).digest();
  }
  return out;
}

function flipByte(file: string, at: number): void {
  const bytes = readFileSync(file);
  bytes[at] ^= 0xff;
  writeFileSync(file, bytes);
}
