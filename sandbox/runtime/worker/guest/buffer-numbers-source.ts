/**
 * Guest code, compiled with the Node globals (after node-globals-source.ts defines Buffer): Buffer's
 * fixed-width number methods, readUInt16LE, writeInt32BE, readDoubleLE, readBigUInt64BE and the
 * rest, with Node's lower-case aliases (readUint16LE...) and its range errors
 * (ERR_OUT_OF_RANGE). Before, they failed with QuickJS's bare "not a function".
 */
export const BUFFER_NUMBERS_SOURCE = String.raw`
(function () {
  'use strict';
  var Buffer = globalThis.__coldstart.Buffer;
  /** [name in the method, bytes, DataView type, integer range or null] */
  var KINDS = [
    ['UInt8', 1, 'Uint8', [0, 255]], ['Int8', 1, 'Int8', [-128, 127]],
    ['UInt16', 2, 'Uint16', [0, 65535]], ['Int16', 2, 'Int16', [-32768, 32767]],
    ['UInt32', 4, 'Uint32', [0, 4294967295]], ['Int32', 4, 'Int32', [-2147483648, 2147483647]],
    ['Float', 4, 'Float32', null], ['Double', 8, 'Float64', null],
    ['BigUInt64', 8, 'BigUint64', null], ['BigInt64', 8, 'BigInt64', null]
  ];
  function outOfRange(what, range, received) {
    var e = new RangeError('The value of "' + what + '" is out of range. It must be ' + range + '. Received ' + received);
    e.code = 'ERR_OUT_OF_RANGE';
    return e;
  }
  function checkedOffset(buf, offset, size) {
    if (offset === undefined) offset = 0;
    if (typeof offset !== 'number') {
      var t = new TypeError('The "offset" argument must be of type number. Received ' + (offset === null ? 'null' : 'type ' + typeof offset + ' (' + String(offset) + ')'));
      t.code = 'ERR_INVALID_ARG_TYPE';
      throw t;
    }
    var last = buf.length - size;
    if (!(offset >= 0 && offset <= last) || Math.floor(offset) !== offset) {
      if (last < 0) { var b = new RangeError('Attempt to access memory outside buffer bounds'); b.code = 'ERR_BUFFER_OUT_OF_BOUNDS'; throw b; }
      throw outOfRange('offset', Math.floor(offset) !== offset ? 'an integer' : '>= 0 and <= ' + last, offset);
    }
    return offset;
  }
  function view(buf) { return new DataView(buf.buffer, buf.byteOffset, buf.byteLength); }
  function add(name, fn) {
    Object.defineProperty(fn, 'name', { value: name });
    Object.defineProperty(Buffer.prototype, name, { value: fn, writable: true, enumerable: false, configurable: true });
  }
  KINDS.forEach(function (k) {
    var name = k[0], size = k[1], type = k[2], range = k[3], big = type.indexOf('Big') === 0;
    (size === 1 ? [''] : ['LE', 'BE']).forEach(function (end) {
      var little = end === 'LE';
      var read = function (offset) { return view(this)['get' + type](checkedOffset(this, offset, size), little); };
      var write = function (value, offset) {
        offset = checkedOffset(this, offset, size);
        // Node's words: its range check mixes the value with BigInt bounds.
        if (big && typeof value !== 'bigint') throw new TypeError('Cannot mix BigInt and other types, use explicit conversions');
        if (range && !(value >= range[0] && value <= range[1])) throw outOfRange('value', '>= ' + range[0] + ' and <= ' + range[1], value);
        view(this)['set' + type](offset, big ? value : +value, little);
        return offset + size;
      };
      var names = [name];
      if (name.indexOf('UInt') !== -1) names.push(name.replace('UInt', 'Uint'));
      names.forEach(function (n) { add('read' + n + end, read); add('write' + n + end, write); });
    });
  });
})();
`;
