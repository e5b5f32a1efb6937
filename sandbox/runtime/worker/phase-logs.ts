/**
 * The console lines of one phase (INIT or an invoke) as CloudWatch shows them: a timestamp on the
 * virtual clock, the request id (`undefined` during INIT, as the Node.js runtime prints) and the
 * level, or the raw text a crashing Node process prints. Text beyond a safety cap is counted, not
 * kept, and the phase ends with a note saying how many lines that was.
 */
import type { LogLine } from '../../invocation/record.ts';
import { functionLine, platformLine, type ConsoleLevel } from '../../invocation/log-lines.ts';

/** Console text kept per phase; beyond it lines are counted, not kept (a safety cap, 4 MB). */
export const LOG_BYTES_CAP = 4 * 1024 * 1024;

const LEVELS = new Set<string>(['INFO', 'WARN', 'ERROR', 'DEBUG', 'TRACE']);

export class PhaseLogs {
  /** Where lines go; `begin` swaps it for each phase. */
  private sink: LogLine[] = [];
  private requestId = 'undefined';
  private bytes = 0;
  private dropped = 0;

  /** Start collecting a phase's lines into `sink`. */
  begin(sink: LogLine[], requestId: string): void {
    this.sink = sink;
    this.requestId = requestId;
    this.bytes = 0;
    this.dropped = 0;
  }

  /** End the phase: a note if the safety cap dropped lines. */
  end(): void {
    if (this.dropped === 0) return;
    this.sink.push(
      platformLine(
        `Coldstart note: ${this.dropped} more console lines were written but not kept (Coldstart keeps ${LOG_BYTES_CAP / 1024 / 1024} MB of log text per invoke).`,
      ),
    );
    this.dropped = 0;
  }

  /** One line at epoch ms `wallMs`; level RAW is text Node printed itself (no timestamp or request id). */
  push(wallMs: number, level: string, text: string): void {
    if (this.bytes + text.length > LOG_BYTES_CAP) {
      this.dropped += 1;
      return;
    }
    this.bytes += text.length;
    if (level === 'RAW') this.sink.push({ kind: 'function', text });
    else
      this.sink.push(
        functionLine(
          new Date(wallMs).toISOString(),
          this.requestId,
          (LEVELS.has(level) ? level : 'INFO') as ConsoleLevel,
          text,
        ),
      );
  }
}
