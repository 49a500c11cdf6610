// Starts the simulation worker under tsx: Node 20 cannot load a .ts file in worker_threads by
// itself (ERR_UNKNOWN_FILE_EXTENSION, even with --import tsx), so this plain module registers tsx
// and then imports the TypeScript shell.
import { register } from 'tsx/esm/api';

register();
await import('./simulate.node-worker.ts');
