/**
 * Guest code evaluated in every new environment: the virtual clock's mirror, console logging,
 * and the stubs of everything compiled on first use. Compiling is most of a new environment's
 * real cost and most handlers use little of the runtime, so the timers (timers-source.ts),
 * `process`, EventEmitter and CommonJS `require` (modules-source.ts), the tracking `Promise`
 * (promise-source.ts), `Date` and `performance` (clock-source.ts), the Node globals
 * (node-globals-source.ts), the less common console methods (console-extras-source.ts), the
 * description of errors (errors-source.ts), V8-style error stacks (stacks-source.ts), Intl and the
 * locale methods (intl-source.ts) and AbortController with its kin (abort-source.ts) start as
 * accessor globals or stub functions: the first
 * use loads the part, whose plain data properties (as before) then replace the accessors. A
 * handler that replaced one of these globals before its part loaded keeps its own value. Until
 * the timers are loaded the host sees no timer due; until the Promise is, no rejection is tracked.
 * Globals are defined in the order Node's would be listed.
 *
 * The guest keeps a mirror of the virtual clock (`cs.clk`, a Float64Array: [0] virtual ms, [1] the
 * offset to wall time) that the host updates when it enters the guest and on every interrupt tick,
 * so reading the time needs no call to the host. Console lines are buffered with their virtual
 * time and handed to the host in batches (each line costs LOG_MS of virtual time).
 */
