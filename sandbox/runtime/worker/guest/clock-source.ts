/**
 * Guest code, compiled the first time a handler reads `Date` or `performance` (see
 * core-source.ts): the virtual wall clock. `Date.now()`, `new Date()` and
 * `performance.now()` follow the invoke's virtual time (`cs.clk`, see core-source.ts),
 * never the host's.
 */
export const CLOCK_SOURCE = String.raw`
(function () {
  'use strict';
  var cs = globalThis.__coldstart;
  var clk = cs.clk;
  var RealDate = cs.NativeDate;
  function wallNow() { return clk[0] + clk[1]; }
  function VDate() {
    if (!new.target) return new RealDate(wallNow()).toString();
    var a = arguments;
    if (a.length === 0) return Reflect.construct(RealDate, [wallNow()], new.target);
    return Reflect.construct(RealDate, Array.prototype.slice.call(a), new.target);
  }
  VDate.prototype = RealDate.prototype;
  Object.defineProperty(RealDate.prototype, 'constructor', { value: VDate, writable: true, configurable: true });
  Object.defineProperty(VDate, 'name', { value: 'Date' });
  VDate.now = function () { return Math.floor(wallNow()); };
  VDate.parse = RealDate.parse;
  VDate.UTC = RealDate.UTC;
  globalThis.Date = VDate;

  globalThis.performance = {
    now: function () { return clk[0]; },
    get timeOrigin() { return clk[1]; },
    mark: function () {}, measure: function () {}
  };
})();
`;
