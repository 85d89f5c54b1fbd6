// The entry of every worker thread: threads do not inherit the tsx hooks the CLI (or the test runner)
// put in place, so this registers them before loading the TypeScript module the thread is for.
import { register } from 'tsx/esm/api';
import { workerData } from 'node:worker_threads';

register();
await import(workerData.module);
