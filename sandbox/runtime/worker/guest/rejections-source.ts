/**
 * Guest code, compiled the first time a promise rejection goes unhandled (most handlers never
 * need it): what Node does at the end of a turn with rejections nobody handled, and what each
 * runtime's client adds. Node emits 'unhandledRejection' to its listeners; with none it crashes
 * the process (exit status 1), printing the error without the runtime's log prefix. nodejs22.x's
 * runtime interface client (3.x, src/index.mjs and Runtime.js) listens: it logs "Unhandled Promise
 * Rejection", fails the invoke with Runtime.UnhandledPromiseRejection and exits with status 128.
 * nodejs24.x's client (4.x) registers no listener, so Node's crash applies there. The same goes
 * for uncaught exceptions (a throw in a timer, say): 4.x (src/worker/ignition.ts, runtime-setup.ts)
 * registers no 'uncaughtException' listener either, so on nodejs24.x the function's own listeners
 * get the error or, with none, Node prints it and exits with status 1. (nodejs22.x's listener is in
 * errors-source.ts.)
 */
export const REJECTIONS_SOURCE = String.raw`
(function () {
  'use strict';
  var cs = globalThis.__coldstart;
  var host = cs.host;
  var info = cs.info;
  var stringify = JSON.stringify, parse = JSON.parse;
  var nodeLike = cs.errors.nodeLike, isErrorLike = cs.errors.isErrorLike, frames = cs.errors.frames, toLogged = cs.errors.toLogged;
  var EXITED = {};
  /** Where the runtime client's listener sits in the stack it reports (from nodejs22.x logs). */
  var LISTENER_FRAMES = [
    '    at process.<anonymous> (file:///var/runtime/index.mjs:1448:17)',
    '    at process.emit (node:events:519:28)',
    '    at emitUnhandledRejection (node:internal/process/promises:252:13)',
    '    at throwUnhandledRejectionsMode (node:internal/process/promises:388:19)',
    '    at processPromiseRejections (node:internal/process/promises:475:17)',
    '    at process.processTicksAndRejections (node:internal/process/task_queues:106:32)'
  ];
  /** Node 24's own frames when it crashes on a rejection whose reason is not an Error. */
  var NODE_FRAMES = [
    '    at throwUnhandledRejectionsMode (node:internal/process/promises:392:7)',
    '    at processPromiseRejections (node:internal/process/promises:475:17)',
    '    at process.processTicksAndRejections (node:internal/process/task_queues:106:37)'
  ];
  /** nodejs22.x's listener (runtime-source.ts registers it before the handler loads). */
  cs.runtimeOnUnhandledRejection = function (reason) {
    var r = nodeLike(reason), message;
    try { message = reason === undefined ? '' : isErrorLike(r) ? String(r.name) + (r.message ? ': ' + r.message : '') : String(r); } catch (x) { message = 'Unknown reason'; }
    var trace = ('Runtime.UnhandledPromiseRejection: ' + message).split('\n').concat(LISTENER_FRAMES);
    var shaped = { errorType: 'Runtime.UnhandledPromiseRejection', errorMessage: message, trace: trace };
    var logged;
    try { logged = stringify({ errorType: shaped.errorType, errorMessage: message, reason: parse(toLogged(r)), promise: {}, stack: trace }); } catch (x) { logged = stringify(shaped); }
    cs.line('ERROR', 'Unhandled Promise Rejection \t' + logged);
    // The client posts a response as soon as the handler settles: a rejection noticed at the end
    // of that same turn finds it already sent, and the process exits behind it.
    if (cs.answered()) host.exit(128);
    else {
      cs.rejection = true;
      cs.uncaught = stringify(shaped);
    }
    throw EXITED; // process.exit(128): listeners registered later never run
  };

  /** V8's NoSideEffectsToString, which Node quotes in its crash message. */
  function plainString(v) {
    if (v === null || (typeof v !== 'object' && typeof v !== 'function')) { try { return String(v); } catch (x) { return typeof v; } }
    var name = 'Object';
    try { name = (Object.getPrototypeOf(v) && Object.getPrototypeOf(v).constructor.name) || 'Object'; } catch (x) {}
    return typeof v === 'function' ? 'function' : '#<' + name + '>';
  }
  /** What Node prints to stderr (no timestamp, no request id) when it dies of a rejection. */
  function crashText(reason) {
    var text;
    if (isErrorLike(reason)) {
      var e = nodeLike(reason);
      try { text = e === reason ? cs.inspect(reason) : e.name + ': ' + e.message + '\n' + frames(reason).join('\n'); } catch (x) { text = String(e.name) + ': ' + String(e.message); }
    } else {
      text = 'node:internal/process/promises:392\n      new UnhandledPromiseRejection(reason);\n      ^\n\n' +
        'UnhandledPromiseRejection: This error originated either by throwing inside of an async function without a catch block, or by rejecting a promise which was not handled with .catch(). The promise rejected with the reason "' + plainString(reason) + '".\n' +
        NODE_FRAMES.join('\n') + " {\n  code: 'ERR_UNHANDLED_REJECTION'\n}";
    }
    return text + '\n\nNode.js ' + info.nodeVersion;
  }
  /** What Node prints when it dies of an uncaught exception. */
  function uncaughtText(e) {
    var text;
    try {
      var n = nodeLike(e);
      text = !isErrorLike(e) ? cs.inspect(e) + '\n(Use \x60node --trace-uncaught ...\x60 to show where the exception was thrown)'
        : n === e ? cs.inspect(e) : n.name + ': ' + n.message + '\n' + frames(e).join('\n');
    } catch (x) { text = 'Uncaught exception'; }
    return text + '\n\nNode.js ' + info.nodeVersion;
  }
  function crash(reason, text) {
    cs.line('RAW', text === undefined ? crashText(reason) : text);
    // nodejs24.x's client posts the response one turn (setImmediate) after the handler settles,
    // so the crash at the end of this turn comes first and the response is lost.
    if (!(info.runtime === 'nodejs22.x' && cs.answered())) cs.dropAnswer();
    host.exit(1);
  }
  /** An uncaught exception on nodejs24.x: the function's own listeners, or the crash. */
  cs.onUncaught = function (e) {
    if (!cs.process) cs.loadProcess();
    if (cs.process.listenerCount('uncaughtException') === 0) { crash(e, uncaughtText(e)); return; }
    try { cs.process.emit('uncaughtException', e, 'uncaughtException'); } catch (x) {
      // A listener that throws takes the process down with its own error.
      if (!cs.exited) crash(x, uncaughtText(x));
    }
  };
  /** Node's processPromiseRejections: each rejection goes to the listeners; with none, the process dies. */
  cs.onUnhandled = function (list) {
    if (!cs.process) cs.loadProcess();
    for (var i = 0; i < list.length; i++) {
      if (cs.process.listenerCount('unhandledRejection') === 0) { crash(list[i][1]); return; }
      try { cs.process.emit('unhandledRejection', list[i][1], list[i][0]); } catch (e) {
        if (e !== EXITED) cs.reportUncaught(e);
        return;
      }
    }
  };
})();
`;
