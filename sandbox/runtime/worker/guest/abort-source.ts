/**
 * Guest code, compiled the first time a handler names AbortController, AbortSignal, EventTarget,
 * Event or DOMException (see core-source.ts): Node's globals for cancelling work, on the virtual
 * clock (`AbortSignal.timeout(ms)` fires after ms of virtual time and, like Node's, does not keep
 * the event loop alive). Reasons are DOMExceptions named AbortError or TimeoutError, as in Node.
 */
export const ABORT_SOURCE = String.raw`
(function () {
  'use strict';
  var cs = globalThis.__coldstart;
  var defineProperty = Object.defineProperty;
  var CODES = { AbortError: 20, TimeoutError: 23, NotSupportedError: 9, InvalidStateError: 11 };

  class DOMException extends Error {
    constructor(message, name) {
      super(message === undefined ? '' : String(message));
      var n = name === undefined ? 'Error' : typeof name === 'object' && name !== null ? String(name.name || 'Error') : String(name);
      defineProperty(this, 'name', { value: n, writable: true, configurable: true, enumerable: false });
    }
    get code() { return CODES[this.name] || 0; }
  }

  class Event {
    constructor(type, init) {
      if (arguments.length === 0) throw new TypeError('The "type" argument must be specified');
      init = init || {};
      defineProperty(this, '_', { value: { type: String(type), cancelable: !!init.cancelable, bubbles: !!init.bubbles, canceled: false, target: null, stop: false, time: performance.now() } });
    }
    get type() { return this._.type; }
    get target() { return this._.target; }
    get currentTarget() { return this._.target; }
    get srcElement() { return this._.target; }
    get cancelable() { return this._.cancelable; }
    get bubbles() { return this._.bubbles; }
    get defaultPrevented() { return this._.cancelable && this._.canceled; }
    get timeStamp() { return this._.time; }
    get isTrusted() { return false; }
    get eventPhase() { return this._.target ? 2 : 0; }
    preventDefault() { this._.canceled = true; }
    stopPropagation() {}
    stopImmediatePropagation() { this._.stop = true; }
    composedPath() { return this._.target ? [this._.target] : []; }
  }

  var listenersOf = new WeakMap();
  class EventTarget {
    addEventListener(type, listener, options) {
      if (listener === null || listener === undefined) return;
      var once = typeof options === 'object' && options !== null && !!options.once;
      var signal = typeof options === 'object' && options !== null ? options.signal : undefined;
      if (signal && signal.aborted) return;
      var map = listenersOf.get(this);
      if (!map) listenersOf.set(this, (map = Object.create(null)));
      var list = map[type] || (map[type] = []);
      for (var i = 0; i < list.length; i++) if (list[i].listener === listener) return;
      var entry = { listener: listener, once: once };
      list.push(entry);
      var self = this;
      if (signal) signal.addEventListener('abort', function () { self.removeEventListener(type, listener); }, { once: true });
    }
    removeEventListener(type, listener) {
      var map = listenersOf.get(this), list = map && map[type];
      if (!list) return;
      for (var i = 0; i < list.length; i++) if (list[i].listener === listener) { list.splice(i, 1); return; }
    }
    dispatchEvent(event) {
      if (!(event instanceof Event)) throw new TypeError('The "event" argument must be an instance of Event. Received ' + typeof event);
      event._.target = this;
      var map = listenersOf.get(this), calls = map && map[event.type] ? map[event.type].slice() : [];
      for (var i = 0; i < calls.length && !event._.stop; i++) {
        var entry = calls[i];
        if (entry.once) this.removeEventListener(event.type, entry.listener);
        try {
          if (typeof entry.listener === 'function') entry.listener.call(this, event);
          else if (entry.listener && typeof entry.listener.handleEvent === 'function') entry.listener.handleEvent(event);
        } catch (e) {
          // Node reports a listener's exception as uncaught, after the dispatch.
          cs.reportUncaught(e);
        }
      }
      return !event.defaultPrevented;
    }
  }

  var creating = false;
  var states = new WeakMap();
  class AbortSignal extends EventTarget {
    constructor() {
      if (!creating) throw new TypeError('Illegal constructor');
      super();
      states.set(this, { aborted: false, reason: undefined, onabort: null });
    }
    get onabort() { return states.get(this).onabort; }
    set onabort(fn) {
      var state = states.get(this);
      // As in the DOM, the handler runs at the place among the listeners where it was first set.
      if (!state.handlerListener && typeof fn === 'function') {
        state.handlerListener = function (event) { if (state.onabort) state.onabort.call(this, event); };
        this.addEventListener('abort', state.handlerListener);
      }
      state.onabort = typeof fn === 'function' ? fn : null;
    }
    get aborted() { return states.get(this).aborted; }
    get reason() { return states.get(this).reason; }
    throwIfAborted() { if (this.aborted) throw this.reason; }
    static abort(reason) { var s = newSignal(); abortSignal(s, reason); return s; }
    static timeout(ms) {
      var s = newSignal();
      var timer = setTimeout(function () { abortSignal(s, new DOMException('The operation was aborted due to timeout', 'TimeoutError')); }, ms);
      if (timer && typeof timer.unref === 'function') timer.unref();
      return s;
    }
    static any(signals) {
      var s = newSignal(), list = Array.from(signals);
      for (var i = 0; i < list.length; i++) if (list[i].aborted) { abortSignal(s, list[i].reason); return s; }
      list.forEach(function (other) { other.addEventListener('abort', function () { abortSignal(s, other.reason); }, { once: true }); });
      return s;
    }
  }
  function newSignal() {
    creating = true;
    try { return new AbortSignal(); } finally { creating = false; }
  }
  function abortSignal(signal, reason) {
    var state = states.get(signal);
    if (state.aborted) return;
    state.aborted = true;
    state.reason = reason === undefined ? new DOMException('This operation was aborted', 'AbortError') : reason;
    signal.dispatchEvent(new Event('abort'));
  }

  class AbortController {
    constructor() { defineProperty(this, '_signal', { value: newSignal() }); }
    get signal() { return this._signal; }
    abort(reason) { abortSignal(this._signal, reason); }
  }

  [['DOMException', DOMException], ['Event', Event], ['EventTarget', EventTarget], ['AbortSignal', AbortSignal], ['AbortController', AbortController]].forEach(function (pair) {
    defineProperty(globalThis, pair[0], { value: pair[1], writable: true, enumerable: false, configurable: true });
  });
})();
`;
