/**
 * Guest code: the small set of Node.js globals Coldstart provides (see sandbox/SUPPORTED.md):
 * TextEncoder/TextDecoder, atob/btoa, a Buffer subset, URL/URLSearchParams, crypto.randomUUID,
 * structuredClone, and `fetch` that explains why it is missing. All plain JavaScript in QuickJS:
 * no host object is ever exposed.
 */
export const NODE_GLOBALS_SOURCE = String.raw`
(function () {
  'use strict';
  var cs = globalThis.__coldstart;
  var host = cs.host;
  /** Replace the lazy accessor (see core-source.ts) with the real value, as Node defines globals. */
  var globals = cs.globals = {};
  function define(name, value) {
    globals[name] = value;
    Object.defineProperty(globalThis, name, { value: value, writable: true, configurable: true, enumerable: false });
  }

  function utf8Encode(str) {
    str = String(str);
    var out = [];
    for (var i = 0; i < str.length; i++) {
      var c = str.codePointAt(i);
      if (c > 0xffff) i++;
      if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd;
      if (c < 0x80) out.push(c);
      else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
      else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
      else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    }
    return new Uint8Array(out);
  }
  function utf8Decode(bytes) {
    var out = '', i = 0;
    while (i < bytes.length) {
      var b = bytes[i++], c = 0xfffd, need = 0;
      if (b < 0x80) c = b;
      else if (b >= 0xc2 && b < 0xe0) { need = 1; c = b & 31; }
      else if (b >= 0xe0 && b < 0xf0) { need = 2; c = b & 15; }
      else if (b >= 0xf0 && b < 0xf5) { need = 3; c = b & 7; }
      else { out += '\ufffd'; continue; }
      var ok = true;
      for (var k = 0; k < need; k++) {
        if (i >= bytes.length || (bytes[i] & 0xc0) !== 0x80) { ok = false; break; }
        c = (c << 6) | (bytes[i++] & 63);
      }
      out += ok ? String.fromCodePoint(c) : '\ufffd';
    }
    return out;
  }
  function TextEncoder() {}
  TextEncoder.prototype.encoding = 'utf-8';
  TextEncoder.prototype.encode = function (s) { return utf8Encode(s === undefined ? '' : s); };
  function TextDecoder(label) { this.encoding = 'utf-8'; }
  TextDecoder.prototype.decode = function (b) {
    if (b === undefined) return '';
    var bytes = b instanceof ArrayBuffer ? new Uint8Array(b) : new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
    return utf8Decode(bytes);
  };
  define('TextEncoder', TextEncoder);
  define('TextDecoder', TextDecoder);

  var B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  function b64Encode(bytes, url) {
    var out = '';
    for (var i = 0; i < bytes.length; i += 3) {
      var n = (bytes[i] << 16) | ((bytes[i + 1] || 0) << 8) | (bytes[i + 2] || 0);
      out += B64[(n >> 18) & 63] + B64[(n >> 12) & 63];
      out += i + 1 < bytes.length ? B64[(n >> 6) & 63] : (url ? '' : '=');
      out += i + 2 < bytes.length ? B64[n & 63] : (url ? '' : '=');
    }
    return url ? out.replace(/\+/g, '-').replace(/\//g, '_') : out;
  }
  function b64Decode(str) {
    str = String(str).replace(/-/g, '+').replace(/_/g, '/').replace(/[^A-Za-z0-9+/]/g, '');
    var out = [], bits = 0, val = 0;
    for (var i = 0; i < str.length; i++) {
      val = (val << 6) | B64.indexOf(str[i]); bits += 6;
      if (bits >= 8) { bits -= 8; out.push((val >> bits) & 255); }
    }
    return new Uint8Array(out);
  }
  define('btoa', function (s) {
    s = String(s);
    var bytes = [];
    for (var i = 0; i < s.length; i++) {
      var c = s.charCodeAt(i);
      if (c > 255) throw new Error('Invalid character');
      bytes.push(c);
    }
    return b64Encode(bytes, false);
  });
  define('atob', function (s) {
    var b = b64Decode(s), out = '';
    for (var i = 0; i < b.length; i++) out += String.fromCharCode(b[i]);
    return out;
  });

  // Buffer: a Uint8Array subclass with the everyday methods (from, alloc, concat, toString).
  class Buffer extends Uint8Array {
    static from(v, enc, len) {
      if (typeof v === 'string') {
        enc = (enc || 'utf8').toLowerCase();
        var bytes;
        if (enc === 'base64' || enc === 'base64url') bytes = b64Decode(v);
        else if (enc === 'hex') { bytes = new Uint8Array(Math.floor(v.length / 2)); for (var i = 0; i < bytes.length; i++) bytes[i] = parseInt(v.substr(i * 2, 2), 16); }
        else if (enc === 'latin1' || enc === 'binary' || enc === 'ascii') { bytes = new Uint8Array(v.length); for (var j = 0; j < v.length; j++) bytes[j] = v.charCodeAt(j) & 255; }
        else bytes = utf8Encode(v);
        var b = new Buffer(bytes.length); b.set(bytes); return b;
      }
      if (v instanceof ArrayBuffer) return new Buffer(v, enc || 0, len === undefined ? v.byteLength - (enc || 0) : len);
      if (v && typeof v === 'object' && v.type === 'Buffer' && Array.isArray(v.data)) v = v.data;
      var arr = new Buffer(v.length); for (var k = 0; k < v.length; k++) arr[k] = v[k] & 255; return arr;
    }
    static alloc(n, fill) { var b = new Buffer(n); if (fill !== undefined) b.fill(typeof fill === 'string' ? fill.charCodeAt(0) : fill); return b; }
    static allocUnsafe(n) { return new Buffer(n); }
    static isBuffer(v) { return v instanceof Buffer; }
    static byteLength(s, enc) { return typeof s === 'string' ? Buffer.from(s, enc).length : s.byteLength; }
    static concat(list, total) {
      if (total === undefined) total = list.reduce(function (n, b) { return n + b.length; }, 0);
      var out = Buffer.alloc(total), off = 0;
      for (var i = 0; i < list.length && off < total; i++) { out.set(list[i].subarray(0, total - off), off); off += list[i].length; }
      return out;
    }
    toString(enc, start, end) {
      var view = this.subarray(start || 0, end === undefined ? this.length : end);
      enc = (enc || 'utf8').toLowerCase();
      if (enc === 'base64') return b64Encode(view, false);
      if (enc === 'base64url') return b64Encode(view, true);
      if (enc === 'hex') { var h = ''; for (var i = 0; i < view.length; i++) h += view[i].toString(16).padStart(2, '0'); return h; }
      if (enc === 'latin1' || enc === 'binary' || enc === 'ascii') { var s = ''; for (var j = 0; j < view.length; j++) s += String.fromCharCode(view[j]); return s; }
      return utf8Decode(view);
    }
    toJSON() { return { type: 'Buffer', data: Array.prototype.slice.call(this) }; }
    slice(start, end) { return this.subarray(start, end); }
    static compare(a, b) { for (var i = 0; i < Math.min(a.length, b.length); i++) { if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1; } return a.length === b.length ? 0 : a.length < b.length ? -1 : 1; }
    equals(o) { if (this.length !== o.length) return false; for (var i = 0; i < this.length; i++) if (this[i] !== o[i]) return false; return true; }
    write(str, offset) { var b = utf8Encode(str); this.set(b.subarray(0, this.length - (offset || 0)), offset || 0); return Math.min(b.length, this.length - (offset || 0)); }
  }
  define('Buffer', Buffer);
  // For the number methods (buffer-numbers-source.ts), compiled right after this part.
  cs.Buffer = Buffer;
  cs.isBuffer = function (v) { return v instanceof Buffer; };

  // URLSearchParams and URL (WHATWG shapes, simplified parsing of absolute URLs).
  function decodeQ(s) { try { return decodeURIComponent(s.replace(/\+/g, ' ')); } catch (e) { return s; } }
  function encodeQ(s) { return encodeURIComponent(s).replace(/%20/g, '+').replace(/[!'()~]/g, function (c) { return '%' + c.charCodeAt(0).toString(16).toUpperCase(); }); }
  class URLSearchParams {
    constructor(init) {
      this._list = [];
      if (typeof init === 'string') {
        init = init.replace(/^\?/, '');
        if (init) for (var part of init.split('&')) { if (!part) continue; var eq = part.indexOf('='); this._list.push(eq < 0 ? [decodeQ(part), ''] : [decodeQ(part.slice(0, eq)), decodeQ(part.slice(eq + 1))]); }
      } else if (init && typeof init === 'object') {
        var entries = typeof init[Symbol.iterator] === 'function' ? Array.from(init) : Object.entries(init);
        for (var e of entries) this._list.push([String(e[0]), String(e[1])]);
      }
    }
    get size() { return this._list.length; }
    append(k, v) { this._list.push([String(k), String(v)]); this._update(); }
    delete(k) { this._list = this._list.filter(function (e) { return e[0] !== k; }); this._update(); }
    get(k) { var e = this._list.find(function (x) { return x[0] === k; }); return e ? e[1] : null; }
    getAll(k) { return this._list.filter(function (x) { return x[0] === k; }).map(function (x) { return x[1]; }); }
    has(k) { return this._list.some(function (x) { return x[0] === k; }); }
    set(k, v) { var i = this._list.findIndex(function (x) { return x[0] === k; }); if (i < 0) this._list.push([String(k), String(v)]); else { this._list[i][1] = String(v); this._list = this._list.filter(function (x, j) { return j <= i || x[0] !== k; }); } this._update(); }
    sort() { this._list.sort(function (a, b) { return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0; }); this._update(); }
    forEach(fn, self) { for (var e of this._list) fn.call(self, e[1], e[0], this); }
    keys() { return this._list.map(function (e) { return e[0]; })[Symbol.iterator](); }
    values() { return this._list.map(function (e) { return e[1]; })[Symbol.iterator](); }
    entries() { return this._list.map(function (e) { return [e[0], e[1]]; })[Symbol.iterator](); }
    [Symbol.iterator]() { return this.entries(); }
    toString() { return this._list.map(function (e) { return encodeQ(e[0]) + '=' + encodeQ(e[1]); }).join('&'); }
    _update() { if (this._url) { var q = this.toString(); this._url._search = q ? '?' + q : ''; } }
  }
  var URL_RE = /^([a-zA-Z][a-zA-Z0-9+.-]*:)(?:\/\/(?:([^:@\/?#]*)(?::([^@\/?#]*))?@)?(\[[^\]]*\]|[^:\/?#]*)(?::(\d*))?)?([^?#]*)(\?[^#]*)?(#.*)?$/;
  var DEFAULT_PORTS = { 'http:': '80', 'https:': '443', 'ws:': '80', 'wss:': '443', 'ftp:': '21' };
  function normPath(p) {
    var out = [];
    for (var seg of p.split('/')) { if (seg === '..') out.pop(); else if (seg !== '.') out.push(seg); }
    var r = out.join('/');
    return r.charAt(0) === '/' ? r : '/' + r;
  }
  class URL {
    constructor(input, base) {
      input = String(input).trim();
      var m = URL_RE.exec(input);
      if (!m && base !== undefined) {
        var b = new URL(base);
        if (input.indexOf('//') === 0) m = URL_RE.exec(b.protocol + input);
        else if (input.charAt(0) === '/') m = URL_RE.exec(b.origin + input);
        else if (input.charAt(0) === '?') m = URL_RE.exec(b.origin + b.pathname + input);
        else if (input.charAt(0) === '#') m = URL_RE.exec(b.origin + b.pathname + b.search + input);
        else m = URL_RE.exec(b.origin + b.pathname.replace(/[^\/]*$/, '') + input);
      }
      if (!m) { var err = new TypeError('Invalid URL'); err.code = 'ERR_INVALID_URL'; err.input = input; throw err; }
      this._protocol = m[1].toLowerCase();
      this._username = m[2] || ''; this._password = m[3] || '';
      this._hostname = (m[4] || '').toLowerCase();
      this._port = m[5] && m[5] !== DEFAULT_PORTS[this._protocol] ? m[5] : '';
      var special = DEFAULT_PORTS[this._protocol] !== undefined || this._protocol === 'file:';
      this._pathname = special ? normPath(m[6] || '/') : (m[6] || '');
      this._search = m[7] && m[7] !== '?' ? m[7] : '';
      this._hash = m[8] && m[8] !== '#' ? m[8] : '';
      if (special && this._protocol !== 'file:' && !this._hostname) { var e2 = new TypeError('Invalid URL'); e2.code = 'ERR_INVALID_URL'; e2.input = input; throw e2; }
      this._params = null;
    }
    get protocol() { return this._protocol; }
    get username() { return this._username; }
    get password() { return this._password; }
    get hostname() { return this._hostname; }
    get port() { return this._port; }
    get host() { return this._hostname + (this._port ? ':' + this._port : ''); }
    get origin() { return this._protocol === 'file:' ? 'null' : this._protocol + '//' + this.host; }
    get pathname() { return this._pathname; }
    set pathname(v) { this._pathname = normPath(String(v)); }
    get search() { return this._search; }
    set search(v) { v = String(v); this._search = v && v !== '?' ? (v.charAt(0) === '?' ? v : '?' + v) : ''; this._params = null; }
    get hash() { return this._hash; }
    set hash(v) { v = String(v); this._hash = v && v !== '#' ? (v.charAt(0) === '#' ? v : '#' + v) : ''; }
    get searchParams() { if (!this._params) { this._params = new URLSearchParams(this._search); this._params._url = this; } return this._params; }
    get href() {
      var auth = this._username ? this._username + (this._password ? ':' + this._password : '') + '@' : '';
      var hasAuthority = DEFAULT_PORTS[this._protocol] !== undefined || this._protocol === 'file:' || this._hostname;
      return this._protocol + (hasAuthority ? '//' + auth + this.host : '') + this._pathname + this._search + this._hash;
    }
    toString() { return this.href; }
    toJSON() { return this.href; }
    static canParse(u, b) { try { new URL(u, b); return true; } catch (e) { return false; } }
  }
  define('URL', URL);
  define('URLSearchParams', URLSearchParams);

  var cryptoObj = {
    randomUUID: function () { return host.uuid(); },
    getRandomValues: function (arr) { for (var i = 0; i < arr.length; i++) arr[i] = Math.floor(Math.random() * 256); return arr; }
  };
  define('crypto', cryptoObj);
  cs.crypto = cryptoObj;

  define('structuredClone', function (value) {
    var seen = new Map();
    function clone(v) {
      if (v === null || typeof v !== 'object') {
        if (typeof v === 'function' || typeof v === 'symbol') {
          var e = new Error((typeof v === 'function' ? String(v) : v.toString()) + ' could not be cloned.');
          e.name = 'DataCloneError';
          throw e;
        }
        return v;
      }
      if (seen.has(v)) return seen.get(v);
      var out;
      if (v instanceof Date) out = new Date(v.getTime());
      else if (v instanceof RegExp) out = new RegExp(v.source, v.flags);
      else if (v instanceof Map) { out = new Map(); seen.set(v, out); v.forEach(function (val, key) { out.set(clone(key), clone(val)); }); return out; }
      else if (v instanceof Set) { out = new Set(); seen.set(v, out); v.forEach(function (val) { out.add(clone(val)); }); return out; }
      else if (ArrayBuffer.isView(v)) out = new v.constructor(v);
      else if (v instanceof ArrayBuffer) out = v.slice(0);
      else if (v instanceof Error) { out = new Error(v.message); out.name = v.name; out.stack = v.stack; }
      else if (Array.isArray(v)) { out = []; seen.set(v, out); for (var i = 0; i < v.length; i++) out[i] = clone(v[i]); return out; }
      else { out = {}; seen.set(v, out); for (var k of Object.keys(v)) out[k] = clone(v[k]); return out; }
      seen.set(v, out);
      return out;
    }
    return clone(value);
  });

  cs.offlineMessage = function (what) {
    return what + ' is not available in the Coldstart sandbox: handlers run offline, without network access. See what the sandbox supports: sandbox/docs/supported.en.md';
  };
  define('fetch', function () {
    return Promise.reject(new TypeError(cs.offlineMessage('fetch')));
  });
})();
`;
