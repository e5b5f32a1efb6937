/**
 * Guest code: `console`, the virtual clock (`Date`, `performance.now`) and timers
 * (`setTimeout`, `setInterval`, `setImmediate`, `queueMicrotask`). Timers live in the guest and
 * never fire on their own: the host's event loop asks for the next due timer and advances the
 * virtual clock to it, so waiting 2 s costs no real time and is counted exactly.
 */
export const CONSOLE_TIMERS_SOURCE = String.raw`
(function () {
  'use strict';
  var cs = globalThis.__coldstart;
  var host = cs.host;

  // console: each level maps to the column the Node.js runtime prints (FACTS.md, log lines).
  var counts = Object.create(null), timersByLabel = Object.create(null), groupIndent = '';
  function emit(level, args) {
    var text = cs.format.apply(null, args);
    if (groupIndent) text = groupIndent + text.split('\n').join('\n' + groupIndent);
    host.log(level, text);
  }
  var con = {
    log: function () { emit('INFO', arguments); },
    info: function () { emit('INFO', arguments); },
    warn: function () { emit('WARN', arguments); },
    error: function () { emit('ERROR', arguments); },
    debug: function () { emit('DEBUG', arguments); },
    trace: function () {
      var err = new Error();
      var msg = cs.format.apply(null, arguments);
      var frames = (err.stack || '').split('\n').slice(1).filter(Boolean).join('\n');
      host.log('TRACE', 'Trace' + (msg ? ': ' + msg : '') + (frames ? '\n' + frames : ''));
    },
    dir: function (v) { emit('INFO', [cs.inspect(v)]); },
    table: function (v) { emit('INFO', [v]); },
    assert: function (cond) {
      if (cond) return;
      var rest = Array.prototype.slice.call(arguments, 1);
      rest.unshift('Assertion failed' + (rest.length ? ':' : ''));
      emit('ERROR', rest);
    },
    count: function (label) { label = label === undefined ? 'default' : String(label); counts[label] = (counts[label] || 0) + 1; emit('INFO', [label + ': ' + counts[label]]); },
    countReset: function (label) { counts[label === undefined ? 'default' : String(label)] = 0; },
    time: function (label) { timersByLabel[label === undefined ? 'default' : String(label)] = host.now(); },
    timeEnd: function (label) { con.timeLog(label); delete timersByLabel[label === undefined ? 'default' : String(label)]; },
    timeLog: function (label) {
      label = label === undefined ? 'default' : String(label);
      var t = timersByLabel[label];
      if (t === undefined) { emit('WARN', ["Warning: No such label '" + label + "' for console.timeLog()"]); return; }
      emit('INFO', [label + ': ' + (host.now() - t).toFixed(3) + 'ms']);
    },
    group: function () { if (arguments.length) emit('INFO', arguments); groupIndent += '  '; },
    groupEnd: function () { groupIndent = groupIndent.slice(2); }
  };
  con.groupCollapsed = con.group;
  globalThis.console = con;

  // Virtual wall clock: Date.now() and new Date() follow the invoke's virtual time.
  var RealDate = Date;
  function VDate() {
    if (!new.target) return new RealDate(host.wallNow()).toString();
    var a = arguments;
    if (a.length === 0) return Reflect.construct(RealDate, [host.wallNow()], new.target);
    return Reflect.construct(RealDate, Array.prototype.slice.call(a), new.target);
  }
  VDate.prototype = RealDate.prototype;
  Object.defineProperty(RealDate.prototype, 'constructor', { value: VDate, writable: true, configurable: true });
  Object.defineProperty(VDate, 'name', { value: 'Date' });
  VDate.now = function () { return Math.floor(host.wallNow()); };
  VDate.parse = RealDate.parse;
  VDate.UTC = RealDate.UTC;
  globalThis.Date = VDate;

  globalThis.performance = {
    now: function () { return host.now(); },
    timeOrigin: host.wallNow() - host.now(),
    mark: function () {}, measure: function () {}
  };

  // Timers on the virtual clock.
  var timers = new Map(), nextId = 1, seq = 0;
  function Timeout(id) { this._id = id; }
  Timeout.prototype.ref = function () { return this; };
  Timeout.prototype.unref = function () { return this; };
  Timeout.prototype.hasRef = function () { return true; };
  Timeout.prototype.refresh = function () { var t = timers.get(this._id); if (t) t.due = host.now() + t.delay; return this; };
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
    timers.set(id, { id: id, fn: fn, args: args, delay: delay, due: host.now() + delay, seq: seq++, repeat: kind === 'interval' });
    return kind === 'immediate' ? { _id: id, ref: Timeout.prototype.ref, unref: Timeout.prototype.unref, hasRef: Timeout.prototype.hasRef } : new Timeout(id);
  }
  function idOf(h) { return h && typeof h === 'object' ? h._id : Number(h); }
  globalThis.setTimeout = function (fn, delay) { return schedule('timeout', fn, delay, Array.prototype.slice.call(arguments, 2)); };
  globalThis.setInterval = function (fn, delay) { return schedule('interval', fn, delay, Array.prototype.slice.call(arguments, 2)); };
  globalThis.setImmediate = function (fn) { return schedule('immediate', fn, 0, Array.prototype.slice.call(arguments, 1)); };
  globalThis.clearTimeout = globalThis.clearInterval = globalThis.clearImmediate = function (h) { timers.delete(idOf(h)); };
  globalThis.queueMicrotask = function (fn) {
    if (typeof fn !== 'function') throw new TypeError('The "callback" argument must be of type function');
    Promise.resolve().then(function () { try { fn(); } catch (e) { cs.reportUncaught(e); } });
  };

  function earliest() {
    var best = null;
    timers.forEach(function (t) { if (!best || t.due < best.due || (t.due === best.due && t.seq < best.seq)) best = t; });
    return best;
  }
  /** Virtual time the next timer is due, or -1 when none is scheduled (the event loop is empty). */
  cs.nextTimerDue = function () { var t = earliest(); return t ? t.due : -1; };
  /** Fire the earliest timer (the host has already advanced the clock to its due time). */
  cs.runNextTimer = function () {
    var t = earliest();
    if (!t) return;
    if (t.repeat) { t.due = t.due + t.delay; t.seq = seq++; } else timers.delete(t.id);
    try { t.fn.apply(undefined, t.args); } catch (e) { cs.reportUncaught(e); }
  };
  cs.timers = {
    setTimeout: function (ms, value) { return new Promise(function (resolve) { globalThis.setTimeout(resolve, ms, value); }); },
    setImmediate: function (value) { return new Promise(function (resolve) { globalThis.setImmediate(resolve, value); }); }
  };
})();
`;
