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
  var NativePromise = cs.NativePromise;
  var SEP = '\u0001';
  /** The current phase's outcome once settled: code + SEP + body (see cs.poll). */
  var outcome = null;
  var phase = 'init';
  var CALLBACK_REMOVED = 'ERROR: AWS Lambda has removed support for callback-based function handlers starting with Node.js 24. You need to modify this function to use a supported handler signature to use Node.js 24 or later. For more information see https://docs.aws.amazon.com/lambda/latest/dg/nodejs-handler.html.';
  var NODEJS_EXIT = 'The Lambda runtime client detected an unexpected Node.js exit code. This is most commonly caused by a Promise that was never settled. For more information, see https://nodejs.org/docs/latest/api/process.html#exit-codes';

  // Describing errors (errors-source.ts) is compiled the first time something fails; unhandled
  // promise rejections (rejections-source.ts) the first time one goes unhandled.
  /** True once the invoke's answer went out (callback handlers that wait for the loop have not). */
  cs.answered = function () {
    var code = phase === 'invoke' && outcome !== null ? outcome.slice(0, outcome.indexOf(SEP)) : '';
    return code === 'ok' || code === 'err';
  };
  cs.dropAnswer = function () { outcome = null; };

  /**
   * What the host reads after running the guest: state (p pending, s settled, u uncaught exception,
   * r unhandled rejection), the virtual clock, the next timer's due time, the outcome's length, the
   * outcome (JSON, so no lone surrogates change its length on the way), then the buffered log
   * lines. One call per loop turn keeps the crossings between host and guest to a minimum.
   */
  cs.poll = function (now) {
    if (now > clk[0]) clk[0] = now;
    var rejected = cs.takeUnhandled && cs.takeUnhandled();
    if (rejected && !cs.uncaught && !cs.exited) {
      cs.load('rejections');
      cs.onUnhandled(rejected);
    }
    var state = cs.uncaught ? (cs.rejection ? 'r' : 'u') : outcome !== null ? 's' : 'p';
    var result = state === 'u' || state === 'r' ? cs.uncaught : state === 's' ? outcome : '';
    return state + SEP + clk[0] + SEP + (cs.nextTimerDue ? cs.nextTimerDue() : -1) + SEP + result.length + SEP + result + cs.takeLogs();
  };

  /** INIT: load the handler module and resolve the handler; the outcome is 'init' + SEP + ('' or an error JSON). */
  cs.init = function (entryJson, meta) {
    var times = meta.split(' ');
    clk[0] = Number(times[0]);
    clk[1] = Number(times[1]);
    outcome = null;
    phase = 'init';
    var entry = parse(entryJson);
    var loading = entry.format === 'esm'
      ? import(entry.specifier)
      : new NativePromise(function (resolve) { resolve(cs.requireFile(entry.path, entry.format)); });
    return loading.then(function (mod) {
      var fn = entry.handlerPath.split('.').reduce(function (o, k) { return o && o[k]; }, mod);
      if (!fn) throw { __lambda: cs.runtimeError('Runtime.HandlerNotFound', entry.handlerString + ' is undefined or not exported') };
      if (typeof fn !== 'function') throw { __lambda: cs.runtimeError('Runtime.HandlerNotFound', entry.handlerString + ' is not a function') };
      if (info.runtime === 'nodejs24.x' && fn.length >= 3) throw { __lambda: cs.runtimeError('Runtime.CallbackHandlerDeprecated', CALLBACK_REMOVED) };
      cs.handler = fn;
      cs.handlerIsAsync = !!(fn.constructor && fn.constructor.name === 'AsyncFunction');
      outcome = 'init' + SEP;
    }).catch(function (e) {
      var shaped = cs.classifyInitError(e);
      // nodejs22.x's client (3.x) reports a failed load through its uncaughtException listener;
      // nodejs24.x's (4.x, runtime-setup.ts) catches it and logs "Init Error".
      cs.line('ERROR', (info.runtime === 'nodejs24.x' ? 'Init Error' : 'Uncaught Exception') + ' \t' + stringify({ errorType: shaped.errorType, errorMessage: shaped.errorMessage, stack: shaped.trace }));
      outcome = 'init' + SEP + stringify(shaped);
    });
  };

  var fn = info.fn;
  /** Whether the running invoke answered; which invoke is running; its answer functions. */
  var settled = true, running = 0, succeedRunning, failRunning;
  /**
   * INVOKE: the outcome is ok|okw|err|errw + SEP + the result JSON or the error JSON. A trailing w
   * means Lambda keeps running the event loop until it is empty before answering (callback
   * handlers with callbackWaitsForEmptyEventLoop). The event comes as JSON or already decoded.
   * (Few functions on purpose: compiling each costs every new environment; see parts.ts.)
   */
  cs.invoke = function (event, requestId, deadline, now, wallOffset) {
    clk[0] = now;
    clk[1] = wallOffset;
    outcome = null;
    phase = 'invoke';
    settled = false;
    // Answers from an earlier invoke's callback or promise come too late: they are ignored.
    var self = ++running;
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
    /** The answer; 'wait' (callback handlers) is true only when the loop must empty first. */
    function succeed(value, wait) {
      if (settled || self !== running) return;
      settled = true;
      var json;
      try { json = stringify(value === undefined ? null : value); } catch (e) {
        var err = { errorType: 'Runtime.JSONStringifyError', errorMessage: 'Unable to stringify response body', trace: [] };
        cs.logError('Invoke Error', { name: err.errorType, message: err.errorMessage, stack: '' });
        outcome = (wait === true ? 'errw' : 'err') + SEP + stringify(err);
        return;
      }
      outcome = (wait === true ? 'okw' : 'ok') + SEP + (json === undefined ? 'null' : json);
    }
    function fail(e, wait) {
      if (settled || self !== running) return;
      settled = true;
      var shaped;
      try {
        cs.logError('Invoke Error', e);
        shaped = stringify(cs.toRapid(e));
      } catch (x) {
        shaped = stringify({ errorType: 'Runtime.UnknownError', errorMessage: 'The handler failed with a value that cannot be described', trace: [] });
      }
      outcome = (wait === true ? 'errw' : 'err') + SEP + shaped;
    }
    function callback(err, result) {
      var wait = context.callbackWaitsForEmptyEventLoop !== false;
      if (err !== undefined && err !== null) fail(err, wait); else succeed(result, wait);
    }
    if (info.runtime !== 'nodejs24.x') {
      context.done = callback;
      context.succeed = callback.bind(undefined, null);
      context.fail = callback.bind(undefined);
    }
    succeedRunning = succeed;
    failRunning = fail;
    var ret;
    try {
      ret = cs.handler(typeof event === 'string' ? parse(event) : event, context, callback);
    } catch (e) {
      callback(e);
      return;
    }
    var isThenable = false;
    try { isThenable = !!ret && typeof ret.then === 'function'; } catch (e) { fail(e); return; }
    if (isThenable) {
      try { ret.then(succeed, fail); } catch (e) { fail(e); }
    } else if (info.runtime === 'nodejs24.x') {
      // nodejs24.x's runtime client awaits whatever the handler returns.
      succeed(ret);
    }
    // nodejs22.x: a non-async handler that returns without calling back answers null once the
    // event loop is empty (see onEmptyLoop), exactly like the real runtime.
  };
  /** The running invoke's event loop drained without an answer (beforeExit in the runtime client). */
  cs.onEmptyLoop = function () {
    if (settled) return;
    if (cs.handlerIsAsync) {
      var e = new Error(NODEJS_EXIT);
      e.name = 'Runtime.NodeJsExit';
      e.stack = '';
      failRunning(e);
    } else succeedRunning(null);
  };
})();
`;
