// The one worker: exposes lib.ts with Comlink, so calls are typed (`typeof lib`) and nothing dispatches by name.
import * as Comlink from 'comlink';
import { installErrorTransfer } from './errors';
import * as lib from './lib';

installErrorTransfer();
Comlink.expose(lib);
