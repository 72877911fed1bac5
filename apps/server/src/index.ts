export { startServer, openDatabase, type RunningServer, type StartOptions } from './server.ts';
export { createApp } from './yoga.ts';
