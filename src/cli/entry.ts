// The command line's entry: what scripts/build-cli.mjs bundles, and what bin/chainwright.js
// runs from source (through tsx) when there is no up-to-date bundle. The worker threads of
// `generate --jobs N` start this same module: the bundle when the command runs from the bundle.
import { isMainThread } from 'node:worker_threads';
import { serveJob, setWorkerEntry } from './jobs.ts';
import { run } from './main.ts';

if (isMainThread) {
  setWorkerEntry(import.meta.url);
  process.exitCode = await run(process.argv.slice(2));
} else serveJob();
