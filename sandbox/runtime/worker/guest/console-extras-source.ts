/**
 * Guest code, compiled the first time a handler calls one of them: the console methods beyond
 * log/info/warn/error/debug (trace, dir, table, assert, count, countReset, time, timeEnd,
 * timeLog, group, groupEnd, groupCollapsed). Until then `console` holds stubs that load this
 * part (core-source.ts); a method the handler replaced in the meantime stays its own.
 */
export const CONSOLE_EXTRAS_SOURCE = String.raw`
(function () {
  'use strict';
  var cs = globalThis.__coldstart;
  var clk = cs.clk, con = cs.console, state = cs.consoleState, emit = cs.emit;
  var counts = Object.create(null), timersByLabel = Object.create(null);
  var methods = {
    trace: function () {
      var err = new Error();
      var msg = cs.format.apply(null, arguments);
      // The first frames are console's own: this function, and on a first call the stub that
      // loaded it (core.js) with its native apply.
      var lines = (err.stack || '').split('\n'), own = 0;
      for (var i = 0; i < lines.length; i++) if (/\/var\/runtime\/(console|core)\.js:/.test(lines[i])) own = i + 1;
      // Frames only: the error's own first line ("Error") is not part of a trace.
      var frames = lines.slice(own).filter(function (l) { return /^\s+at /.test(l); }).join('\n');
      cs.line('TRACE', 'Trace' + (msg ? ': ' + msg : '') + (frames ? '\n' + frames : ''));
    },
    dir: function (v) { emit('INFO', [cs.inspect(v)]); },
    table: function (v) { emit('INFO', [v]); },
    assert: function (cond) {
      if (cond) return;
      var rest = Array.prototype.slice.call(arguments, 1);
      rest.unshift('Assertion failed' + (rest.length ? ':' : ''));
      emit('ERROR', rest);
    },
    count: function (label) { label = label === undefined ? 'default' : String(label); counts[label] = (counts[label] || 0) + 1; emit('INFO', [label + ': ' + counts[label]]); },
    countReset: function (label) { counts[label === undefined ? 'default' : String(label)] = 0; },
    time: function (label) { timersByLabel[label === undefined ? 'default' : String(label)] = clk[0]; },
    timeEnd: function (label) { con.timeLog(label); delete timersByLabel[label === undefined ? 'default' : String(label)]; },
    timeLog: function (label) {
      label = label === undefined ? 'default' : String(label);
      var t = timersByLabel[label];
      if (t === undefined) { emit('WARN', ["Warning: No such label '" + label + "' for console.timeLog()"]); return; }
      emit('INFO', [label + ': ' + (clk[0] - t).toFixed(3) + 'ms']);
    },
    group: function () { if (arguments.length) emit('INFO', arguments); state.indent += '  '; },
    groupEnd: function () { state.indent = state.indent.slice(2); }
  };
  methods.groupCollapsed = methods.group;
  Object.keys(methods).forEach(function (n) {
    if (con[n] === cs.consoleStubs[n]) con[n] = methods[n];
  });
})();
`;
