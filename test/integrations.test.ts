// The CI integrations, run rather than read: the GitHub Action (action.yml) has its steps run
// by a small runner below, as GitHub's runner runs a composite action's steps (bash, inputs
// and step outputs substituted into ${{ }}, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files, `if:`
// evaluated); the pre-commit hook (.pre-commit-hooks.yaml) has its entry run on the staged
// files its `files` pattern matches. Both drive the built binary (dist/cli.js) on a copy of
// fixtures/integrations/project.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { CLI, FIXTURES, HANG_GUARD_MS, makeTempDir, REPO_ROOT, removeDir } from './helpers/cli';

const PROJECT = join(FIXTURES, 'integrations', 'project');
const dirs: string[] = [];
after(() => dirs.forEach(removeDir));

/** A temporary copy of the fixture project (a git repository when `git` is set). */
function project(options: { git?: boolean } = {}): string {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: build first (the action would run npm ci in the repository otherwise)`);
  const dir = makeTempDir('restlint-integration-');
  dirs.push(dir);
  cpSync(PROJECT, dir, { recursive: true });
  if (options.git) {
    const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'pipe' });
    git('init', '-q');
    git('-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', 'commit', '-q', '--allow-empty', '-m', 'empty');
  }
  return dir;
}

interface ActionStep {
  id?: string;
  name?: string;
  if?: string;
  uses?: string;
  with?: Record<string, string>;
  run?: string;
  shell?: string;
  env?: Record<string, string>;
  'working-directory'?: string;
}
interface Action {
  inputs: Record<string, { default?: string; required?: boolean }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: ActionStep[] };
}

interface StepRecord {
  name: string;
  /** skipped: its `if:` was false; used: an action step, only its inputs checked. */
  status: 'skipped' | 'used' | 'ran';
  with?: Record<string, string>;
  code?: number;
  stdout?: string;
  stderr?: string;
  summary?: string;
}
interface ActionRun {
  steps: StepRecord[];
  /** The job's outcome: the exit code of the step that failed, else 0. */
  code: number;
  outputs: Record<string, string>;
  stepOutputs: Record<string, Record<string, string>>;
}

const action = load(readFileSync(join(REPO_ROOT, 'action.yml'), 'utf8')) as Action;

/** GITHUB_OUTPUT lines: `name=value`, or `name<<DELIMITER` … `DELIMITER`. */
function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const heredoc = /^([\w-]+)<<(.+)$/.exec(lines[i]);
    if (heredoc) {
      const end = lines.indexOf(heredoc[2], i + 1);
      outputs[heredoc[1]] = lines.slice(i + 1, end).join('\n');
      i = end;
    } else if (lines[i].includes('=')) {
      outputs[lines[i].slice(0, lines[i].indexOf('='))] = lines[i].slice(lines[i].indexOf('=') + 1);
    }
  }
  return outputs;
}

/**
 * Runs action.yml's steps in `workspace` as GitHub's runner runs a composite action: each
 * `run:` step is a bash script (`bash --noprofile --norc -eo pipefail`), with `${{ }}` in
 * `run`, `env`, `with` and `working-directory` replaced by the inputs (defaults filled in)
 * and earlier steps' outputs; a `uses:` step is recorded with its inputs, not run.
 */
function runAction(workspace: string, given: Record<string, string>): ActionRun {
  assert.equal(action.runs.using, 'composite');
  for (const name of Object.keys(given)) assert.ok(name in action.inputs, `action.yml has no input "${name}"`);
  const inputs: Record<string, string> = {};
  for (const [name, input] of Object.entries(action.inputs)) inputs[name] = given[name] ?? input.default ?? '';
  const stepOutputs: Record<string, Record<string, string>> = {};
  let failed = false;
  let code = 0;

  // The expressions action.yml uses: inputs.x, steps.id.outputs.x, string literals, ==, !=, &&, ||, always().
  const value = (expression: string): unknown => {
    const js = expression
      .replace(/!=/g, '!==')
      .replace(/([^!=])==/g, '$1===')
      .replace(/\binputs\.([\w-]+)/g, (_, name: string) => {
        assert.ok(name in inputs, `\${{ inputs.${name} }}: no such input`);
        return JSON.stringify(inputs[name]);
      })
      .replace(/\bsteps\.([\w-]+)\.outputs\.([\w-]+)/g, (_, id: string, name: string) => JSON.stringify(stepOutputs[id]?.[name] ?? ''))
      .replace(/\balways\(\)/g, 'true')
      .replace(/\bsuccess\(\)/g, String(!failed))
      .replace(/\bfailure\(\)/g, String(failed));
    assert.doesNotMatch(js, /\b(github|env|runner|matrix|secrets)\./, `an expression this runner does not know: ${expression}`);
    return Function(`return (${js});`)();
  };
  const substitute = (text: string): string => text.replace(/\$\{\{(.*?)\}\}/g, (_, expression: string) => String(value(expression)));

  const records: StepRecord[] = [];
  for (const [index, step] of action.runs.steps.entries()) {
    const name = step.name ?? step.id ?? `step ${index + 1}`;
    const condition = step.if === undefined ? !failed : Boolean(value(step.if.replace(/^\$\{\{(.*)\}\}$/s, '$1')));
    if (!condition) {
      records.push({ name, status: 'skipped' });
      continue;
    }
    if (step.uses) {
      const withInputs = Object.fromEntries(Object.entries(step.with ?? {}).map(([key, text]) => [key, substitute(String(text))]));
      records.push({ name, status: 'used', with: withInputs });
      continue;
    }
    assert.equal(step.shell, 'bash', `${name}: a composite run step names its shell`);
    const temp = makeTempDir('restlint-runner-');
    dirs.push(temp);
    const script = join(temp, 'step.sh');
    const outputFile = join(temp, 'output');
    const summaryFile = join(temp, 'summary');
    writeFileSync(script, substitute(step.run ?? ''));
    writeFileSync(outputFile, '');
    writeFileSync(summaryFile, '');
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      GITHUB_ACTIONS: 'true',
      GITHUB_WORKSPACE: workspace,
      GITHUB_ACTION_PATH: REPO_ROOT,
      GITHUB_OUTPUT: outputFile,
      GITHUB_STEP_SUMMARY: summaryFile,
      ...Object.fromEntries(Object.entries(step.env ?? {}).map(([key, text]) => [key, substitute(String(text))])),
    };
    delete env.FORCE_COLOR;
    delete env.NO_COLOR;
    const cwd = join(workspace, substitute(step['working-directory'] ?? '.'));
    const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], { cwd, env, encoding: 'utf8', timeout: HANG_GUARD_MS });
    const stepCode = result.status ?? 1;
    if (step.id) stepOutputs[step.id] = parseOutputFile(readFileSync(outputFile, 'utf8'));
    records.push({ name, status: 'ran', code: stepCode, stdout: result.stdout, stderr: result.stderr, summary: readFileSync(summaryFile, 'utf8') });
    if (stepCode !== 0 && !failed) {
      failed = true;
      code = stepCode;
    }
  }
  const outputs = Object.fromEntries(Object.entries(action.outputs).map(([key, output]) => [key, substitute(output.value)]));
  return { steps: records, code, outputs, stepOutputs };
}

const stepNamed = (run: ActionRun, name: string): StepRecord => {
  const step = run.steps.find((record) => record.name === name);
  assert.ok(step, `no step "${name}" in action.yml`);
  return step;
};
const describeAction = (run: ActionRun): string =>
  run.steps.map((step) => `${step.name}: ${step.status}${step.code === undefined ? '' : ` (exit ${step.code})`}\n${step.stdout ?? ''}${step.stderr ?? ''}`).join('\n');

interface Sarif {
  runs: { tool: { driver: { name: string } }; results: { ruleId: string; level: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[];
}

describe('GitHub Action (action.yml)', () => {
  test('format sarif (the default): the SARIF file is written and uploaded, and the job fails on an error', () => {
    const workspace = project();
    const run = runAction(workspace, { files: 'openapi.yaml\nspecs/*.yaml' });
    const sarifFile = join(workspace, 'restlint.sarif');
    assert.equal(run.code, 1, describeAction(run));
    assert.equal(run.outputs['exit-code'], '1');
    assert.equal(run.outputs['sarif-file'], sarifFile);
    const sarif = JSON.parse(readFileSync(sarifFile, 'utf8')) as Sarif;
    assert.equal(sarif.runs[0].tool.driver.name, 'restlint');
    const results = sarif.runs[0].results.map((result) => `${result.ruleId} ${result.level} ${result.locations[0].physicalLocation.artifactLocation.uri}`).sort();
    assert.deepEqual(results, ['no-empty-segment warning specs/warned-openapi.yaml', 'path-no-underscore error specs/broken-openapi.yaml']);
    // The log gets the stylish report; the upload runs although the lint "failed", and the job fails after it.
    assert.match(stepNamed(run, 'Lint').stdout ?? '', /specs\/broken-openapi\.yaml\n\s+6:4\s+error/);
    assert.equal(stepNamed(run, 'Lint').code, 0, 'the lint step records the exit code; the last step fails');
    assert.deepEqual(stepNamed(run, 'Upload SARIF'), { name: 'Upload SARIF', status: 'used', with: { sarif_file: sarifFile, category: 'restlint' } });
    assert.equal(stepNamed(run, 'Fail on findings').code, 1);
    assert.equal(stepNamed(run, 'Set up Node.js').status, 'skipped');
    assert.equal(run.stepOutputs.restlint.source, 'action');
    assert.match(stepNamed(run, 'Lint').summary ?? '', /findings at or above error \(exit 1\)/);
    const uses = action.runs.steps.filter((step) => step.uses).map((step) => step.uses);
    assert.deepEqual(uses, ['actions/setup-node@v4', 'github/codeql-action/upload-sarif@v3']);
  });

  test('fail-severity: warnings pass at error and fail at warn; the SARIF is uploaded either way', () => {
    const atError = runAction(project(), { files: 'specs/warned-openapi.yaml' });
    assert.equal(atError.code, 0, describeAction(atError));
    assert.equal(stepNamed(atError, 'Fail on findings').status, 'skipped');
    assert.equal(stepNamed(atError, 'Upload SARIF').status, 'used');
    assert.match(stepNamed(atError, 'Lint').summary ?? '', /no findings at or above error/);

    const atWarn = runAction(project(), { files: 'specs/warned-openapi.yaml', 'fail-severity': 'warn' });
    assert.equal(atWarn.code, 1, describeAction(atWarn));
    assert.equal(atWarn.outputs['exit-code'], '1');
    assert.equal(stepNamed(atWarn, 'Upload SARIF').status, 'used');
  });

  test('files empty: the document restlint finds in working-directory (openapi.yaml) passes', () => {
    const run = runAction(project(), {});
    assert.equal(run.code, 0, describeAction(run));
    assert.match(stepNamed(run, 'Lint').stdout ?? '', /No problems found in 1 file/);
  });

  test('another format: its report in the log, no SARIF and no upload', () => {
    const workspace = project();
    const run = runAction(workspace, { files: 'specs/broken-openapi.yaml', format: 'github' });
    assert.equal(run.code, 1, describeAction(run));
    assert.match(stepNamed(run, 'Lint').stdout ?? '', /^::error file=specs\/broken-openapi\.yaml,line=6/m);
    assert.equal(existsSync(join(workspace, 'restlint.sarif')), false);
    assert.equal(run.outputs['sarif-file'], '');
    assert.equal(stepNamed(run, 'Upload SARIF').status, 'skipped');
  });

  test('since: findings the files had at the ref are not reported', () => {
    const workspace = project({ git: true });
    const git = (...args: string[]) => execFileSync('git', args, { cwd: workspace, stdio: 'pipe' });
    git('add', '.');
    git('-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', 'commit', '-q', '-m', 'specs');
    const run = runAction(workspace, { files: 'specs/broken-openapi.yaml', since: 'HEAD' });
    assert.equal(run.code, 0, describeAction(run));
    const without = runAction(workspace, { files: 'specs/broken-openapi.yaml' });
    assert.equal(without.code, 1, describeAction(without));
  });

  test('a usage error is exit 2, and file names are data: quotes and $( ) in `files` run nothing', () => {
    const workspace = project();
    const run = runAction(workspace, { files: `it's-$(touch pwned).yaml` });
    assert.equal(run.code, 2, describeAction(run));
    assert.equal(existsSync(join(workspace, 'pwned')), false);
    assert.match(stepNamed(run, 'Lint').summary ?? '', /could not lint \(exit 2\)/);
  });

  test("the project's own restlint (node_modules) is used when it has one; node-version sets up Node first", () => {
    const workspace = project();
    mkdirSync(join(workspace, 'node_modules'));
    symlinkSync(REPO_ROOT, join(workspace, 'node_modules', 'restlint'));
    const run = runAction(workspace, { files: 'openapi.yaml', 'node-version': '22', 'working-directory': '.' });
    assert.equal(run.code, 0, describeAction(run));
    assert.equal(run.stepOutputs.restlint.source, 'project');
    assert.equal(run.stepOutputs.restlint.bin, join(workspace, 'node_modules', 'restlint', 'dist', 'cli.js'));
    assert.deepEqual(stepNamed(run, 'Set up Node.js'), { name: 'Set up Node.js', status: 'used', with: { 'node-version': '22' } });
  });
});