export const CORE_SOURCE = String.raw`
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

  // Replaced on first use by a tracking Promise (promise-source.ts) and a virtual Date
  // (clock-source.ts); their parts start from the originals.
  cs.NativePromise = Promise;
  cs.NativeDate = Date;
  /**
   * Accessor globals for names that part defines; returns the function that loads it. Names in
   * 'hidden' are not enumerable, like Node's built-in classes.
   */
  function defer(part, names, keep, beforeLoad, hidden) {
    var loaded = false, getters = {}, i, n;
    function load() {
      if (loaded) return;
      loaded = true;
      var kept = {}, all = names.concat(keep), k, d;
      for (k = 0; k < all.length; k++) {
        d = Object.getOwnPropertyDescriptor(globalThis, all[k]);
        if (!(d && d.get === getters[all[k]])) kept[all[k]] = d;
      }
      if (beforeLoad) beforeLoad();
      cs.load(part);
      for (k in kept) {
        if (kept[k]) Object.defineProperty(globalThis, k, kept[k]);
        else delete globalThis[k];
      }
    }
    for (i = 0; i < names.length; i++) {
      n = names[i];
      getters[n] = accessor(load, n, !(hidden && hidden.indexOf(n) !== -1));
    }
    return load;
  }
  /** The accessor global "name": reading loads its part, writing makes it a plain value. */
  function accessor(load, name, enumerable) {
    function get() { load(); return globalThis[name]; }
    Object.defineProperty(globalThis, name, {
      get: get,
      set: function (v) { Object.defineProperty(globalThis, name, { value: v, writable: true, enumerable: enumerable, configurable: true }); },
      enumerable: enumerable,
      configurable: true
    });
    return get;
  }
  /** cs[name] calls the loaded part's function of the same name, for each name. */
  function forward(load, names) {
    for (var i = 0; i < names.length; i++) stub(load, names[i]);
  }
  function stub(load, name) {
    var f = cs[name] = function () {
      load();
      if (cs[name] === f) throw new Error('Coldstart could not load its ' + name + ' support');
      return cs[name].apply(undefined, arguments);
    };
  }

  // Like Node's, the global Promise, Date and the Node globals are not enumerable.
  var nodeGlobals = ['TextEncoder', 'TextDecoder', 'atob', 'btoa', 'Buffer', 'URL', 'URLSearchParams', 'crypto', 'structuredClone', 'fetch'];
  defer('globals', nodeGlobals, [], undefined, nodeGlobals);

  var abortGlobals = ['AbortController', 'AbortSignal', 'EventTarget', 'Event', 'DOMException'];
  defer('abort', abortGlobals, [], undefined, abortGlobals);

  // Intl and the locale methods come from the host's ICU on first use (intl-source.ts).
  var loadIntl = defer('intl', ['Intl'], [], undefined, ['Intl']);
  function localeStub(proto, name) {
    var f = proto[name] = function () {
      loadIntl();
      if (proto[name] === f) throw new Error('Coldstart could not load ' + name);
      return proto[name].apply(this, arguments);
    };
  }
  localeStub(Number.prototype, 'toLocaleString');
  localeStub(String.prototype, 'localeCompare');
  localeStub(cs.NativeDate.prototype, 'toLocaleString');
  localeStub(cs.NativeDate.prototype, 'toLocaleDateString');
  localeStub(cs.NativeDate.prototype, 'toLocaleTimeString');

  var LOG_MS = cs.info.logLineMs;

  // Buffered console lines, flushed in batches: "time S level S text S" per line, S = U+0002.
  // Plain concatenation costs far less than JSON.stringify in QuickJS. In the text, U+0003 is
  // escaped as U+0003 '3', U+0002 as U+0003 '2' and a lone surrogate (which the trip through
  // UTF-8 would not keep) as U+0003 'u' and 4 hex digits; log-batch.ts undoes it.
  var S = '\u0002', E = '\u0003', out = '';
  function escapeChar(c) {
    return c === E ? E + '3' : c === S ? E + '2' : E + 'u' + ('000' + c.charCodeAt(0).toString(16)).slice(-4);
  }
  cs.line = function (level, text) {
    clk[0] += LOG_MS;
    if (typeof text !== 'string') text = String(text);
    if (text.indexOf(S) !== -1 || text.indexOf(E) !== -1 || !text.isWellFormed()) {
      text = text.replace(/[\u0002\u0003]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, escapeChar);
    }
    out += clk[0] + S + level + S + text + S;
    if (out.length > 65536) cs.flushLogs();
  };
  cs.flushLogs = function () {
    if (!out) return;
    var batch = out;
    out = '';
    host.log(batch);
  };
  /** Lines not flushed yet ('' when none); the host collects them when polling. */
  cs.takeLogs = function () {
    var batch = out;
    out = '';
    return batch;
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

  // console: each level maps to the column the Node.js runtime prints (FACTS.md, log lines). The
  // other methods (trace, dir, table, assert, count, time, group...) are compiled on first use
  // (console-extras-source.ts).
  var state = cs.consoleState = { indent: '' };
  function emit(level, args) {
    var text = cs.format.apply(null, args);
    if (state.indent) text = state.indent + text.split('\n').join('\n' + state.indent);
    cs.line(level, text);
  }
  cs.emit = emit;
  var con = cs.console = {
    log: function () { emit('INFO', arguments); },
    info: function () { emit('INFO', arguments); },
    warn: function () { emit('WARN', arguments); },
    error: function () { emit('ERROR', arguments); },
    debug: function () { emit('DEBUG', arguments); }
  };
  var stubs = cs.consoleStubs = {};
  ['trace', 'dir', 'table', 'assert', 'count', 'countReset', 'time', 'timeEnd', 'timeLog', 'group', 'groupEnd', 'groupCollapsed'].forEach(function (n) {
    var stub = stubs[n] = con[n] = function () {
      cs.load('console');
      if (con[n] === stub) throw new Error('Coldstart could not load console.' + n);
      return con[n].apply(con, arguments);
    };
    Object.defineProperty(stub, 'name', { value: n });
  });
  globalThis.console = con;
  defer('clock', ['Date', 'performance'], [], undefined, ['Date']);

  var loadTimers = defer('timers', ['setTimeout', 'setInterval', 'setImmediate', 'clearImmediate', 'clearInterval', 'clearTimeout', 'queueMicrotask'], [], function () { delete cs.timers; });
  forward(loadTimers, ['setTimer', 'fire']);
  Object.defineProperty(cs, 'timers', { get: function () { loadTimers(); return cs.timers; }, enumerable: true, configurable: true });

  var loadModules = defer('process', ['process'], ['global']);
  // For runtime code that needs the process object itself (unhandled rejections go to its listeners).
  cs.loadProcess = loadModules;
  globalThis.global = globalThis;
  forward(loadModules, ['builtin', 'builtinExports', 'requireFile', 'makeRequire']);

  // The error constructors get V8's stacks and Error.captureStackTrace on first use
  // (stacks-source.ts), built on the native ones kept here.
  var errorNames = ['Error', 'TypeError', 'RangeError', 'SyntaxError', 'ReferenceError', 'EvalError', 'URIError', 'AggregateError'];
  cs.nativeErrors = {};
  for (var en = 0; en < errorNames.length; en++) cs.nativeErrors[errorNames[en]] = globalThis[errorNames[en]];
  defer('stacks', errorNames, [], undefined, errorNames);

  // Until then no rejection is tracked, and cs.takeUnhandled is missing.
  defer('promise', ['Promise'], [], undefined, ['Promise']);

  var errorsLoaded = false;
  function loadErrors() {
    if (errorsLoaded) return;
    errorsLoaded = true;
    delete cs.errors;
    cs.load('errors');
  }
  forward(loadErrors, ['logError', 'reportUncaught', 'toRapid', 'runtimeError', 'classifyInitError']);
  Object.defineProperty(cs, 'errors', { get: function () { loadErrors(); return cs.errors; }, enumerable: true, configurable: true });
})();
`;
