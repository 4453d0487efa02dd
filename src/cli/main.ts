import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { runAsWorker } from './pool';

// The same bundle runs the lint workers: a worker never parses a command line.
if (!isMainThread) {
  runAsWorker(workerData, (outcome) => parentPort!.postMessage(outcome));
} else {
  void main();
}

async function main(): Promise<void> {
  // `restlint … | head`: a reader that stops early is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  const argv = process.argv.slice(2);
  // Required here, not imported at the top, so lint workers never load yargs, and the usual
  // command lines (`lint` with the common options, `--version`) need not either (fast-path.ts).
   
  const fast = (require('./fast-path') as typeof import('./fast-path')).runFast(argv);
   
  process.exitCode = await (fast ?? (require('./commands') as typeof import('./commands')).run(argv));
  const { exitRequested, flushed } = require('./exit') as typeof import('./exit');
  if (exitRequested()) {
    await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
    process.exit(process.exitCode);
  }
}
