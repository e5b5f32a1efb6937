/**
 * Guest code: the simulated AWS SDK for JavaScript v3 (`@aws-sdk/client-s3`, `client-dynamodb`,
 * `lib-dynamodb`, `util-dynamodb`, `client-sqs`, `client-sns`, `client-eventbridge`), compiled on
 * first import. `client.send(new XCommand(input))` calls the simulated account on the host at once
 * (host.aws) and settles its promise after the call's simulated latency on the virtual clock, so
 * the latency counts in the invocation's Duration. Data crosses as JSON: bytes as {$bytes: latin1},
 * dates as {$date: ms}.
 */
import { SDK_MODULES } from '../aws-sdk-modules.ts';

export const AWS_SDK_SOURCE = String.raw`
(function () {
  'use strict';
  var cs = globalThis.__coldstart;
  var host = cs.host;
  var clk = cs.clk;
  var setTimer = cs.setTimer;
  var MODULES = ${JSON.stringify(SDK_MODULES)};
  var DOC_OPS = { Put: 'PutItem', Get: 'GetItem', Update: 'UpdateItem', Delete: 'DeleteItem', Query: 'Query', Scan: 'Scan', BatchWrite: 'BatchWriteItem', BatchGet: 'BatchGetItem', TransactWrite: 'TransactWriteItems', TransactGet: 'TransactGetItems', ExecuteStatement: 'ExecuteStatement' };

  function bytesToLatin1(u8) {
    var out = '', CHUNK = 8192;
    for (var i = 0; i < u8.length; i += CHUNK) out += String.fromCharCode.apply(null, Array.prototype.slice.call(u8.subarray(i, i + CHUNK)));
    return out;
  }
  function latin1ToBytes(s) {
    var u8 = new Uint8Array(s.length);
    for (var i = 0; i < s.length; i++) u8[i] = s.charCodeAt(i) & 255;
    return u8;
  }
  function toWire(v) {
    if (v === null || typeof v !== 'object') return v;
    if (v instanceof Uint8Array) return { $bytes: bytesToLatin1(v) };
    if (v instanceof ArrayBuffer) return { $bytes: bytesToLatin1(new Uint8Array(v)) };
    if (ArrayBuffer.isView(v)) return { $bytes: bytesToLatin1(new Uint8Array(v.buffer, v.byteOffset, v.byteLength)) };
    if (v instanceof Date) return v.toISOString();
    if (v instanceof Set) return Array.from(v, toWire);
    if (Array.isArray(v)) return v.map(toWire);
    var out = {};
    Object.keys(v).forEach(function (k) { if (v[k] !== undefined) out[k] = toWire(v[k]); });
    return out;
  }
  function fromWire(v) {
    if (v === null || typeof v !== 'object') return v;
    if (Array.isArray(v)) return v.map(fromWire);
    if (typeof v.$bytes === 'string') return latin1ToBytes(v.$bytes);
    if (typeof v.$date === 'number') return new Date(v.$date);
    var out = {};
    Object.keys(v).forEach(function (k) { out[k] = fromWire(v[k]); });
    return out;
  }

  /** GetObject's Body: the SDK's stream mixin (transformToString, transformToByteArray, async iteration). */
  function sdkStream(bytes) {
    var used = false;
    function take() {
      if (used) return Promise.reject(new Error('The stream has already been transformed.'));
      used = true;
      return Promise.resolve(bytes);
    }
    var body = {
      transformToByteArray: function () { return take(); },
      transformToString: function (encoding) {
        return take().then(function (b) {
          if (!encoding || /^utf-?8$/i.test(encoding)) return new TextDecoder().decode(b);
          return Buffer.from(b).toString(encoding);
        });
      },
      transformToWebStream: function () { throw new Error('Coldstart does not simulate web streams; use transformToString() or transformToByteArray().'); },
      pipe: function () { throw new Error('Coldstart does not simulate Node.js streams; use await Body.transformToString() or transformToByteArray().'); }
    };
    body[Symbol.asyncIterator] = function () {
      var done = false;
      return { next: function () { if (done) return Promise.resolve({ done: true, value: undefined }); done = true; return Promise.resolve({ done: false, value: Buffer.from(bytes) }); } };
    };
    return body;
  }

  function defineError(name, base) {
    var E = function (opts) {
      var e = Reflect.construct(base, [opts && opts.message || name], new.target || E);
      e.name = name;
      if (opts) { e.$fault = opts.$fault; e.$metadata = opts.$metadata; }
      return e;
    };
    E.prototype = Object.create(base.prototype, { constructor: { value: E, writable: true, configurable: true } });
    Object.setPrototypeOf(E, base);
    Object.defineProperty(E, 'name', { value: name });
    return E;
  }
  var ServiceException = defineError('ServiceException', Error);

  function makeError(shape, errors, fallback) {
    var Ctor = errors[shape.name] || fallback;
    var e = new Ctor({ message: shape.message, $fault: shape.$fault, $metadata: shape.$metadata });
    e.name = shape.name;
    e.message = shape.message;
    Object.keys(shape).forEach(function (k) { if (k !== 'name' && k !== 'message') e[k] = shape[k]; });
    e.Code = shape.name;
    return e;
  }

  function stack() { var s = []; return { add: function (m) { s.push(m); }, use: function () {}, remove: function () { return false; }, clone: stack }; }

  /** Run one operation on the host; the promise settles after the simulated latency. */
  function call(service, op, input, errors, fallback, decode) {
    return new Promise(function (resolve, reject) {
      var reply = JSON.parse(host.aws(service, op, JSON.stringify(toWire(input || {})), clk[0]));
      var settle = function () {
        if (reply.ok) {
          var out = fromWire(reply.output);
          out.$metadata = { httpStatusCode: 200, requestId: reply.requestId, attempts: 1, totalRetryDelay: 0 };
          try { resolve(decode ? decode(out) : out); } catch (e) { reject(e); }
        } else if (reply.notConnected) {
          var e = new Error(reply.message);
          e.name = 'AccountNotConnected';
          reject(e);
        } else reject(makeError(reply.error, errors, fallback));
      };
      if (reply.latencyMs > 0) setTimer(settle, reply.latencyMs);
      else settle();
    });
  }

  function makeCommand(name, op) {
    var C = function (input) {
      if (!(this instanceof C)) throw new TypeError("Class constructor " + name + " cannot be invoked without 'new'");
      this.input = input || {};
      this.middlewareStack = stack();
    };
    Object.defineProperty(C, 'name', { value: name });
    C.prototype.__op = op;
    C.prototype.resolveMiddleware = function () { throw new Error('Coldstart does not simulate the SDK middleware stack.'); };
    return C;
  }

  function makeClient(clientName, service, errors, fallback) {
    var Client = function (config) {
      if (!(this instanceof Client)) throw new TypeError("Class constructor " + clientName + " cannot be invoked without 'new'");
      var cfg = Object.assign({}, config || {});
      var region = cfg.region || process.env.AWS_REGION;
      this.config = Object.assign(cfg, { region: function () { return Promise.resolve(region); }, serviceId: service });
      this.middlewareStack = stack();
    };
    Object.defineProperty(Client, 'name', { value: clientName });
    Client.prototype.send = function (command, options, cb) {
      if (typeof options === 'function') cb = options;
      var p;
      if (!command || typeof command.__op !== 'string') p = Promise.reject(new TypeError('client.send() expects a Command, for example new PutObjectCommand({...}).'));
      else p = call(service, command.__op, command.input, errors, fallback, service === 's3' && command.__op === 'GetObject' ? function (out) { if (out.Body instanceof Uint8Array) out.Body = sdkStream(out.Body); return out; } : undefined);
      if (typeof cb === 'function') { p.then(function (v) { cb(null, v); }, function (e) { cb(e); }); return undefined; }
      return p;
    };
    Client.prototype.destroy = function () {};
    return Client;
  }

  // DynamoDB marshalling (@aws-sdk/util-dynamodb) ------------------------------------------------
  function convertToAttr(v, opts) {
    opts = opts || {};
    if (v === null) return { NULL: true };
    if (typeof v === 'string') return { S: v };
    if (typeof v === 'number') {
      if (!isFinite(v)) throw new Error('Special numeric value ' + v + ' is not allowed');
      return { N: String(v) };
    }
    if (typeof v === 'bigint') return { N: v.toString() };
    if (typeof v === 'boolean') return { BOOL: v };
    if (v instanceof Uint8Array || v instanceof ArrayBuffer) return { B: v };
    if (v instanceof Set) {
      var arr = Array.from(v);
      if (!arr.length) { if (opts.removeUndefinedValues) return undefined; throw new Error('Pass a non-empty set, or options.removeUndefinedValues=true to remove empty sets.'); }
      if (typeof arr[0] === 'number' || typeof arr[0] === 'bigint') return { NS: arr.map(String) };
      if (typeof arr[0] === 'string') return { SS: arr };
      return { BS: arr };
    }
    if (Array.isArray(v)) {
      return { L: v.filter(function (x) { return !(x === undefined && opts.removeUndefinedValues); }).map(function (x) { return convertToAttr(x, opts); }) };
    }
    if (typeof v === 'object') {
      if (v instanceof Date && !opts.convertClassInstanceToMap) throw new Error('Unsupported type passed: ' + v + '. Pass options.convertClassInstanceToMap=true to marshall typeof object as map attribute.');
      return { M: marshall(v, opts) };
    }
    if (v === undefined) throw new Error('Pass options.removeUndefinedValues=true to remove undefined values from map/array/set.');
    throw new Error('Unsupported type passed: ' + v);
  }
  function marshall(obj, opts) {
    var out = {};
    Object.keys(obj).forEach(function (k) {
      if (obj[k] === undefined) { if (opts && opts.removeUndefinedValues) return; throw new Error('Pass options.removeUndefinedValues=true to remove undefined values from map/array/set.'); }
      var a = convertToAttr(obj[k], opts);
      if (a !== undefined) out[k] = a;
    });
    return out;
  }
  function convertToNative(a) {
    if (a.S !== undefined) return a.S;
    if (a.N !== undefined) return Number(a.N);
    if (a.BOOL !== undefined) return a.BOOL;
    if (a.NULL !== undefined) return null;
    if (a.B !== undefined) return a.B;
    if (a.SS) return new Set(a.SS);
    if (a.NS) return new Set(a.NS.map(Number));
    if (a.BS) return new Set(a.BS);
    if (a.L) return a.L.map(convertToNative);
    if (a.M) return unmarshall(a.M);
    throw new Error('No value defined: ' + JSON.stringify(a));
  }
  function unmarshall(item) {
    var out = {};
    Object.keys(item || {}).forEach(function (k) { out[k] = convertToNative(item[k]); });
    return out;
  }

  function mapValues(obj, fn) { var out = {}; Object.keys(obj || {}).forEach(function (k) { out[k] = fn(obj[k]); }); return out; }

  /** Marshal a DocumentClient input into the low-level input. */
  function marshallInput(input, opts) {
    var out = Object.assign({}, input);
    ['Item', 'Key', 'ExclusiveStartKey'].forEach(function (f) { if (out[f]) out[f] = marshall(out[f], opts); });
    if (out.ExpressionAttributeValues) out.ExpressionAttributeValues = marshall(out.ExpressionAttributeValues, opts);
    if (out.RequestItems) {
      out.RequestItems = mapValues(out.RequestItems, function (r) {
        if (Array.isArray(r)) return r.map(function (w) {
          if (w.PutRequest) return { PutRequest: { Item: marshall(w.PutRequest.Item, opts) } };
          if (w.DeleteRequest) return { DeleteRequest: { Key: marshall(w.DeleteRequest.Key, opts) } };
          return w;
        });
        return Object.assign({}, r, { Keys: (r.Keys || []).map(function (k) { return marshall(k, opts); }) });
      });
    }
    return out;
  }
  function unmarshallOutput(out) {
    ['Item', 'Attributes', 'LastEvaluatedKey'].forEach(function (f) { if (out[f]) out[f] = unmarshall(out[f]); });
    if (out.Items) out.Items = out.Items.map(unmarshall);
    if (out.Responses) out.Responses = mapValues(out.Responses, function (list) { return list.map(unmarshall); });
    return out;
  }

  function documentModule(ddb) {
    var mod = {};
    Object.keys(DOC_OPS).forEach(function (n) {
      var C = makeCommand(n + 'Command', DOC_OPS[n]);
      C.prototype.__doc = true;
      mod[n + 'Command'] = C;
    });
    function DynamoDBDocumentClient(client, translateConfig) {
      this.client = client;
      this.config = client && client.config;
      this.translateConfig = translateConfig || {};
      this.middlewareStack = stack();
    }
    DynamoDBDocumentClient.from = function (client, translateConfig) {
      if (!client || typeof client.send !== 'function') throw new TypeError('DynamoDBDocumentClient.from() expects a DynamoDBClient.');
      return new DynamoDBDocumentClient(client, translateConfig);
    };
    DynamoDBDocumentClient.prototype.send = function (command, options, cb) {
      if (typeof options === 'function') cb = options;
      var opts = (this.translateConfig && this.translateConfig.marshallOptions) || {};
      var p;
      if (!command || !command.__doc) p = Promise.reject(new TypeError('DynamoDBDocumentClient.send() expects a command from @aws-sdk/lib-dynamodb (PutCommand, GetCommand, ...).'));
      else {
        try { p = call('dynamodb', command.__op, marshallInput(command.input, opts), ddb.errors, ddb.fallback, unmarshallOutput); }
        catch (e) { p = Promise.reject(e); }
      }
      if (typeof cb === 'function') { p.then(function (v) { cb(null, v); }, function (e) { cb(e); }); return undefined; }
      return p;
    };
    DynamoDBDocumentClient.prototype.destroy = function () {};
    mod.DynamoDBDocumentClient = DynamoDBDocumentClient;
    mod.DynamoDBDocument = DynamoDBDocumentClient;
    return mod;
  }

  var made = Object.create(null);
  function build(spec) {
    var def = MODULES[spec];
    if (spec === '@aws-sdk/util-dynamodb') return { marshall: marshall, unmarshall: unmarshall, convertToAttr: convertToAttr, convertToNative: convertToNative };
    if (spec === '@aws-sdk/lib-dynamodb') return documentModule(cs.awsSdk('@aws-sdk/client-dynamodb').__coldstart);
    var base = defineError(def.client.replace(/Client$/, '') + 'ServiceException', ServiceException);
    var mod = {};
    var errors = {};
    def.errors.forEach(function (n) { errors[n] = mod[n] = defineError(n, base); });
    mod[base.name] = base;
    mod[def.client] = makeClient(def.client, def.service, errors, base);
    def.commands.concat(def.more).forEach(function (op) { mod[op + 'Command'] = makeCommand(op + 'Command', op); });
    Object.defineProperty(mod, '__coldstart', { value: { errors: errors, fallback: base }, enumerable: false });
    // Any other XCommand still constructs, so require() users get the "not simulated" message on send.
    return new Proxy(mod, {
      get: function (target, key) {
        if (typeof key === 'string' && !(key in target) && /^[A-Z][A-Za-z0-9]*Command$/.test(key)) target[key] = makeCommand(key, key.slice(0, -7));
        return target[key];
      }
    });
  }
  cs.awsSdk = function (spec) {
    if (!made[spec]) made[spec] = build(spec);
    return made[spec];
  };
})();
`;
