/**
 * Worker-thread shell over the engine (see handleBlock.ts).
 *
 * Test hook: a thread started with `workerData.testExit` (runners/nodeThreads.ts, `exitOnBlock`)
 * also obeys `{ type: 'test-exit' }` by exiting with code 3, as a crashed thread would; a thread
 * started without it never listens for that message.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createBlockHandler } from './handleBlock.ts';
import type { WorkerRequest } from './protocol.ts';

const port = parentPort!;
const handle = createBlockHandler((response, transfer) => port.postMessage(response, transfer ?? []));
const testExit = (workerData as { testExit?: boolean } | null)?.testExit === true;
port.on('message', (msg: WorkerRequest | { type: 'test-exit' }) => {
  if (testExit && msg.type === 'test-exit') process.exit(3);
  handle(msg as WorkerRequest);
});
