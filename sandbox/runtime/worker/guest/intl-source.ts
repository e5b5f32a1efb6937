/**
 * Guest code, compiled the first time a handler reads `Intl` or calls a locale method
 * (`toLocaleString`, `toLocaleDateString`, `toLocaleTimeString`, `localeCompare`; see
 * core-source.ts): Intl whose text comes from the host's V8 and ICU (intl-bridge.ts), since
 * QuickJS has none. NumberFormat, DateTimeFormat, Collator, PluralRules, RelativeTimeFormat and
 * ListFormat, each with its format/compare/select, formatToParts, resolvedOptions and
 * supportedLocalesOf; bad locales and options throw V8's own RangeError or TypeError.
 */
export const INTL_SOURCE = String.raw`
(function () {
  'use strict';
  var cs = globalThis.__coldstart;
  var host = cs.host;
  var stringify = JSON.stringify, parse = JSON.parse, defineProperty = Object.defineProperty;
  var specs = new WeakMap();

  /** JSON has no NaN, Infinity or BigInt: they travel as {special} and {bigint}. */
  function encode(v) {
    if (typeof v === 'number') return isFinite(v) ? v : { special: String(v) };
    if (typeof v === 'bigint') return { bigint: String(v) };
    return v;
  }
  function ask(kind, locales, options, method, args) {
    var reply = parse(host.intl(stringify({ kind: kind, locales: locales, options: options, method: method, args: args ? args.map(encode) : [] })));
    if (reply.e) {
      var E = globalThis[reply.e.name];
      throw new (typeof E === 'function' ? E : Error)(reply.e.message);
    }
    return reply.v;
  }
  function specOf(self, kind) {
    var s = specs.get(self);
    if (!s || s.kind !== kind) throw new TypeError('Method Intl.' + kind + '.prototype called on incompatible receiver ' + String(self));
    return s;
  }
  /** A time value, as V8 reads a date argument (undefined is now, on the virtual clock). */
  function timeOf(d) {
    return d === undefined ? Date.now() : Number(d);
  }
  function method(proto, kind, name, convert) {
    defineProperty(proto, name, {
      value: function () {
        var s = specOf(this, kind), args = Array.prototype.slice.call(arguments);
        return ask(kind, s.locales, s.options, name, convert ? convert(args) : args);
      },
      writable: true, enumerable: false, configurable: true
    });
  }
  /** format and compare are getters of bound functions in V8, so arr.map(nf.format) works. */
  function boundGetter(proto, kind, name, convert) {
    defineProperty(proto, name, {
      get: function () {
        var s = specOf(this, kind);
        return function (a, b) { return ask(kind, s.locales, s.options, name, convert ? convert([a, b]) : [a, b]); };
      },
      enumerable: false, configurable: true
    });
  }
  function formatter(kind, parts) {
    var C = function (locales, options) {
      if (!new.target && (kind === 'PluralRules' || kind === 'RelativeTimeFormat' || kind === 'ListFormat')) {
        throw new TypeError("Constructor Intl." + kind + " requires 'new'");
      }
      var s = { kind: kind, locales: locales, options: options };
      ask(kind, locales, options, 'resolvedOptions'); // a bad locale or option throws here, as in V8
      var self = new.target ? this : Object.create(C.prototype);
      specs.set(self, s);
      return self;
    };
    defineProperty(C, 'name', { value: kind });
    C.supportedLocalesOf = function supportedLocalesOf(locales, options) { return ask(kind, locales, options, 'supportedLocalesOf'); };
    method(C.prototype, kind, 'resolvedOptions');
    parts(C.prototype);
    defineProperty(C.prototype, Symbol.toStringTag, { value: 'Intl.' + kind, configurable: true });
    return C;
  }
  var dates = function (args) { return [timeOf(args[0])]; };
  var firstOnly = function (args) { return [args[0]]; };

  var Intl = {
    NumberFormat: formatter('NumberFormat', function (p) {
      boundGetter(p, 'NumberFormat', 'format', firstOnly);
      method(p, 'NumberFormat', 'formatToParts', firstOnly);
    }),
    DateTimeFormat: formatter('DateTimeFormat', function (p) {
      boundGetter(p, 'DateTimeFormat', 'format', dates);
      method(p, 'DateTimeFormat', 'formatToParts', dates);
    }),
    Collator: formatter('Collator', function (p) { boundGetter(p, 'Collator', 'compare'); }),
    PluralRules: formatter('PluralRules', function (p) { method(p, 'PluralRules', 'select', firstOnly); }),
    RelativeTimeFormat: formatter('RelativeTimeFormat', function (p) {
      method(p, 'RelativeTimeFormat', 'format');
      method(p, 'RelativeTimeFormat', 'formatToParts');
    }),
    ListFormat: formatter('ListFormat', function (p) {
      method(p, 'ListFormat', 'format', function (args) { return [Array.from(args[0] || [])]; });
      method(p, 'ListFormat', 'formatToParts', function (args) { return [Array.from(args[0] || [])]; });
    }),
    getCanonicalLocales: function getCanonicalLocales(locales) { return ask('Intl', locales, undefined, 'getCanonicalLocales'); }
  };
  defineProperty(Intl, Symbol.toStringTag, { value: 'Intl', configurable: true });
  defineProperty(globalThis, 'Intl', { value: Intl, writable: true, enumerable: false, configurable: true });

  // The built-in locale methods, V8's way (the host formats; dates in Lambda's UTC).
  function replace(proto, name, fn) {
    defineProperty(fn, 'name', { value: name });
    defineProperty(proto, name, { value: fn, writable: true, enumerable: false, configurable: true });
  }
  replace(Number.prototype, 'toLocaleString', function (locales, options) {
    return ask('Number', locales, options, 'toLocaleString', [Number(this)]);
  });
  var dateProto = cs.NativeDate.prototype;
  ['toLocaleString', 'toLocaleDateString', 'toLocaleTimeString'].forEach(function (name) {
    replace(dateProto, name, function (locales, options) {
      return ask('Date', locales, options, name, [dateProto.getTime.call(this)]);
    });
  });
  replace(String.prototype, 'localeCompare', function (that, locales, options) {
    return ask('String', locales, options, 'localeCompare', [String(this), String(that)]);
  });
})();
`;
