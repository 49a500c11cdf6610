/** Browser entry: mounts the workbench. */
import { mountApp } from './ui/app.ts';

mountApp(document.getElementById('app')!);
