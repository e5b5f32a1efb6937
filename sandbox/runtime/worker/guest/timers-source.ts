/**
 * Guest code: timers on the virtual clock (`setTimeout`, `setInterval`, `setImmediate`, their
 * clear functions, `queueMicrotask`, `node:timers/promises`). Timers live in the guest and never
 * fire on their own: the host's event loop asks for the next due timer (`cs.nextTimerDue`) and
 * advances the virtual clock to it (`cs.fire`), so waiting 2 s costs no real time and is counted
 * exactly. Compiled on first use (see core-source.ts): most handlers never set a timer.
 */
export const TIMERS_SOURCE = String.raw`
(function () {
  'use strict';
  var cs = globalThis.__coldstart;
  var clk = cs.clk;

  // Timers on the virtual clock.
  var timers = new Map(), nextId = 1, seq = 0, dirty = true, best = null;
  function Timeout(id) { this._id = id; }
  Timeout.prototype.ref = function () { return this; };
  Timeout.prototype.unref = function () { return this; };
  Timeout.prototype.hasRef = function () { return true; };
  Timeout.prototype.refresh = function () { var t = timers.get(this._id); if (t) { t.due = clk[0] + t.delay; dirty = true; } return this; };
  Timeout.prototype[Symbol.toPrimitive] = function () { return this._id; };
  function schedule(kind, fn, delay, args) {
    if (typeof fn !== 'function') {
      var e = new TypeError('The "callback" argument must be of type function. Received ' + (fn === null ? 'null' : typeof fn));
      e.code = 'ERR_INVALID_ARG_TYPE';
      throw e;
    }
    delay = Number(delay);
    if (kind === 'immediate') delay = 0;
    else if (!(delay >= 1 && delay <= 2147483647)) delay = 1;
    var id = nextId++;
    var t = { id: id, fn: fn, args: args, delay: delay, due: clk[0] + delay, seq: seq++, repeat: kind === 'interval' };
    timers.set(id, t);
    if (!dirty && (!best || t.due < best.due)) best = t;
    return kind === 'immediate' ? { _id: id, ref: Timeout.prototype.ref, unref: Timeout.prototype.unref, hasRef: Timeout.prototype.hasRef } : new Timeout(id);
  }
  function idOf(h) { return h && typeof h === 'object' ? h._id : Number(h); }
  globalThis.setTimeout = function (fn, delay) { return schedule('timeout', fn, delay, Array.prototype.slice.call(arguments, 2)); };
  // The SDK's latencies use the original timer even if a handler replaces globalThis.setTimeout.
  cs.setTimer = globalThis.setTimeout;
  globalThis.setInterval = function (fn, delay) { return schedule('interval', fn, delay, Array.prototype.slice.call(arguments, 2)); };
  globalThis.setImmediate = function (fn) { return schedule('immediate', fn, 0, Array.prototype.slice.call(arguments, 1)); };
  globalThis.clearTimeout = globalThis.clearInterval = globalThis.clearImmediate = function (h) { if (timers.delete(idOf(h))) dirty = true; };
  globalThis.queueMicrotask = function (fn) {
    if (typeof fn !== 'function') throw new TypeError('The "callback" argument must be of type function');
    Promise.resolve().then(function () { try { fn(); } catch (e) { cs.reportUncaught(e); } });
  };

  function earliest() {
    if (!dirty) return best;
    best = null;
    timers.forEach(function (t) { if (!best || t.due < best.due || (t.due === best.due && t.seq < best.seq)) best = t; });
    dirty = false;
    return best;
  }
  /** Virtual time the next timer is due, or -1 when none is scheduled (the event loop is empty). */
  cs.nextTimerDue = function () { var t = earliest(); return t ? t.due : -1; };
  /** Fire the earliest timer at virtual time now (the host has advanced its clock to it). */
  cs.fire = function (now) {
    if (now > clk[0]) clk[0] = now;
    var t = earliest();
    if (!t) return;
    dirty = true;
    if (t.repeat) { t.due = t.due + t.delay; t.seq = seq++; } else timers.delete(t.id);
    try { t.fn.apply(undefined, t.args); } catch (e) { cs.reportUncaught(e); }
  };
  cs.timers = {
    setTimeout: function (ms, value) { return new Promise(function (resolve) { globalThis.setTimeout(resolve, ms, value); }); },
    setImmediate: function (value) { return new Promise(function (resolve) { globalThis.setImmediate(resolve, value); }); }
  };
})();
`;
