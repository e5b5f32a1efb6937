/**
 * Guest code, compiled the first time a handler names an error constructor (`new Error(...)`,
 * `class X extends Error`, `Error.captureStackTrace`): V8's error stacks on QuickJS. QuickJS gives
 * an error a `stack` of frames only and has no `Error.captureStackTrace`, so the everyday Node
 * pattern `class ValidationError extends Error { constructor(m) { super(m);
 * Error.captureStackTrace(this, ValidationError); } }` threw a TypeError, and `console.log(err.stack)`
 * lacked Node's first line. The global constructors become proxies of the native ones (prototypes,
 * `instanceof` and subclassing unchanged) that give each error V8's `stack`: "Name: message" and
 * the frames, formatted on first read like V8 does, so a name set in a subclass's constructor
 * shows. Errors QuickJS throws by itself (a TypeError for `null.x`) keep its frames-only stack.
 */
export const STACKS_SOURCE = String.raw`
(function () {
  'use strict';
  var cs = globalThis.__coldstart;
  var natives = cs.nativeErrors;
  var NativeError = natives.Error;
  var defineProperty = Object.defineProperty;
  var construct = Reflect.construct, apply = Reflect.apply;
  /** The frames this file and the engine's Reflect add on top of the caller's. */
  var OWN_FRAME = /\/var\/runtime\/stacks\.js:|\(native\)/;

  NativeError.stackTraceLimit = 10;

  /** "Name: message", as V8 starts a stack (read when the stack is first formatted). */
  function header(e) {
    var name, message;
    try { name = e.name; message = e.message; } catch (x) {}
    name = name === undefined ? 'Error' : String(name);
    message = message === undefined ? '' : String(message);
    return name === '' ? message : message === '' ? name : name + ': ' + message;
  }
  /** The caller's frames from a QuickJS stack, after the frame of the function named 'above' if given. */
  function callerFrames(stack, above) {
    var lines = typeof stack === 'string' ? stack.split('\n') : [], i = 0, j;
    while (i < lines.length && OWN_FRAME.test(lines[i])) i++;
    if (above !== undefined) {
      for (j = i; j < lines.length && lines[j].indexOf('    at ' + above + ' (') !== 0; j++);
      // V8 leaves the trace empty when the function is not on the stack.
      i = j < lines.length ? j + 1 : lines.length;
    }
    var limit = NativeError.stackTraceLimit, out = [];
    if (typeof limit !== 'number' || !(limit >= 0)) limit = 0;
    for (; i < lines.length && out.length < limit; i++) if (lines[i]) out.push(lines[i]);
    return out;
  }
  /** A stack V8-style: formatted on first read, then a plain writable value. */
  function install(e, frames) {
    function settle(target, value) {
      defineProperty(target, 'stack', { value: value, writable: true, enumerable: false, configurable: true });
    }
    defineProperty(e, 'stack', {
      get: function () {
        var value = header(this) + (frames.length ? '\n' + frames.join('\n') : '');
        settle(this, value);
        return value;
      },
      set: function (value) { settle(this, value); },
      enumerable: false,
      configurable: true
    });
  }

  var traps = {
    construct: function (target, args, newTarget) {
      var e = construct(target, args, newTarget);
      install(e, callerFrames(e.stack));
      return e;
    },
    apply: function (target, self, args) {
      var e = apply(target, self, args);
      install(e, callerFrames(e.stack));
      return e;
    }
  };

  defineProperty(NativeError, 'captureStackTrace', {
    value: function captureStackTrace(object, constructorOpt) {
      if (object === null || (typeof object !== 'object' && typeof object !== 'function')) {
        throw new natives.TypeError('Invalid argument');
      }
      var above = typeof constructorOpt === 'function' ? String(constructorOpt.name || '<anonymous>') : undefined;
      install(object, callerFrames(new NativeError().stack, above));
    },
    writable: true,
    enumerable: false,
    configurable: true
  });

  for (var name in natives) {
    var native = natives[name];
    if (typeof native !== 'function') continue;
    var proxy = new Proxy(native, traps);
    // err.constructor === Error, as with the native constructors.
    defineProperty(native.prototype, 'constructor', { value: proxy, writable: true, enumerable: false, configurable: true });
    defineProperty(globalThis, name, { value: proxy, writable: true, enumerable: false, configurable: true });
  }
})();
`;
