/**
 * Guest code: what Lambda's Node.js runtime interface client does around the handler. INIT loads
 * the module and finds the handler (with the runtime's own error types); INVOKE builds `context`,
 * calls the handler (async or callback style) and turns its outcome into the JSON the Invoke API
 * returns, logging "Invoke Error" lines as the real runtime does.
 * Outcomes cross to the host as JSON strings only.
 */
export const RUNTIME_SOURCE = String.raw`
(function () {
  'use strict';
  var cs = globalThis.__coldstart;
  var info = cs.info;
  var clk = cs.clk;
  var stringify = JSON.stringify, parse = JSON.parse;
  var SEP = '\u0001';
  /** The current phase's outcome once settled: code + SEP + body (see cs.poll). */
  var outcome = null;
  var phase = 'init';
  var MAX_FRAMES = 10;
  var CALLBACK_REMOVED = 'ERROR: AWS Lambda has removed support for callback-based function handlers starting with Node.js 24. You need to modify this function to use a supported handler signature to use Node.js 24 or later. For more information see https://docs.aws.amazon.com/lambda/latest/dg/nodejs-handler.html.';
  var NODEJS_EXIT = 'The Lambda runtime client detected an unexpected Node.js exit code. This is most commonly caused by a Promise that was never settled. For more information, see https://nodejs.org/docs/latest/api/process.html#exit-codes';

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
    cs.logError('Uncaught Exception', e);
    cs.uncaught = stringify(toRapid(e));
  };

  // Unhandled promise rejections: Node's and each runtime client's handling lives in
  // rejections-source.ts, compiled the first time a rejection goes unhandled.
  /** True once the invoke's answer went out (callback handlers that wait for the loop have not). */
  cs.answered = function () {
    var code = phase === 'invoke' && outcome !== null ? outcome.slice(0, outcome.indexOf(SEP)) : '';
    return code === 'ok' || code === 'err';
  };
  cs.dropAnswer = function () { outcome = null; };
  cs.errors = { nodeLike: nodeLike, isErrorLike: isErrorLike, frames: frames, toLogged: toLogged };
  // nodejs22.x's runtime client registers its listener before the handler loads (here: as soon as process exists).
  if (info.runtime === 'nodejs22.x') cs.processReady = function (proc) { proc.on('unhandledRejection', function (reason, promise) { cs.load('rejections'); return cs.runtimeOnUnhandledRejection(reason, promise); }); };

  function classifyInitError(e) {
    if (e && e.__lambda) return e.__lambda;
    if (e instanceof SyntaxError) return runtimeError('Runtime.UserCodeSyntaxError', 'SyntaxError: ' + e.message, e);
    var loadFailure = /^(Cannot find (module|package) |The '.*' module is not |The AWS SDK )/;
    if (e && e.name === 'Error' && typeof e.message === 'string' && loadFailure.test(e.message)) {
      return runtimeError('Runtime.ImportModuleError', 'Error: ' + e.message, e);
    }
    if (e && (e.code === 'MODULE_NOT_FOUND' || e.code === 'ERR_MODULE_NOT_FOUND' || e.code === 'ERR_COLDSTART_UNAVAILABLE' || e.code === 'ERR_REQUIRE_ESM')) {
      return runtimeError('Runtime.ImportModuleError', 'Error: ' + e.message, e);
    }
    return toRapid(e);
  }

  function setClock(meta, from) {
    var parts = meta.split(' ');
    clk[0] = Number(parts[from]);
    clk[1] = Number(parts[from + 1]);
    return parts;
  }

  /**
   * What the host reads after running the guest: state (p pending, s settled, u uncaught exception),
   * the virtual clock, the next timer's due time, the buffered log lines as JSON, then the outcome.
   * One call per loop turn keeps the crossings between host and guest to a minimum.
   */
  cs.poll = function (now) {
    if (now > clk[0]) clk[0] = now;
    var rejected = cs.takeUnhandled();
    if (rejected && !cs.uncaught && !cs.exited) {
      cs.load('rejections');
      cs.onUnhandled(rejected);
    }
    var state = cs.uncaught ? (cs.rejection ? 'r' : 'u') : outcome !== null ? 's' : 'p';
    return state + SEP + clk[0] + SEP + cs.nextTimerDue() + SEP + cs.takeLogs() + SEP + (state === 'u' || state === 'r' ? cs.uncaught : state === 's' ? outcome : '');
  };

  /** INIT: load the handler module and resolve the handler; the outcome is 'init' + SEP + ('' or an error JSON). */
  cs.init = function (entryJson, meta) {
    setClock(meta, 0);
    outcome = null;
    phase = 'init';
    var entry = parse(entryJson);
    var loading = entry.format === 'esm'
      ? import(entry.specifier)
      : new Promise(function (resolve) { resolve(cs.requireFile(entry.path, entry.format)); });
    return loading.then(function (mod) {
      var fn = entry.handlerPath.split('.').reduce(function (o, k) { return o && o[k]; }, mod);
      if (!fn) throw { __lambda: runtimeError('Runtime.HandlerNotFound', entry.handlerString + ' is undefined or not exported') };
      if (typeof fn !== 'function') throw { __lambda: runtimeError('Runtime.HandlerNotFound', entry.handlerString + ' is not a function') };
      if (info.runtime === 'nodejs24.x' && fn.length >= 3) throw { __lambda: runtimeError('Runtime.CallbackHandlerDeprecated', CALLBACK_REMOVED) };
      cs.handler = fn;
      cs.handlerIsAsync = !!(fn.constructor && fn.constructor.name === 'AsyncFunction');
      outcome = 'init' + SEP;
    }).catch(function (e) {
      var shaped = classifyInitError(e);
      cs.line('ERROR', 'Uncaught Exception \t' + stringify({ errorType: shaped.errorType, errorMessage: shaped.errorMessage, stack: shaped.trace }));
      outcome = 'init' + SEP + stringify(shaped);
    });
  };

  var fn = info.fn;
  /**
   * INVOKE: the outcome is ok|okw|err|errw + SEP + the result JSON or the error JSON. A trailing w
   * means Lambda keeps running the event loop until it is empty before answering (callback
   * handlers with callbackWaitsForEmptyEventLoop). The event comes as JSON or already decoded.
   */
  cs.invoke = function (event, requestId, deadline, now, wallOffset) {
    clk[0] = now;
    clk[1] = wallOffset;
    outcome = null;
    phase = 'invoke';
    var settled = false;
    var context = {
      callbackWaitsForEmptyEventLoop: true,
      functionVersion: '$LATEST',
      functionName: fn.functionName,
      memoryLimitInMB: fn.memoryLimitInMB,
      logGroupName: fn.logGroupName,
      logStreamName: fn.logStreamName,
      clientContext: undefined,
      identity: undefined,
      invokedFunctionArn: fn.invokedFunctionArn,
      awsRequestId: requestId,
      getRemainingTimeInMillis: function () { return Math.max(0, Math.floor(deadline - clk[0])); }
    };
    (function () {
      function resolve(value) { outcome = value; }
      function succeed(value, wait) {
        if (settled) return;
        settled = true;
        var json;
        try { json = stringify(value === undefined ? null : value); } catch (e) {
          var err = { errorType: 'Runtime.JSONStringifyError', errorMessage: 'Unable to stringify response body', trace: [] };
          cs.logError('Invoke Error', { name: err.errorType, message: err.errorMessage, stack: '' });
          resolve((wait ? 'errw' : 'err') + SEP + stringify(err));
          return;
        }
        if (json === undefined) json = 'null';
        resolve((wait ? 'okw' : 'ok') + SEP + json);
      }
      function fail(e, wait) {
        if (settled) return;
        settled = true;
        var shaped;
        try {
          cs.logError('Invoke Error', e);
          shaped = stringify(toRapid(e));
        } catch (x) {
          shaped = stringify({ errorType: 'Runtime.UnknownError', errorMessage: 'The handler failed with a value that cannot be described', trace: [] });
        }
        resolve((wait ? 'errw' : 'err') + SEP + shaped);
      }
      function callback(err, result) {
        var wait = context.callbackWaitsForEmptyEventLoop !== false;
        if (err !== undefined && err !== null) fail(err, wait); else succeed(result, wait);
      }
      if (info.runtime !== 'nodejs24.x') {
        context.done = callback;
        context.succeed = function (r) { callback(null, r); };
        context.fail = function (e) { callback(e); };
      }
      cs.onEmptyLoop = function () {
        // The event loop drained without an answer (beforeExit in the runtime client).
        if (settled) return;
        if (cs.handlerIsAsync) {
          var e = new Error(NODEJS_EXIT);
          e.name = 'Runtime.NodeJsExit';
          e.stack = '';
          fail(e, false);
        } else succeed(null, false);
      };
      var ret;
      try {
        ret = cs.handler(typeof event === 'string' ? parse(event) : event, context, callback);
      } catch (e) {
        callback(e);
        return;
      }
      var isThenable = false;
      try { isThenable = !!ret && typeof ret.then === 'function'; } catch (e) { fail(e, false); return; }
      if (isThenable) {
        try { ret.then(function (v) { succeed(v, false); }, function (e) { fail(e, false); }); } catch (e) { fail(e, false); }
      } else if (info.runtime === 'nodejs24.x') {
        // nodejs24.x's runtime client awaits whatever the handler returns.
        succeed(ret, false);
      }
      // nodejs22.x: a non-async handler that returns without calling back answers null once the
      // event loop is empty (see onEmptyLoop), exactly like the real runtime.
    })();
  };
})();
`;
