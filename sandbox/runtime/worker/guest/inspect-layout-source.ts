/**
 * Guest code: how Node's util.inspect lays out the entries of an object or array: one line when
 * it fits in 80 columns (breakLength) and nests at most 3 levels (compact=3), otherwise one entry
 * per line; arrays of more than 6 short items are grouped into aligned columns. A port of
 * reduceToSingleString, isBelowBreakLength and groupArrayElements from Node's lib/internal/util/inspect.js.
 */
export const INSPECT_LAYOUT_SOURCE = String.raw`
(function () {
  'use strict';
  var cs = globalThis.__coldstart;
  var BREAK_LENGTH = 80, MAX_ARRAY = 100;

  function isBelowBreakLength(ctx, output, start, base) {
    var total = output.length + start;
    if (total + output.length > BREAK_LENGTH) return false;
    for (var i = 0; i < output.length; i++) {
      total += output[i].length;
      if (total > BREAK_LENGTH) return false;
    }
    return base === '' || base.indexOf('\n') === -1;
  }

  function groupArrayElements(ctx, output, value) {
    var totalLength = 0, maxLength = 0, i = 0;
    var outputLength = output.length;
    if (value && value.length > MAX_ARRAY && outputLength > MAX_ARRAY) outputLength--;
    var sep = 2, dataLen = new Array(outputLength);
    for (; i < outputLength; i++) {
      var len = output[i].length;
      dataLen[i] = len;
      totalLength += len + sep;
      if (maxLength < len) maxLength = len;
    }
    var actualMax = maxLength + sep;
    if (actualMax * 3 + ctx.indentationLvl < BREAK_LENGTH && (totalLength / actualMax > 5 || maxLength <= 6)) {
      var averageBias = Math.sqrt(actualMax - totalLength / output.length);
      var biasedMax = Math.max(actualMax - 3 - averageBias, 1);
      var columns = Math.min(
        Math.round(Math.sqrt(2.5 * biasedMax * outputLength) / biasedMax),
        Math.floor((BREAK_LENGTH - ctx.indentationLvl) / actualMax),
        3 * 4,
        15
      );
      if (columns <= 1) return output;
      var tmp = [], maxLineLength = [];
      for (var c = 0; c < columns; c++) {
        var lineLength = 0;
        for (var j = c; j < output.length; j += columns) if (dataLen[j] > lineLength) lineLength = dataLen[j];
        maxLineLength.push(lineLength + sep);
      }
      var padStart = true;
      if (value !== undefined) {
        for (var n = 0; n < output.length; n++) {
          if (typeof value[n] !== 'number' && typeof value[n] !== 'bigint') { padStart = false; break; }
        }
      }
      for (var r = 0; r < outputLength; r += columns) {
        var max = Math.min(r + columns, outputLength), str = '', k = r;
        for (; k < max - 1; k++) {
          var cell = output[k] + ', ';
          str += padStart ? cell.padStart(maxLineLength[k - r]) : cell.padEnd(maxLineLength[k - r]);
        }
        str += padStart ? output[k].padStart(maxLineLength[k - r] - sep) : output[k];
        tmp.push(str);
      }
      if (outputLength < output.length) tmp.push(output[outputLength]);
      output = tmp;
    }
    return output;
  }

  function reduceToSingleString(ctx, output, base, braces, extras, depth, value) {
    var entries = output.length;
    if (extras === 'array' && entries > 6) output = groupArrayElements(ctx, output, value);
    if (ctx.currentDepth - depth < 3 && entries === output.length) {
      var start = output.length + ctx.indentationLvl + braces[0].length + base.length + 10;
      if (isBelowBreakLength(ctx, output, start, base)) {
        var joined = output.join(', ');
        if (joined.indexOf('\n') === -1) {
          return (base ? base + ' ' : '') + braces[0] + ' ' + joined + ' ' + braces[1];
        }
      }
    }
    var ind = '\n' + ' '.repeat(ctx.indentationLvl);
    return (base ? base + ' ' : '') + braces[0] + ind + '  ' + output.join(',' + ind + '  ') + ind + braces[1];
  }

  cs.inspectLayout = { reduceToSingleString: reduceToSingleString };
})();
`;
