/**
 * Guest code, compiled the first time something fails (most invokes never do): how Lambda's
 * Node.js runtime interface client describes errors. The Invoke API's error shape (errorType,
 * errorMessage, trace), the "Invoke Error" / "Uncaught Exception" log lines with the error's own
 * properties, the runtime's own error types for INIT failures, and QuickJS's wording of a few
 * engine errors turned into Node's. Until it is loaded, the runtime's calls to these go through
 * stubs that load it (see core-source.ts).
 */
export const ERRORS_SOURCE = String.raw`
(function () {
  'use strict';
  var cs = globalThis.__coldstart;
  var stringify = JSON.stringify;
  var MAX_FRAMES = 10;

  function frames(err) {
    var s = err && typeof err.stack === 'string' ? err.stack : '';
    return s.split('\n').filter(function (l) { return /^\s+at /.test(l); }).slice(0, MAX_FRAMES);
  }
  function isErrorLike(e) {
    return e instanceof Error || (e && typeof e === 'object' && typeof e.name === 'string' && typeof e.message === 'string');
  }
  /** QuickJS words a few engine errors differently from V8; use Node's words. */
  function nodeLike(e) {
    if (e && e.name === 'InternalError' && e.message === 'stack overflow') {
      return { name: 'RangeError', message: 'Maximum call stack size exceeded', stack: e.stack };
    }
    if (e && e.name === 'InternalError' && e.message === 'string too long') {
      return { name: 'RangeError', message: 'Invalid string length', stack: e.stack };
    }
    return e;
  }
  /** The Invoke API's error shape (toRapidResponse in the runtime client). */
  function toRapid(e) {
    e = nodeLike(e);
    try {
      if (isErrorLike(e)) {
        return { errorType: String(e.name), errorMessage: String(e.message), trace: [String(e.name) + (e.message ? ': ' + e.message : '')].concat(frames(e)) };
      }
      return { errorType: typeof e, errorMessage: String(e), trace: [] };
    } catch (x) {
      return { errorType: 'handled', errorMessage: 'callback called with Error argument, but there was a problem while retrieving one or more of its message, name, and stack', trace: [] };
    }
  }
  /** The runtime logs errors with their enumerable properties and the stack as an array. */
  function toLogged(e) {
    e = nodeLike(e);
    if (!isErrorLike(e)) return stringify(e === undefined ? null : e);
    var r = { errorType: e.name, errorMessage: e.message, code: e.code };
    try { Object.keys(e).forEach(function (k) { r[k] = e[k]; }); } catch (x) {}
    r.stack = toRapid(e).trace;
    try { return stringify(r); } catch (x) { return stringify(toRapid(e)); }
  }
  function runtimeError(type, message, cause) {
    var trace = [type + ': ' + message].concat(cause ? frames(cause) : []);
    return { errorType: type, errorMessage: message, trace: trace };
  }
  cs.logError = function (title, e) { cs.line('ERROR', title + ' \t' + toLogged(e)); };

  cs.reportUncaught = function (e) {
    // After process.exit() nothing runs on Node: what unwinds here is the simulator's exit.
    if (cs.uncaught || cs.exited) return;
    if (cs.info.runtime === 'nodejs24.x') {
      // No runtime client listener there: see rejections-source.ts.
      cs.load('rejections');
      cs.onUncaught(e);
      return;
    }
    // nodejs22.x's runtime client (3.x) listens: it logs the error, fails the invoke with it and
    // exits with status 129.
    cs.logError('Uncaught Exception', e);
    cs.uncaught = stringify(toRapid(e));
  };

  /** QuickJS's link error for a missing named import, in Node's words (the specifier as written). */
  function missingExport(message) {
    var m = /^Could not find export '(.*)' in module '(.*)'$/.exec(message);
    return m ? "The requested module '" + cs.host.specifier(m[2]) + "' does not provide an export named '" + m[1] + "'" : message;
  }

  function classifyInitError(e) {
    if (e && e.__lambda) return e.__lambda;
    if (e instanceof SyntaxError) return runtimeError('Runtime.UserCodeSyntaxError', 'SyntaxError: ' + missingExport(e.message), e);
    var loadFailure = /^(Cannot find (module|package) |The '.*' module is not |The AWS SDK )/;
    if (e && e.name === 'Error' && typeof e.message === 'string' && loadFailure.test(e.message)) {
      return runtimeError('Runtime.ImportModuleError', 'Error: ' + e.message, e);
    }
    if (e && (e.code === 'MODULE_NOT_FOUND' || e.code === 'ERR_MODULE_NOT_FOUND' || e.code === 'ERR_COLDSTART_UNAVAILABLE' || e.code === 'ERR_REQUIRE_ESM')) {
      return runtimeError('Runtime.ImportModuleError', 'Error: ' + e.message, e);
    }
    return toRapid(e);
  }

  cs.errors = { nodeLike: nodeLike, isErrorLike: isErrorLike, frames: frames, toLogged: toLogged };
  cs.toRapid = toRapid;
  cs.runtimeError = runtimeError;
  cs.classifyInitError = classifyInitError;
})();
`;
