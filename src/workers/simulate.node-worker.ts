/** Worker-thread shell over the engine (see handleBlock.ts). */
import { parentPort } from 'node:worker_threads';
import { createBlockHandler } from './handleBlock.ts';
import type { WorkerRequest } from './protocol.ts';

const port = parentPort!;
const handle = createBlockHandler((response, transfer) => port.postMessage(response, transfer ?? []));
port.on('message', (msg: WorkerRequest) => handle(msg));
