/**
 * Guest code, compiled the first time handler code reads the global `Promise` (see
 * core-source.ts): unhandled promise rejections. QuickJS's rejection tracker is not
 * reachable from the host, so promises made through the global Promise are tracked here (see
 * SUPPORTED.md for the limits); `cs.takeUnhandled` hands the ones nobody handled to the runtime.
 * Promises made by async functions and `import()` are QuickJS's own and were never tracked, so
 * a handler that never names `Promise` has nothing to track.
 */
export const TRACKED_PROMISE_SOURCE = String.raw`
(function () {
  'use strict';
  var cs = globalThis.__coldstart;
  var NativePromise = cs.NativePromise, nativeThen = NativePromise.prototype.then;
  var unhandled = new Map(), handled = new WeakSet();
  function TrackedPromise(executor) {
    if (!new.target) throw new TypeError("Promise constructor cannot be invoked without 'new'");
    var self, early = false, reason;
    self = Reflect.construct(NativePromise, [function (resolve, reject) {
      executor(resolve, function (r) {
        reject(r);
        if (self === undefined) { early = true; reason = r; }
        else if (!handled.has(self)) unhandled.set(self, r);
      });
    }], new.target);
    if (early && !handled.has(self)) unhandled.set(self, reason);
    return self;
  }
  TrackedPromise.prototype = Object.create(NativePromise.prototype, { constructor: { value: TrackedPromise, writable: true, configurable: true } });
  Object.defineProperty(TrackedPromise.prototype, 'then', {
    value: function then(a, b) {
      if (unhandled.size) unhandled.delete(this);
      if (this !== null && typeof this === 'object') handled.add(this);
      return nativeThen.call(this, a, b);
    },
    writable: true, configurable: true
  });
  Object.setPrototypeOf(TrackedPromise, NativePromise);
  Object.defineProperty(TrackedPromise, Symbol.hasInstance, { value: function (v) { return v instanceof NativePromise; } });
  Object.defineProperty(TrackedPromise, 'name', { value: 'Promise' });
  Object.defineProperty(globalThis, 'Promise', { value: TrackedPromise, writable: true, configurable: true, enumerable: false });
  /** The rejections nobody handled since the last check, oldest first ([promise, reason] pairs), or undefined. */
  cs.takeUnhandled = function () {
    if (!unhandled.size) return undefined;
    var list = Array.from(unhandled);
    unhandled.clear();
    return list;
  };
})();
`;