interface Hook {
  id: string;
  entry: string;
  language: string;
  files: string;
  exclude?: string;
  args?: string[];
  require_serial?: boolean;
}

describe('pre-commit hook (.pre-commit-hooks.yaml)', () => {
  const hooks = load(readFileSync(join(REPO_ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];
  const hook = hooks.find((entry) => entry.id === 'restlint');

  /**
   * What pre-commit does for this hook on a commit: the staged files (git diff --cached)
   * that match `files` and not `exclude` (Python re.search; the pattern means the same in
   * JavaScript), passed after entry and args, run from the repository root with the hook's
   * bin on PATH (language node installs the package, which links `restlint`).
   */
  function runHook(workspace: string, staged: string[]) {
    assert.ok(hook, 'no hook with id restlint');
    const git = (...args: string[]) => execFileSync('git', args, { cwd: workspace, encoding: 'utf8' });
    git('add', '--', ...staged);
    const files = git('diff', '--cached', '--name-only', '-z')
      .split('\0')
      .filter((file) => file !== '')
      .filter((file) => new RegExp(hook.files).test(file) && !(hook.exclude && new RegExp(hook.exclude).test(file)));
    const bin = makeTempDir('restlint-hook-bin-');
    dirs.push(bin);
    writeFileSync(join(bin, 'restlint'), `#!/bin/sh\nexec "${process.execPath}" "${CLI}" "$@"\n`);
    chmodSync(join(bin, 'restlint'), 0o755);
    const [command, ...entryArgs] = hook.entry.split(/\s+/);
    const env: NodeJS.ProcessEnv = { ...process.env, PATH: `${bin}:${process.env.PATH ?? ''}` };
    delete env.FORCE_COLOR;
    delete env.NO_COLOR;
    const result = spawnSync(command, [...entryArgs, ...(hook.args ?? []), ...files], { cwd: workspace, env, encoding: 'utf8', timeout: HANG_GUARD_MS });
    return { files, code: result.status, output: `${result.stdout}${result.stderr}` };
  }

  test('the hook: restlint lint, language node, one run for all files', () => {
    assert.ok(hook);
    assert.equal(hook.entry, 'restlint lint');
    assert.equal(hook.language, 'node');
    assert.equal(hook.require_serial, true);
  });

  test('a commit with a broken document fails and names it; a good one passes; other YAML is not passed', () => {
    const workspace = project({ git: true });
    const broken = runHook(workspace, ['openapi.yaml', 'specs/broken-openapi.yaml', '.github/workflows/ci.yml', '.restlint.yaml']);
    assert.deepEqual(broken.files, ['openapi.yaml', 'specs/broken-openapi.yaml']);
    assert.equal(broken.code, 1, broken.output);
    assert.match(broken.output, /specs\/broken-openapi\.yaml\n\s+6:4\s+error .* path-no-underscore/);
    assert.doesNotMatch(broken.output, /^openapi\.yaml$/m);

    const good = project({ git: true });
    const passed = runHook(good, ['openapi.yaml', 'specs/warned-openapi.yaml', '.github/workflows/ci.yml']);
    assert.deepEqual(passed.files, ['openapi.yaml', 'specs/warned-openapi.yaml']);
    assert.equal(passed.code, 0, passed.output);
    assert.match(passed.output, /1 problem \(0 errors, 1 warning/);
  });

  test('files: the names OpenAPI documents go by, not every YAML or JSON file', () => {
    assert.ok(hook);
    const pattern = new RegExp(hook.files);
    for (const name of ['openapi.yaml', 'openapi.yml', 'openapi.json', 'api/shop.openapi.yaml', 'specs/swagger-v2.json', 'a/b/orders-openapi.yml']) {
      assert.ok(pattern.test(name), `${name} should match`);
    }
    for (const name of ['.github/workflows/ci.yml', 'package.json', 'openapi/paths/orders.yaml', 'docker-compose.yaml', 'openapi.yaml.bak']) {
      assert.ok(!pattern.test(name), `${name} should not match`);
    }
  });
});
