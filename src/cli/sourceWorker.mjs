// A worker thread of `generate --jobs N` when the command runs from its TypeScript source (no
// bundle, or the tests): tsx is registered in the worker first, since Node 20 carries neither
// the main thread's module hooks nor an `--import` of them over to a worker. Then the entry.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.chainwrightEntry);
