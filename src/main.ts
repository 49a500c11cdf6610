/** Browser entry: mounts the workbench. */
import { mountApp } from './ui/app.ts';

const unmount = mountApp(document.getElementById('app')!);

// In development, Vite replaces this module when a source file changes: the old workbench lets go
// of its views, workers and listeners before the new one mounts (a production build drops this).
if (import.meta.hot) {
  import.meta.hot.dispose(unmount);
  import.meta.hot.accept();
}
