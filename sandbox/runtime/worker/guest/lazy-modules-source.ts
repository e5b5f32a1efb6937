/**
 * Guest code compiled on first use of a built-in module other than events/process/timers:
 * `node:util`, `node:path`, `node:buffer`, `node:url`, `node:crypto`, `node:fs` and
 * `node:fs/promises` (see sandbox/SUPPORTED.md). `cs.lazyBuiltins[name]()` makes each module object.
 */
export const LAZY_MODULES_SOURCE = String.raw`
(function () {
  'use strict';
  var cs = globalThis.__coldstart;

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
  path.relative = function (from, to) {
    var a = path.resolve(from).split('/').filter(Boolean), b = path.resolve(to).split('/').filter(Boolean), i = 0;
    while (i < a.length && i < b.length && a[i] === b[i]) i++;
    return a.slice(i).map(function () { return '..'; }).concat(b.slice(i)).join('/');
  };
  path.parse = function (p) {
    var root = p.charAt(0) === '/' ? '/' : '', base = path.basename(p), ext = path.extname(p);
    var dir = p.lastIndexOf('/') >= 0 ? path.dirname(p) : '';
    return { root: root, dir: dir, base: base, ext: ext, name: ext ? base.slice(0, -ext.length) : base };
  };
  path.format = function (o) { var base = o.base || ((o.name || '') + (o.ext || '')); var dir = o.dir || o.root || ''; return dir ? (dir === o.root ? dir + base : dir + '/' + base) : base; };
  path.posix = path;

  var LAZY = {
    util: function () {
      return {
        inspect: cs.inspect, format: cs.format, promisify: promisify, callbackify: callbackify, inherits: inherits, deprecate: function (fn) { return fn; },
        TextEncoder: TextEncoder, TextDecoder: TextDecoder, types: types,
        isDeepStrictEqual: function (a, b) { return JSON.stringify(a) === JSON.stringify(b); }
      };
    },
    buffer: function () { return { Buffer: Buffer }; },
    path: function () { return path; },
    'path/posix': function () { return path; },
    url: function () { return { URL: URL, URLSearchParams: URLSearchParams }; },
    crypto: function () { return cs.nodeCrypto(); },
    fs: function () { return cs.nodeFs(); },
    'fs/promises': function () { return cs.nodeFs().promises; }
  };
  function callbackify(fn) {
    return function () {
      var args = Array.prototype.slice.call(arguments), cb = args.pop(), self = this;
      fn.apply(self, args).then(function (v) { cb(null, v); }, function (e) { cb(e); });
    };
  }
  function inherits(ctor, superCtor) {
    Object.setPrototypeOf(ctor.prototype, superCtor.prototype);
    Object.setPrototypeOf(ctor, superCtor);
    ctor.super_ = superCtor;
  }
  var types = {
    isPromise: function (v) { return v instanceof Promise; },
    isDate: function (v) { return v instanceof Date; },
    isRegExp: function (v) { return v instanceof RegExp; },
    isMap: function (v) { return v instanceof Map; },
    isSet: function (v) { return v instanceof Set; },
    isTypedArray: function (v) { return ArrayBuffer.isView(v) && !(v instanceof DataView); },
    isUint8Array: function (v) { return v instanceof Uint8Array; },
    isNativeError: function (v) { return v instanceof Error; }
  };
  cs.lazyBuiltins = LAZY;
})();
`;
