/**
 * Guest code: `console`, the virtual clock (`Date`, `performance.now`) and timers
 * (`setTimeout`, `setInterval`, `setImmediate`, `queueMicrotask`). Timers live in the guest and
 * never fire on their own: the host's event loop asks for the next due timer and advances the
 * virtual clock to it, so waiting 2 s costs no real time and is counted exactly.
 *
 * The guest keeps a mirror of the virtual clock (`cs.clk`, a Float64Array: [0] virtual ms, [1] the
 * offset to wall time) that the host updates when it enters the guest and on every interrupt tick,
 * so reading the time needs no call to the host. Console lines are buffered with their virtual
 * time and handed to the host in batches (each line costs LOG_MS of virtual time).
 * The timers themselves are compiled on first use (timers-source.ts).
 */
export const CONSOLE_TIMERS_SOURCE = String.raw`
(function () {
  'use strict';
  var cs = globalThis.__coldstart;
  var host = cs.host;
  cs.info = JSON.parse(host.runtimeInfo());
  var clk = cs.clk = new Float64Array(2);

  // Parts of the runtime compiled on first use (the host evaluates them; see environment.ts).
  var loaded = Object.create(null);
  cs.load = function (part) {
    if (loaded[part]) return;
    loaded[part] = true;
    host.load(part);
  };
  function lazyGlobal(name, part) {
    Object.defineProperty(globalThis, name, {
      configurable: true,
      enumerable: false,
      get: function () { cs.load(part); return cs.globals[name]; },
      set: function (v) { Object.defineProperty(globalThis, name, { value: v, writable: true, configurable: true, enumerable: false }); }
    });
  }
  ['TextEncoder', 'TextDecoder', 'atob', 'btoa', 'Buffer', 'URL', 'URLSearchParams', 'crypto', 'structuredClone', 'fetch'].forEach(function (n) { lazyGlobal(n, 'globals'); });

  // The global Promise is replaced by a tracking one on first use (promise-source.ts).
  cs.NativePromise = Promise;
  var LOG_MS = cs.info.logLineMs;
  var stringify = JSON.stringify;

  // Buffered console lines: [time, level, text, time, level, text, ...], flushed in batches.
  var lines = [], buffered = 0;
  cs.line = function (level, text) {
    clk[0] += LOG_MS;
    lines.push(clk[0], level, text);
    buffered += text.length;
    if (buffered > 65536) cs.flushLogs();
  };
  cs.flushLogs = function () {
    if (!lines.length) return;
    var batch = lines;
    lines = [];
    buffered = 0;
    host.log(stringify(batch));
  };
  /** Lines not flushed yet, as JSON ('' when none); the host collects them when polling. */
  cs.takeLogs = function () {
    if (!lines.length) return '';
    var batch = lines;
    lines = [];
    buffered = 0;
    return stringify(batch);
  };

  /** util.format for the common case (strings, numbers, booleans) without loading inspect. */
  function simple(v) {
    var t = typeof v;
    if (t === 'string') return v;
    if (t === 'number') return v === 0 && 1 / v < 0 ? '-0' : '' + v;
    if (t === 'boolean' || v === undefined || v === null) return '' + v;
    if (t === 'bigint') return v + 'n';
    return null;
  }
  cs.format = function () {
    var a = arguments, out = '';
    if (!(typeof a[0] === 'string' && a[0].indexOf('%') !== -1)) {
      for (var i = 0; i < a.length; i++) {
        var s = simple(a[i]);
        if (s === null) { out = null; break; }
        out += i ? ' ' + s : s;
      }
      if (out !== null) return out;
    }
    cs.load('inspect');
    return cs.formatFull.apply(null, a);
  };
  cs.inspect = function (v, o) { cs.load('inspect'); return cs.inspectFull(v, o); };

  // console: each level maps to the column the Node.js runtime prints (FACTS.md, log lines).
  var counts = Object.create(null), timersByLabel = Object.create(null), groupIndent = '';
  function emit(level, args) {
    var text = cs.format.apply(null, args);
    if (groupIndent) text = groupIndent + text.split('\n').join('\n' + groupIndent);
    cs.line(level, text);
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
      cs.line('TRACE', 'Trace' + (msg ? ': ' + msg : '') + (frames ? '\n' + frames : ''));
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
    time: function (label) { timersByLabel[label === undefined ? 'default' : String(label)] = clk[0]; },
    timeEnd: function (label) { con.timeLog(label); delete timersByLabel[label === undefined ? 'default' : String(label)]; },
    timeLog: function (label) {
      label = label === undefined ? 'default' : String(label);
      var t = timersByLabel[label];
      if (t === undefined) { emit('WARN', ["Warning: No such label '" + label + "' for console.timeLog()"]); return; }
      emit('INFO', [label + ': ' + (clk[0] - t).toFixed(3) + 'ms']);
    },
    group: function () { if (arguments.length) emit('INFO', arguments); groupIndent += '  '; },
    groupEnd: function () { groupIndent = groupIndent.slice(2); }
  };
  con.groupCollapsed = con.group;
  globalThis.console = con;

  // Virtual wall clock: Date.now() and new Date() follow the invoke's virtual time.
  var RealDate = Date;
  function wallNow() { return clk[0] + clk[1]; }
  function VDate() {
    if (!new.target) return new RealDate(wallNow()).toString();
    var a = arguments;
    if (a.length === 0) return Reflect.construct(RealDate, [wallNow()], new.target);
    return Reflect.construct(RealDate, Array.prototype.slice.call(a), new.target);
  }
  VDate.prototype = RealDate.prototype;
  Object.defineProperty(RealDate.prototype, 'constructor', { value: VDate, writable: true, configurable: true });
  Object.defineProperty(VDate, 'name', { value: 'Date' });
  VDate.now = function () { return Math.floor(wallNow()); };
  VDate.parse = RealDate.parse;
  VDate.UTC = RealDate.UTC;
  globalThis.Date = VDate;

  globalThis.performance = {
    now: function () { return clk[0]; },
    get timeOrigin() { return clk[1]; },
    mark: function () {}, measure: function () {}
  };
})();
`;
