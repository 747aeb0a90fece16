// Errors keep their class across the worker boundary. Comlink's own handler turns every thrown error into a plain Error
// (a RangeError from a bad tolerance would arrive as Error and the panel could not tell it from a crash); this one sends
// the class name and the error's own fields, and rebuilds the same class on the other side. Installed by both sides.
import * as Comlink from 'comlink';

type ErrorClass = new (message?: string) => Error;

const CLASSES = new Map<string, ErrorClass>([
  ['Error', Error], ['RangeError', RangeError], ['TypeError', TypeError], ['SyntaxError', SyntaxError], ['EvalError', EvalError],
  ['URIError', URIError], ['ReferenceError', ReferenceError],
]);

/** Lets an app error class cross the boundary as itself (register it on both sides, by a unique name). */
export function registerErrorClass(name: string, cls: ErrorClass) {
  CLASSES.set(name, cls);
}

interface WireError {
  isError: true;
  name: string;
  message: string;
  stack?: string;
  fields: Record<string, unknown>;
}

/** The error as plain data (own enumerable fields kept, e.g. a reason's code and params). */
export function toWire(err: Error): WireError {
  const fields: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(err)) {
    try {
      structuredClone(v);
      fields[k] = v;
    } catch {
      /* a field that cannot be copied stays behind */
    }
  }
  return { isError: true, name: registeredClassOf(err) ?? err.name, message: err.message, stack: err.stack, fields };
}

/** The name of the error's class, or of its nearest registered ancestor (a GeoError travels as the RangeError it is). */
function registeredClassOf(err: Error): string | undefined {
  for (let p = Object.getPrototypeOf(err); p && p !== Object.prototype; p = Object.getPrototypeOf(p)) {
    const name = (p.constructor as { name?: string } | undefined)?.name;
    if (name && CLASSES.has(name)) return name;
  }
  return undefined;
}

/** The same class again (Error when the class is not registered on this side), with its fields. */
export function fromWire(w: WireError): Error {
  const Cls = CLASSES.get(w.name) ?? Error;
  const err = new Cls(w.message);
  Object.assign(err, w.fields);
  if (err.name !== w.name) Object.defineProperty(err, 'name', { value: w.name, configurable: true, writable: true });
  if (w.stack) err.stack = w.stack;
  return err;
}

let installed = false;

/** Replaces Comlink's "throw" handler (idempotent). */
export function installErrorTransfer() {
  if (installed) return;
  installed = true;
  const base = Comlink.transferHandlers.get('throw')!;
  Comlink.transferHandlers.set('throw', {
    canHandle: base.canHandle,
    serialize(thrown: unknown) {
      const { value } = thrown as { value: unknown };
      return [value instanceof Error ? toWire(value) : { isError: false, value }, []];
    },
    deserialize(serialized: unknown) {
      const s = serialized as WireError | { isError: false; value: unknown };
      throw s.isError ? fromWire(s) : s.value;
    },
  } as Comlink.TransferHandler<unknown, unknown>);
}
