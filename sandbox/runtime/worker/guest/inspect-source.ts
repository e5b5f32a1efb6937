/**
 * Guest code: a port of the parts of Node's `util.inspect` / `util.format` that handler logs show
 * (objects, arrays, Maps, Sets, errors, dates, circular references); line breaking lives in
 * inspect-layout-source.ts. Runs inside QuickJS, so console output looks like Node's.
 * Kept as a String.raw script (no backticks inside) so it survives any bundler unchanged.
 */
export const INSPECT_SOURCE = String.raw`
(function () {
  'use strict';
  var cs = globalThis.__coldstart;
  var BREAK = 80, DEPTH = 2, MAX_ARRAY = 100, MAX_STRING = 10000;
  var IDENT = /^[a-zA-Z_][a-zA-Z_0-9]*$/;
  var ESC = { '\n': '\\n', '\t': '\\t', '\r': '\\r', '\b': '\\b', '\f': '\\f', '\v': '\\v', '\\': '\\\\' };

  function strEscape(s) {
    var q = "'";
    if (s.indexOf("'") !== -1) {
      if (s.indexOf('"') === -1) q = '"';
      else if (s.indexOf(String.fromCharCode(96)) === -1) q = String.fromCharCode(96);
    }
    var out = '';
    for (var i = 0; i < s.length; i++) {
      var c = s[i];
      if (c === q) out += '\\' + c;
      else if (ESC[c]) out += ESC[c];
      else if (c < ' ') out += '\\x' + c.charCodeAt(0).toString(16).padStart(2, '0');
      else out += c;
    }
    return q + out + q;
  }

  function fnBase(v) {
    var src = '';
    try { src = Function.prototype.toString.call(v); } catch (e) {}
    if (/^class[\s{]/.test(src)) return '[class ' + (v.name || '(anonymous)') + ']';
    var type = 'Function';
    var ctor = v.constructor && v.constructor.name;
    if (ctor === 'AsyncFunction') type = 'AsyncFunction';
    else if (ctor === 'GeneratorFunction') type = 'GeneratorFunction';
    else if (ctor === 'AsyncGeneratorFunction') type = 'AsyncGeneratorFunction';
    return '[' + type + (v.name ? ': ' + v.name : ' (anonymous)') + ']';
  }

  function errorBase(err) {
    var name = err.name || 'Error', msg = err.message;
    var head = msg ? name + ': ' + msg : name;
    var stack = typeof err.stack === 'string' ? err.stack : '';
    // QuickJS stacks hold only the frames; Node's start with "Name: message".
    if (stack && stack.indexOf(head) !== 0) stack = head + '\n' + stack.replace(/\n$/, '');
    return stack || head;
  }

  function getPrefix(ctorName, tag, fallback, size) {
    if (ctorName === null) return '[' + fallback + (size !== undefined ? '(' + size + ')' : '') + ': null prototype] ';
    var base = ctorName + (size !== undefined ? '(' + size + ')' : '');
    if (tag && tag !== ctorName) base += ' [' + tag + ']';
    return base + ' ';
  }

  function ctorNameOf(v) {
    var proto = Object.getPrototypeOf(v);
    while (proto) {
      var d = Object.getOwnPropertyDescriptor(proto, 'constructor');
      if (d && typeof d.value === 'function' && d.value.name) return d.value.name;
      proto = Object.getPrototypeOf(proto);
    }
    return null;
  }

  function formatPrimitive(ctx, v) {
    if (typeof v === 'string') {
      var trailer = '';
      if (v.length > MAX_STRING) { trailer = '... ' + (v.length - MAX_STRING) + ' more characters'; v = v.slice(0, MAX_STRING); }
      if (v.length > 16 && v.length > BREAK - ctx.indentationLvl - 4 && v.indexOf('\n') !== -1 && v.indexOf('\n') < v.length - 1) {
        var parts = v.split(/(?<=\n)/);
        return parts.map(strEscape).join(' +\n' + ' '.repeat(ctx.indentationLvl + 2)) + trailer;
      }
      return strEscape(v) + trailer;
    }
    if (typeof v === 'number') return Object.is(v, -0) ? '-0' : String(v);
    if (typeof v === 'bigint') return String(v) + 'n';
    if (typeof v === 'symbol') return v.toString();
    return String(v);
  }

  function formatValue(ctx, v, depth, typedArray) {
    if (v === null) return 'null';
    if (typeof v !== 'object' && typeof v !== 'function') return formatPrimitive(ctx, v);
    if (ctx.seen.indexOf(v) !== -1) {
      var idx = ctx.circular.get(v);
      if (idx === undefined) { idx = ctx.circular.size + 1; ctx.circular.set(v, idx); }
      return '[Circular *' + idx + ']';
    }
    return formatRaw(ctx, v, depth);
  }

  function formatRaw(ctx, v, depth) {
    var keys = Object.keys(v);
    var symbols = Object.getOwnPropertySymbols(v).filter(function (s) { return Object.prototype.propertyIsEnumerable.call(v, s); });
    var ctorName = ctorNameOf(v);
    var tag = v[Symbol.toStringTag];
    if (typeof tag !== 'string') tag = '';
    var base = '', braces, extras = 'object', formatter = null, noIterator = true;
    var output = [];

    if (Array.isArray(v)) {
      keys = keys.filter(function (k) { return !/^(0|[1-9][0-9]*)$/.test(k); });
      var pre = ctorName !== 'Array' || tag ? getPrefix(ctorName, tag, 'Array', v.length) : '';
      braces = [pre + '[', ']'];
      if (v.length === 0 && keys.length === 0) return braces[0] + ']';
      extras = 'array';
      formatter = formatArray;
    } else if (v instanceof Map) {
      braces = [getPrefix(ctorName, tag, 'Map', v.size) + '{', '}'];
      if (v.size === 0 && keys.length === 0) return braces[0] + '}';
      formatter = formatMap;
    } else if (v instanceof Set) {
      braces = [getPrefix(ctorName, tag, 'Set', v.size) + '{', '}'];
      if (v.size === 0 && keys.length === 0) return braces[0] + '}';
      formatter = formatSet;
    } else if (ArrayBuffer.isView(v) && !(v instanceof DataView)) {
      if (cs.isBuffer && cs.isBuffer(v)) {
        var hex = [];
        for (var b = 0; b < Math.min(v.length, 50); b++) hex.push(v[b].toString(16).padStart(2, '0'));
        return '<Buffer' + (hex.length ? ' ' + hex.join(' ') : '') + (v.length > 50 ? ' ... ' + (v.length - 50) + ' more bytes' : '') + '>';
      }
      keys = keys.filter(function (k) { return !/^(0|[1-9][0-9]*)$/.test(k); });
      braces = [getPrefix(ctorName, tag, 'TypedArray', v.length) + '[', ']'];
      if (v.length === 0 && keys.length === 0) return braces[0] + ']';
      extras = 'array';
      formatter = formatTypedArray;
    } else if (typeof v === 'function') {
      base = fnBase(v);
      keys = keys.filter(function (k) { return k !== 'prototype'; });
      if (keys.length === 0 && symbols.length === 0) return base;
      braces = ['{', '}'];
    } else if (v instanceof RegExp) {
      base = RegExp.prototype.toString.call(v);
      if (keys.length === 0 && symbols.length === 0) return base;
      braces = ['{', '}'];
    } else if (v instanceof Date) {
      base = isNaN(v.getTime()) ? 'Invalid Date' : v.toISOString();
      if (keys.length === 0 && symbols.length === 0) return base;
      braces = ['{', '}'];
    } else if (v instanceof Error) {
      base = errorBase(v);
      keys = keys.filter(function (k) { return k !== 'stack' && k !== 'message'; });
      if (keys.length === 0 && symbols.length === 0) return base;
      braces = ['{', '}'];
    } else if (v instanceof Promise) {
      braces = [getPrefix(ctorName, tag, 'Promise') + '{', '}'];
      var st = cs.host.promiseState(v);
      if (st === 'pending') output.push('<pending>');
      else {
        ctx.indentationLvl += 2;
        var pv = formatValue(ctx, cs.host.promiseValue(v), depth + 1);
        ctx.indentationLvl -= 2;
        output.push(st === 'rejected' ? '<rejected> ' + pv : pv);
      }
    } else if (v instanceof ArrayBuffer) {
      var bytes = new Uint8Array(v), hx = [];
      for (var k2 = 0; k2 < Math.min(bytes.length, 50); k2++) hx.push(bytes[k2].toString(16).padStart(2, '0'));
      return 'ArrayBuffer { [Uint8Contents]: <' + hx.join(' ') + (bytes.length > 50 ? ' ... ' + (bytes.length - 50) + ' more bytes' : '') + '>, byteLength: ' + v.byteLength + ' }';
    } else if (v instanceof WeakMap || v instanceof WeakSet) {
      return (v instanceof WeakMap ? 'WeakMap' : 'WeakSet') + ' { <items unknown> }';
    } else if (v instanceof Number || v instanceof String || v instanceof Boolean) {
      var prim = v.valueOf();
      base = '[' + (v instanceof Number ? 'Number' : v instanceof String ? 'String' : 'Boolean') + ': ' + formatPrimitive(ctx, prim) + ']';
      if (v instanceof String) keys = keys.filter(function (k) { return !/^(0|[1-9][0-9]*)$/.test(k); });
      if (keys.length === 0) return base;
      braces = ['{', '}'];
    } else {
      if (ctorName === 'Object') {
        braces = [tag ? 'Object [' + tag + '] {' : '{', '}'];
      } else {
        braces = [getPrefix(ctorName, tag, 'Object') + '{', '}'];
      }
      if (keys.length === 0 && symbols.length === 0) return braces[0] + '}';
    }

    if (depth > DEPTH) {
      var nm = ctorName || (tag || 'Object');
      if (Array.isArray(v)) return '[Array]';
      return '[' + nm + ']';
    }

    ctx.seen.push(v);
    ctx.currentDepth = depth;
    if (formatter) output = output.concat(formatter(ctx, v, depth));
    for (var i = 0; i < keys.length; i++) output.push(formatProperty(ctx, v, depth, keys[i], extras));
    for (var j = 0; j < symbols.length; j++) output.push(formatProperty(ctx, v, depth, symbols[j], extras));
    ctx.seen.pop();

    var res = reduceToSingleString(ctx, output, base, braces, extras, depth, v);
    var ref = ctx.circular.get(v);
    if (ref !== undefined) res = '<ref *' + ref + '> ' + res;
    return res;
  }

  function formatArray(ctx, v, depth) {
    var out = [], len = Math.min(v.length, MAX_ARRAY), holes = 0;
    for (var i = 0; i < len; i++) {
      if (!Object.prototype.hasOwnProperty.call(v, i)) { holes++; continue; }
      if (holes) { out.push('<' + holes + ' empty item' + (holes > 1 ? 's' : '') + '>'); holes = 0; }
      out.push(formatProperty(ctx, v, depth, i, 'array'));
    }
    if (holes) out.push('<' + holes + ' empty item' + (holes > 1 ? 's' : '') + '>');
    if (v.length > len) out.push('... ' + (v.length - len) + ' more item' + (v.length - len > 1 ? 's' : ''));
    return out;
  }

  function formatTypedArray(ctx, v) {
    var out = [], len = Math.min(v.length, MAX_ARRAY);
    for (var i = 0; i < len; i++) out.push(formatPrimitive(ctx, v[i]));
    if (v.length > len) out.push('... ' + (v.length - len) + ' more item' + (v.length - len > 1 ? 's' : ''));
    return out;
  }

  function formatMap(ctx, v, depth) {
    var out = [];
    ctx.indentationLvl += 2;
    v.forEach(function (val, key) {
      out.push(formatValue(ctx, key, depth + 1) + ' => ' + formatValue(ctx, val, depth + 1));
    });
    ctx.indentationLvl -= 2;
    return out;
  }

  function formatSet(ctx, v, depth) {
    var out = [];
    ctx.indentationLvl += 2;
    v.forEach(function (val) { out.push(formatValue(ctx, val, depth + 1)); });
    ctx.indentationLvl -= 2;
    return out;
  }

  function formatProperty(ctx, v, depth, key, extras) {
    var str, desc = Object.getOwnPropertyDescriptor(v, key) || { value: v[key], enumerable: true };
    if (desc.value !== undefined || !('get' in desc)) {
      ctx.indentationLvl += 2;
      str = formatValue(ctx, desc.value, depth + 1);
      ctx.indentationLvl -= 2;
    } else if (desc.get !== undefined) {
      str = desc.set !== undefined ? '[Getter/Setter]' : '[Getter]';
    } else {
      str = desc.set !== undefined ? '[Setter]' : 'undefined';
    }
    if (extras === 'array' && typeof key === 'number') return str;
    var name;
    if (typeof key === 'symbol') name = '[' + key.toString() + ']';
    else if (IDENT.test(key)) name = key;
    else name = strEscape(key);
    return name + ': ' + str;
  }

  var layout = cs.inspectLayout;
  var reduceToSingleString = layout.reduceToSingleString;

  function inspect(v, opts) {
    var ctx = { seen: [], circular: new Map(), indentationLvl: 0, currentDepth: 0 };
    return formatValue(ctx, v, 0);
  }

  function format() {
    var args = Array.prototype.slice.call(arguments);
    if (args.length === 0) return '';
    var first = args[0], out = '', a = 1;
    if (typeof first === 'string' && first.indexOf('%') !== -1) {
      var last = 0;
      for (var i = 0; i < first.length - 1; i++) {
        if (first[i] !== '%') continue;
        var c = first[i + 1], rep = null;
        if (c === '%') { out += first.slice(last, i) + '%'; last = i + 2; i++; continue; }
        if (a >= args.length) continue;
        var arg = args[a];
        if (c === 's') rep = typeof arg === 'string' ? arg : typeof arg === 'bigint' ? arg + 'n' : (typeof arg === 'object' && arg !== null) ? inspect(arg) : String(arg);
        else if (c === 'd' || c === 'i') rep = typeof arg === 'bigint' ? arg + 'n' : typeof arg === 'symbol' ? 'NaN' : String(c === 'i' ? parseInt(arg) : Number(arg));
        else if (c === 'f') rep = String(parseFloat(arg));
        else if (c === 'j') { try { rep = JSON.stringify(arg); } catch (e) { rep = '[Circular]'; } }
        else if (c === 'o' || c === 'O') rep = inspect(arg);
        else if (c === 'c') rep = '';
        if (rep === null) continue;
        out += first.slice(last, i) + rep;
        last = i + 2; i++; a++;
      }
      out += first.slice(last);
    } else {
      out = typeof first === 'string' ? first : inspect(first);
    }
    for (; a < args.length; a++) {
      var v = args[a];
      out += ' ' + (typeof v === 'string' ? v : inspect(v));
    }
    return out;
  }

  cs.inspectFull = inspect;
  cs.formatFull = format;
})();
`;
