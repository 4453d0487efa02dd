import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { lintFilesHere, type FileOutcome, type LintTask } from './lint-worker';

/** Below this much input, starting a worker costs more than it saves. */
const PARALLEL_MIN_BYTES = 2 * 1024 * 1024;

/**
 * Lints files on every core: files are split by size into one batch per core (largest
 * first, each to the lightest batch), this thread takes one batch and worker threads the
 * rest. Static batches need no messages while linting; only results come back.
 */
export async function lintFiles(files: readonly string[], task: LintTask, onDone: (outcome: FileOutcome) => void): Promise<FileOutcome[]> {
  const sizes = files.map((file) => sizeOf(file));
  const total = sizes.reduce((sum, size) => sum + size, 0);
  const threads = Math.min(availableParallelism(), files.length);
  if (threads < 2 || total < PARALLEL_MIN_BYTES) return lintFilesHere(files, task, onDone);

  const batches: { files: string[]; bytes: number }[] = Array.from({ length: threads }, () => ({ files: [], bytes: 0 }));
  const order = files.map((file, index) => ({ file, size: sizes[index] })).sort((a, b) => b.size - a.size);
  for (const { file, size } of order) {
    const lightest = batches.reduce((best, batch) => (batch.bytes < best.bytes ? batch : best));
    lightest.files.push(file);
    lightest.bytes += size;
  }
  const [own, ...others] = batches;
  const running = others.map((batch) => runWorker(batch.files, task, onDone));
  // Let the workers start before this thread goes busy.
  await new Promise((resolve) => setImmediate(resolve));
  const mine = lintFilesHere(own.files, task, onDone);
  const outcomes = [...mine, ...(await Promise.all(running)).flat()];
  const byFile = new Map(outcomes.map((outcome) => [outcome.file, outcome]));
  return files.map((file) => byFile.get(file)!);
}

function runWorker(files: string[], task: LintTask, onDone: (outcome: FileOutcome) => void): Promise<FileOutcome[]> {
  return new Promise((resolve, reject) => {
    const outcomes: FileOutcome[] = [];
    const worker = new Worker(__filename, { workerData: { files, task } });
    worker.on('message', (outcome: FileOutcome) => {
      outcomes.push(outcome);
      onDone(outcome);
    });
    worker.on('error', reject);
    worker.on('exit', (code) => (code === 0 ? resolve(outcomes) : reject(new Error(`lint worker exited with code ${code}`))));
  });
}

/** The worker side: lint the batch, post each outcome as it is ready. */
export function runAsWorker(data: { files: string[]; task: LintTask }, post: (outcome: FileOutcome) => void): void {
  lintFilesHere(data.files, data.task, post);
}

function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}
