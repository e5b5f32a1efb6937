/**
 * Events decoded from QuickJS's binary object format instead of parsed from JSON in every invoke.
 * QuickJS's JSON.parse is slow inside WebAssembly (about 4 us for a 1 KB event, the largest single
 * cost of a warm invoke), while reading the same value from its binary form (QuickJS's
 * JS_ReadObject, exposed as bjson by quickjs-emscripten) is a few hundred ns. Invokes repeat the
 * same event text (the editor's test event, a load test, a replay), so each distinct event text is
 * parsed once in a private runtime of the engine, encoded, and decoded straight into the
 * environment's context from then on.
 *
 * The decoded value is what JSON.parse gives: the same plain objects, arrays, strings, numbers,
 * booleans and nulls, with the same property order and own `__proto__` keys; nothing the handler
 * can observe differs. Decoding is C code only (no interpreter steps, so no interrupt ticks).
 * Anything unusual (decoding fails, e.g. out of memory) falls back to the text: the guest then
 * parses it itself, exactly as before.
 */
import type { QuickJSContext, QuickJSHandle, QuickJSRuntime, QuickJSWASMModule } from 'quickjs-emscripten';

/** Events larger than this are parsed by the guest every time (not worth keeping a copy). */
const MAX_EVENT_CHARS = 256 * 1024;
/** Distinct events remembered per engine (least recently used goes first). */
const MAX_EVENTS = 16;
/** Heap of the private runtime that parses and encodes. */
const CODEC_HEAP_BYTES = 32 * 1024 * 1024;

export class EventCodec {
  private readonly wasm: QuickJSWASMModule;
  private runtime: QuickJSRuntime | undefined;
  private ctx: QuickJSContext | undefined;
  private parse: QuickJSHandle | undefined;
  /** Encoded events by JSON text; null when the text could not be encoded (the guest parses it). */
  private readonly encoded = new Map<string, Uint8Array | null>();

  constructor(wasm: QuickJSWASMModule) {
    this.wasm = wasm;
  }

  /** The event as a value in `ctx` (the caller disposes it), or undefined to pass the text. */
  decode(ctx: QuickJSContext, eventJson: string): QuickJSHandle | undefined {
    if (eventJson.length > MAX_EVENT_CHARS) return undefined;
    const bytes = this.bytes(eventJson);
    if (!bytes) return undefined;
    const buffer = ctx.newArrayBuffer(bytes.buffer as ArrayBuffer);
    try {
      return withoutException(ctx, ctx.decodeBinaryJSON(buffer));
    } finally {
      buffer.dispose();
    }
  }

  private bytes(eventJson: string): Uint8Array | null {
    const known = this.encoded.get(eventJson);
    if (known !== undefined) {
      // Most recently used last.
      this.encoded.delete(eventJson);
      this.encoded.set(eventJson, known);
      return known;
    }
    const bytes = this.encode(eventJson);
    this.encoded.set(eventJson, bytes);
    if (this.encoded.size > MAX_EVENTS) this.encoded.delete(this.encoded.keys().next().value!);
    return bytes;
  }

  private encode(eventJson: string): Uint8Array | null {
    try {
      if (!this.ctx) {
        this.runtime = this.wasm.newRuntime();
        this.runtime.setMemoryLimit(CODEC_HEAP_BYTES);
        this.ctx = this.runtime.newContext();
        this.parse = this.ctx.unwrapResult(this.ctx.evalCode('(function (s) { return JSON.parse(s); })', 'event-codec.js', { type: 'global' }));
      }
      const { ctx } = this;
      const text = ctx.newString(eventJson);
      const parsed = ctx.callFunction(this.parse!, ctx.undefined, text);
      text.dispose();
      if (parsed.error) {
        parsed.error.dispose();
        return null;
      }
      const encoded = withoutException(ctx, ctx.encodeBinaryJSON(parsed.value));
      parsed.value.dispose();
      if (!encoded) return null;
      try {
        const view = ctx.getArrayBuffer(encoded);
        try {
          return new Uint8Array(view.value);
        } finally {
          view.dispose();
        }
      } finally {
        encoded.dispose();
      }
    } catch {
      return null;
    }
  }
}

interface ContextInternals {
  ctx: { value: number };
  ffi: { QTS_ResolveException(ctx: number, value: number): number };
  memory: { heapValueHandle(ptr: number): QuickJSHandle };
}

/**
 * The library's encode/decode return JS_EXCEPTION as a plain handle when they fail: undefined
 * then, with the pending exception taken out of the context and freed.
 */
function withoutException(ctx: QuickJSContext, handle: QuickJSHandle): QuickJSHandle | undefined {
  const i = ctx as unknown as ContextInternals;
  const error = i.ffi.QTS_ResolveException(i.ctx.value, handle.value as unknown as number);
  if (!error) return handle;
  i.memory.heapValueHandle(error).dispose();
  handle.dispose();
  return undefined;
}
