/**
 * Guest code: `process`, EventEmitter, CommonJS `require` and the table of built-in modules.
 * `node:events`, `node:process` and the timers live here; the other built-ins (`node:util`,
 * `node:path`, `node:fs`, `node:crypto`, ...) are compiled on first use (lazy-modules-source.ts),
 * so a new environment only pays for what its handler uses. File resolution happens on the host
 * (it owns the deployment package); loading and evaluation happen here.
 */
export const MODULES_SOURCE = String.raw`
(function () {
  'use strict';
  var cs = globalThis.__coldstart;
  var host = cs.host;
  var info = cs.info;
  var clk = cs.clk;

  function emitterOn(name, fn) { var l = this._events[name] || (this._events[name] = []); l.push(fn); return this; }
  function EventEmitter() { this._events = Object.create(null); }
  EventEmitter.prototype.on = EventEmitter.prototype.addListener = function (n, f) { if (!this._events) this._events = Object.create(null); return emitterOn.call(this, n, f); };
  EventEmitter.prototype.once = function (n, f) { var self = this; function w() { self.off(n, w); return f.apply(self, arguments); } w.listener = f; return this.on(n, w); };
  EventEmitter.prototype.off = EventEmitter.prototype.removeListener = function (n, f) { var l = this._events && this._events[n]; if (l) this._events[n] = l.filter(function (x) { return x !== f && x.listener !== f; }); return this; };
  EventEmitter.prototype.removeAllListeners = function (n) { if (n === undefined) this._events = Object.create(null); else delete this._events[n]; return this; };
  EventEmitter.prototype.emit = function (n) {
    var l = this._events && this._events[n], args = Array.prototype.slice.call(arguments, 1);
    if (!l || !l.length) { if (n === 'error') throw args[0]; return false; }
    l.slice().forEach(function (f) { f.apply(this, args); }, this);
    return true;
  };
  EventEmitter.prototype.listenerCount = function (n) { return (this._events && this._events[n] || []).length; };
  EventEmitter.EventEmitter = EventEmitter;
  /** events.once: the next emit's arguments, as a promise (an 'error' event rejects it). */
  EventEmitter.once = function once(emitter, name, options) {
    var signal = options && options.signal;
    return new Promise(function (resolve, reject) {
      function aborted() {
        var e = new Error('The operation was aborted');
        e.name = 'AbortError';
        e.code = 'ABORT_ERR';
        e.cause = signal.reason;
        return e;
      }
      if (signal && signal.aborted) { reject(aborted()); return; }
      if (typeof emitter.on !== 'function' && typeof emitter.addEventListener === 'function') {
        emitter.addEventListener(name, function (event) { resolve([event]); }, { once: true });
        return;
      }
      function done() { if (name !== 'error') emitter.off('error', fail); resolve(Array.prototype.slice.call(arguments)); }
      function fail(err) { emitter.off(name, done); reject(err); }
      emitter.once(name, done);
      if (name !== 'error') emitter.once('error', fail);
      if (signal) signal.addEventListener('abort', function () { emitter.off(name, done); emitter.off('error', fail); reject(aborted()); }, { once: true });
    });
  };

  var proc = new EventEmitter();
  Object.assign(proc, {
    env: info.env,
    version: info.nodeVersion,
    versions: { node: info.nodeVersion.slice(1) },
    platform: 'linux',
    arch: info.arch,
    argv: ['/var/lang/bin/node', '/var/runtime/index.mjs'],
    execPath: '/var/lang/bin/node',
    pid: 8,
    title: 'node',
    cwd: function () { return '/var/task'; },
    uptime: function () { return clk[0] / 1000; },
    nextTick: function (fn) { var a = Array.prototype.slice.call(arguments, 1); Promise.resolve().then(function () { try { fn.apply(undefined, a); } catch (e) { cs.reportUncaught(e); } }); },
    memoryUsage: function () { var h = host.memoryBytes(); return { rss: info.baselineBytes + h, heapTotal: h, heapUsed: h, external: 0, arrayBuffers: 0 }; },
    exit: function (code) { cs.exited = true; host.exit(code === undefined ? 0 : Number(code) | 0); throw new Error('process.exit() called'); },
    stdout: { write: function (s) { cs.line('RAW', String(s).replace(/\n$/, '')); return true; } },
    stderr: { write: function (s) { cs.line('RAW', String(s).replace(/\n$/, '')); return true; } }
  });
  proc.hrtime = function (prev) {
    var ns = Math.round(clk[0] * 1e6), s = Math.floor(ns / 1e9), n = ns % 1e9;
    if (prev) { s -= prev[0]; n -= prev[1]; if (n < 0) { s--; n += 1e9; } }
    return [s, n];
  };
  proc.hrtime.bigint = function () { return BigInt(Math.round(clk[0] * 1e6)); };
  proc.memoryUsage.rss = function () { return info.baselineBytes + host.memoryBytes(); };
  globalThis.process = proc;
  cs.process = proc;
  // nodejs22.x's runtime client registers its listener before the handler loads (here: as soon as process exists).
  if (cs.info.runtime === 'nodejs22.x') proc.on('unhandledRejection', function (reason, promise) { cs.load('rejections'); return cs.runtimeOnUnhandledRejection(reason, promise); });
  globalThis.global = globalThis;

  var CORE = {
    events: function () { return EventEmitter; },
    process: function () { return proc; },
    timers: function () { return { setTimeout: setTimeout, setInterval: setInterval, setImmediate: setImmediate, clearTimeout: clearTimeout, clearInterval: clearInterval, clearImmediate: clearImmediate }; },
    'timers/promises': function () { return cs.timers; }
  };
  cs.EventEmitter = EventEmitter;
  var made = Object.create(null);
  /** A built-in module by bare name (without node:), or an Error explaining why it is missing. */
  cs.builtin = function (name, reason) {
    if (reason) {
      var e = new Error(reason);
      e.code = 'ERR_COLDSTART_UNAVAILABLE';
      throw e;
    }
    if (!made[name]) {
      if (CORE[name]) made[name] = CORE[name]();
      else if (name.indexOf('@aws-sdk/') === 0) { cs.load('globals'); cs.load('aws-sdk'); made[name] = cs.awsSdk(name); }
      else { cs.load('modules'); made[name] = cs.lazyBuiltins[name](); }
    }
    return made[name];
  };
  /** A built-in's names for ES module imports, as JSON: like Node's, the module's own enumerable keys. */
  cs.builtinExports = function (name) {
    var m = cs.builtin(name);
    return JSON.stringify(m !== null && (typeof m === 'object' || typeof m === 'function') ? Object.keys(m) : []);
  };

  var cache = Object.create(null);
  function notFound(spec, from) {
    var e = new Error("Cannot find module '" + spec + "'\nRequire stack:\n- " + from + '\n- /var/runtime/index.mjs');
    e.code = 'MODULE_NOT_FOUND';
    return e;
  }
  function makeRequire(from) {
    function require(spec) {
      spec = String(spec);
      var r = JSON.parse(host.resolve(spec, from));
      if (r.kind === 'builtin') return cs.builtin(r.name, r.unavailable);
      if (r.kind === 'missing') throw notFound(spec, from);
      return loadFile(r.path, r.format);
    }
    require.resolve = function (spec) { var r = JSON.parse(host.resolve(String(spec), from)); if (r.kind === 'missing') throw notFound(spec, from); return r.kind === 'builtin' ? spec : r.path; };
    require.cache = cache;
    return require;
  }
  function loadFile(file, format) {
    if (cache[file]) return cache[file].exports;
    if (format === 'esm') {
      var e = new Error('require() of ES Module ' + file + ' is not supported in Coldstart: use import instead.');
      e.code = 'ERR_REQUIRE_ESM';
      throw e;
    }
    var module = { id: file, filename: file, exports: {}, loaded: false, children: [], paths: ['/var/task/node_modules'] };
    cache[file] = module;
    try {
      if (format === 'json') module.exports = JSON.parse(host.readFile(file));
      else {
        var fn = host.compileCjs(file);
        var dir = file.slice(0, file.lastIndexOf('/')) || '/';
        fn.call(module.exports, module.exports, makeRequire(file), module, file, dir);
      }
    } catch (err) {
      delete cache[file];
      throw err;
    }
    module.loaded = true;
    return module.exports;
  }
  cs.requireFile = loadFile;
  cs.makeRequire = makeRequire;
})();
`;
