/**
 * Guest code evaluated at start in place of parts that are compiled on first use: the timers
 * (timers-source.ts), `process`, EventEmitter and CommonJS `require` (modules-source.ts), the
 * tracking `Promise` (promise-source.ts) and the description of errors (errors-source.ts).
 * Compiling is most of a new environment's real cost and most handlers use few of them, so their
 * globals start as accessors: the first read loads the part, whose plain data properties (as
 * before) then replace the accessors. A handler that replaced one of these globals before the
 * part loaded keeps its own value. Until the timers are loaded the host sees no timer due; until
 * the Promise is, no rejection is tracked.
 */
export const LAZY_STUBS_SOURCE = String.raw`
(function () {
  'use strict';
  var cs = globalThis.__coldstart;

  /** Accessor globals for names that part defines; returns the function that loads it. */
  function defer(part, names, keep, beforeLoad, hidden) {
    var loaded = false, getters = {};
    function load() {
      if (loaded) return;
      loaded = true;
      var kept = {};
      names.concat(keep).forEach(function (n) {
        var d = Object.getOwnPropertyDescriptor(globalThis, n);
        if (!(d && d.get === getters[n])) kept[n] = d;
      });
      if (beforeLoad) beforeLoad();
      cs.load(part);
      Object.keys(kept).forEach(function (n) {
        if (kept[n]) Object.defineProperty(globalThis, n, kept[n]);
        else delete globalThis[n];
      });
    }
    names.forEach(function (n) {
      getters[n] = function () { load(); return globalThis[n]; };
      Object.defineProperty(globalThis, n, {
        get: getters[n],
        set: function (v) { Object.defineProperty(globalThis, n, { value: v, writable: true, enumerable: !hidden, configurable: true }); },
        enumerable: !hidden,
        configurable: true
      });
    });
    return load;
  }
  /** cs[name] calls the loaded part's function of the same name. */
  function forward(load, name) {
    var stub = cs[name] = function () {
      load();
      if (cs[name] === stub) throw new Error('Coldstart could not load its ' + name + ' support');
      return cs[name].apply(undefined, arguments);
    };
  }

  var loadTimers = defer('timers', ['setTimeout', 'setInterval', 'setImmediate', 'clearImmediate', 'clearInterval', 'clearTimeout', 'queueMicrotask'], [], function () { delete cs.timers; });
  forward(loadTimers, 'setTimer');
  Object.defineProperty(cs, 'timers', { get: function () { loadTimers(); return cs.timers; }, enumerable: true, configurable: true });
  cs.nextTimerDue = function () { return -1; };
  forward(loadTimers, 'fire');

  var loadModules = defer('process', ['process'], ['global']);
  // For runtime code that needs the process object itself (unhandled rejections go to its listeners).
  cs.loadProcess = loadModules;
  globalThis.global = globalThis;
  ['builtin', 'requireFile', 'makeRequire'].forEach(function (name) { forward(loadModules, name); });

  // Like Node's, the global Promise is not enumerable.
  defer('promise', ['Promise'], [], undefined, true);
  cs.takeUnhandled = function () { return undefined; };

  var errorsLoaded = false;
  function loadErrors() {
    if (errorsLoaded) return;
    errorsLoaded = true;
    delete cs.errors;
    cs.load('errors');
  }
  ['logError', 'reportUncaught', 'toRapid', 'runtimeError', 'classifyInitError'].forEach(function (name) { forward(loadErrors, name); });
  Object.defineProperty(cs, 'errors', { get: function () { loadErrors(); return cs.errors; }, enumerable: true, configurable: true });
})();
`;
