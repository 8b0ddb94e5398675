// Runs sandboxed in the renderer before the page (bundled to CommonJS by
// vite.preload.config.ts: sandboxed preloads cannot be ES modules).
import { contextBridge, ipcRenderer } from 'electron';
import { HOST_GLOBAL } from '../shared/ipc.ts';
import { createPreloadHost } from './bridge.ts';

// ipcRenderer stays here, in the isolated world; the page gets named functions.
contextBridge.exposeInMainWorld(HOST_GLOBAL, createPreloadHost(ipcRenderer));
