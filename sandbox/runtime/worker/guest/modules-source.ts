/**
 * Guest code: `process`, the built-in modules Coldstart provides (`node:util`, `node:buffer`,
 * `node:events`, `node:path`, ...), and CommonJS `require`. File resolution happens on the host
 * (it owns the deployment package); loading and evaluation happen here.
 */
export const MODULES_SOURCE = String.raw`
(function () {
  'use strict';
  var cs = globalThis.__coldstart;
  var host = cs.host;
  var info = JSON.parse(host.runtimeInfo());

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
    uptime: function () { return host.now() / 1000; },
    nextTick: function (fn) { var a = Array.prototype.slice.call(arguments, 1); Promise.resolve().then(function () { try { fn.apply(undefined, a); } catch (e) { cs.reportUncaught(e); } }); },
    memoryUsage: function () { var h = host.memoryBytes(); return { rss: info.baselineBytes + h, heapTotal: h, heapUsed: h, external: 0, arrayBuffers: 0 }; },
    exit: function (code) { host.exit(code === undefined ? 0 : Number(code) | 0); throw new Error('process.exit() called'); },
    stdout: { write: function (s) { host.log('RAW', String(s).replace(/\n$/, '')); return true; } },
    stderr: { write: function (s) { host.log('RAW', String(s).replace(/\n$/, '')); return true; } }
  });
  proc.hrtime = function (prev) {
    var ns = Math.round(host.now() * 1e6), s = Math.floor(ns / 1e9), n = ns % 1e9;
    if (prev) { s -= prev[0]; n -= prev[1]; if (n < 0) { s--; n += 1e9; } }
    return [s, n];
  };
  proc.hrtime.bigint = function () { return BigInt(Math.round(host.now() * 1e6)); };
  proc.memoryUsage.rss = function () { return info.baselineBytes + host.memoryBytes(); };
  globalThis.process = proc;
  globalThis.global = globalThis;

  function promisify(fn) {
    return function () {
      var args = Array.prototype.slice.call(arguments), self = this;
      return new Promise(function (resolve, reject) {
        args.push(function (err, v) { if (err) reject(err); else resolve(v); });
        fn.apply(self, args);
      });
    };
  }
  var path = {
    sep: '/', delimiter: ':',
    normalize: function (p) {
      var abs = p.charAt(0) === '/', out = [];
      p.split('/').forEach(function (s) { if (s === '..') { if (out.length && out[out.length - 1] !== '..') out.pop(); else if (!abs) out.push('..'); } else if (s && s !== '.') out.push(s); });
      var r = (abs ? '/' : '') + out.join('/');
      return r || (abs ? '/' : '.');
    },
    join: function () { return path.normalize(Array.prototype.filter.call(arguments, Boolean).join('/')); },
    resolve: function () { var r = '/var/task'; Array.prototype.forEach.call(arguments, function (p) { r = p.charAt(0) === '/' ? p : r + '/' + p; }); return path.normalize(r); },
    isAbsolute: function (p) { return p.charAt(0) === '/'; },
    dirname: function (p) { var i = p.replace(/\/+$/, '').lastIndexOf('/'); return i < 0 ? '.' : i === 0 ? '/' : p.slice(0, i); },
    basename: function (p, ext) { var b = p.replace(/\/+$/, '').split('/').pop() || ''; return ext && b.slice(-ext.length) === ext ? b.slice(0, -ext.length) : b; },
    extname: function (p) { var b = path.basename(p), i = b.lastIndexOf('.'); return i <= 0 ? '' : b.slice(i); }
  };
  path.posix = path;

  var BUILTINS = {
    util: function () { return { inspect: cs.inspect, format: cs.format, promisify: promisify, TextEncoder: TextEncoder, TextDecoder: TextDecoder, isDeepStrictEqual: function (a, b) { return JSON.stringify(a) === JSON.stringify(b); } }; },
    buffer: function () { return { Buffer: Buffer }; },
    events: function () { return EventEmitter; },
    path: function () { return path; },
    process: function () { return proc; },
    url: function () { return { URL: URL, URLSearchParams: URLSearchParams }; },
    crypto: function () { return { randomUUID: cs.crypto.randomUUID, getRandomValues: cs.crypto.getRandomValues, webcrypto: cs.crypto }; },
    timers: function () { return { setTimeout: setTimeout, setInterval: setInterval, setImmediate: setImmediate, clearTimeout: clearTimeout, clearInterval: clearInterval, clearImmediate: clearImmediate }; },
    'timers/promises': function () { return cs.timers; }
  };
  var made = Object.create(null);
  /** A built-in module by bare name (without node:), or an Error explaining why it is missing. */
  cs.builtin = function (name, reason) {
    if (reason) {
      var e = new Error(reason);
      e.code = 'ERR_COLDSTART_UNAVAILABLE';
      throw e;
    }
    if (!made[name]) made[name] = BUILTINS[name]();
    return made[name];
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
