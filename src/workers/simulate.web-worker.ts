/** Web Worker shell over the engine (the browser's twin of simulate.node-worker.ts; see handleBlock.ts). */
import { createBlockHandler } from './handleBlock.ts';
import type { WorkerRequest } from './protocol.ts';

const handle = createBlockHandler((response, transfer) =>
  (self as unknown as Worker).postMessage(response, transfer ?? []),
);
self.onmessage = (event: MessageEvent<WorkerRequest>) => handle(event.data);
