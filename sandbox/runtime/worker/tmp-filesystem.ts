/**
 * The /tmp directory of one execution environment, kept in host memory: it survives warm invokes
 * and goes away with the environment, as Lambda's /tmp does. Everything outside /tmp is read-only
 * (EROFS), except that the deployment package can be read under /var/task. The size Lambda allows
 * (`ephemeralStorageMB`, 512 MB by default) is enforced with ENOSPC. Written chunks are stored once
 * per distinct content, so a handler that fills a 10 GB /tmp with the same buffer does not make
 * the learner's computer hold 10 GB; distinct content is capped by TMP_REAL_BYTES_CAP.
 */
import { createHash } from 'node:crypto';
import { TMP_MIN_MB } from '../../facts/limits.ts';
import type { PackageFiles } from './module-resolver.ts';

/**
 * Safety cap of distinct /tmp content one environment may really keep in host memory (256 MB).
 * Not Lambda behaviour: beyond it writes fail with ENOSPC and a note says why.
 */
export const TMP_REAL_BYTES_CAP = 256 * 1024 * 1024;

interface TmpFile {
  chunks: Buffer[];
  size: number;
  mtimeMs: number;
}

/** Node-shaped fs error data (the guest turns it into an Error with code, errno, syscall, path). */
export interface FsErrorData {
  code: string;
  errno: number;
  syscall: string;
  path?: string;
  message: string;
}

export type FsReply = { value?: unknown; error?: FsErrorData };

const ERRNO: Record<string, [number, string]> = {
  ENOENT: [-2, 'no such file or directory'],
  EEXIST: [-17, 'file already exists'],
  ENOTDIR: [-20, 'not a directory'],
  EISDIR: [-21, 'illegal operation on a directory'],
  ENOTEMPTY: [-39, 'directory not empty'],
  EROFS: [-30, 'read-only file system'],
  ENOSPC: [-28, 'no space left on device'],
  EINVAL: [-22, 'invalid argument'],
};

function fsError(code: string, syscall: string, path?: string): FsReply {
  const [errno, text] = ERRNO[code] ?? [-1, code];
  const where = path === undefined ? '' : `, ${syscall} '${path}'`;
  return { error: { code, errno, syscall, ...(path === undefined ? {} : { path }), message: `${code}: ${text}${where || `, ${syscall}`}` } };
}

/** POSIX normalisation relative to /var/task (Lambda's working directory). */
export function normalizePath(p: string): string {
  const abs = p.startsWith('/') ? p : `/var/task/${p}`;
  const out: string[] = [];
  for (const seg of abs.split('/')) {
    if (seg === '..') out.pop();
    else if (seg && seg !== '.') out.push(seg);
  }
  return `/${out.join('/')}`;
}

const SYSCALL: Record<string, string> = { write: 'open', read: 'open', mkdir: 'mkdir', readdir: 'scandir', stat: 'stat', unlink: 'unlink', rm: 'rm', rename: 'rename', exists: 'access' };

export class TmpFilesystem {
  private readonly files = new Map<string, TmpFile>();
  private readonly dirs = new Set<string>(['/tmp']);
  private readonly chunks = new Map<string, Buffer>();
  private readonly capacityBytes: number;
  private usedBytes = 0;
  private realBytes = 0;
  /** Set when the host-memory safety cap refused a write (the invoke adds a note). */
  capHit = false;

  constructor(ephemeralStorageMB: number = TMP_MIN_MB) {
    this.capacityBytes = ephemeralStorageMB * 1024 * 1024;
  }

  /** Bytes of distinct content held in host memory. */
  hostBytes(): number {
    return this.realBytes;
  }

  /** One fs operation from the guest. `files` lets reads reach the deployment package. */
  call(op: string, rawPath: string, a: string | Buffer, b: string, files: PackageFiles): FsReply {
    const path = normalizePath(rawPath);
    const syscall = SYSCALL[op] ?? op;
    const inTmp = path === '/tmp' || path.startsWith('/tmp/');
    if (!inTmp) return this.outside(op, path, rawPath, syscall, files);
    switch (op) {
      case 'write':
        return this.write(path, rawPath, typeof a === 'string' ? Buffer.from(a, 'utf8') : a, b === 'a');
      case 'read': {
        const f = this.files.get(path);
        if (!f) return this.dirs.has(path) ? fsError('EISDIR', 'read') : fsError('ENOENT', 'open', rawPath);
        return { value: Buffer.concat(f.chunks, f.size) };
      }
      case 'exists':
        return { value: this.files.has(path) || this.dirs.has(path) };
      case 'stat': {
        const f = this.files.get(path);
        if (f) return { value: { size: f.size, dir: false, mtimeMs: f.mtimeMs } };
        if (this.dirs.has(path)) return { value: { size: 4096, dir: true, mtimeMs: 0 } };
        return fsError('ENOENT', syscall, rawPath);
      }
      case 'mkdir':
        return this.mkdir(path, rawPath, a === '1');
      case 'readdir': {
        if (!this.dirs.has(path)) return fsError(this.files.has(path) ? 'ENOTDIR' : 'ENOENT', 'scandir', rawPath);
        return { value: this.children(path) };
      }
      case 'unlink': {
        if (this.dirs.has(path)) return fsError('EISDIR', 'unlink', rawPath);
        if (!this.removeFile(path)) return fsError('ENOENT', 'unlink', rawPath);
        return {};
      }
      case 'rm':
        return this.rm(path, rawPath, a === '1', b === '1');
      case 'rename': {
        const toRaw = String(a);
        const to = normalizePath(toRaw);
        if (!(to === '/tmp' || to.startsWith('/tmp/'))) return fsError('EROFS', 'rename', toRaw);
        const f = this.files.get(path);
        if (!f) return fsError('ENOENT', 'rename', rawPath);
        if (!this.dirs.has(parentOf(to))) return fsError('ENOENT', 'rename', toRaw);
        this.removeFile(to);
        this.files.delete(path);
        this.files.set(to, f);
        return {};
      }
      default:
        return fsError('EINVAL', op, rawPath);
    }
  }

  private outside(op: string, path: string, rawPath: string, syscall: string, files: PackageFiles): FsReply {
    const task = files.read(path);
    const taskDir = path === '/var/task' || [...files.byPath.keys()].some((k) => k.startsWith(`${path}/`));
    switch (op) {
      case 'read':
        if (task !== undefined) return { value: Buffer.from(task, 'utf8') };
        return taskDir ? fsError('EISDIR', 'read') : fsError('ENOENT', 'open', rawPath);
      case 'exists':
        return { value: task !== undefined || taskDir || ['/', '/var', '/opt', '/var/runtime'].includes(path) };
      case 'stat':
        if (task !== undefined) return { value: { size: Buffer.byteLength(task), dir: false, mtimeMs: 0 } };
        if (taskDir) return { value: { size: 4096, dir: true, mtimeMs: 0 } };
        return fsError('ENOENT', syscall, rawPath);
      case 'readdir': {
        if (!taskDir) return fsError('ENOENT', 'scandir', rawPath);
        const names = new Map<string, boolean>();
        for (const k of files.byPath.keys()) {
          if (!k.startsWith(`${path}/`)) continue;
          const rest = k.slice(path.length + 1);
          const slash = rest.indexOf('/');
          names.set(slash < 0 ? rest : rest.slice(0, slash), slash >= 0);
        }
        return { value: [...names].sort().map(([name, dir]) => ({ name, dir })) };
      }
      default:
        // Writes anywhere but /tmp: Lambda's file system is read-only.
        return fsError('EROFS', syscall, rawPath);
    }
  }

  private write(path: string, rawPath: string, data: Buffer, append: boolean): FsReply {
    if (this.dirs.has(path)) return fsError('EISDIR', 'open', rawPath);
    if (!this.dirs.has(parentOf(path))) return fsError('ENOENT', 'open', rawPath);
    const existing = this.files.get(path);
    const freed = append ? 0 : (existing?.size ?? 0);
    if (this.usedBytes - freed + data.length > this.capacityBytes) return fsError('ENOSPC', 'write');
    const chunk = this.intern(data);
    if (!chunk) {
      this.capHit = true;
      return fsError('ENOSPC', 'write');
    }
    if (existing && append) {
      existing.chunks.push(chunk);
      existing.size += chunk.length;
      existing.mtimeMs = Date.now();
    } else {
      if (existing) this.removeFile(path);
      this.files.set(path, { chunks: chunk.length ? [chunk] : [], size: chunk.length, mtimeMs: Date.now() });
    }
    this.usedBytes += chunk.length;
    return {};
  }

  /** Store `data` once per distinct content; undefined when the host-memory cap refuses it. */
  private intern(data: Buffer): Buffer | undefined {
    if (data.length < 4096) {
      if (this.realBytes + data.length > TMP_REAL_BYTES_CAP) return undefined;
      this.realBytes += data.length;
      return data;
    }
    const key = createHash('sha1').update(data).digest('base64');
    const known = this.chunks.get(key);
    if (known) return known;
    if (this.realBytes + data.length > TMP_REAL_BYTES_CAP) return undefined;
    this.chunks.set(key, data);
    this.realBytes += data.length;
    return data;
  }

  private removeFile(path: string): boolean {
    const f = this.files.get(path);
    if (!f) return false;
    this.files.delete(path);
    this.usedBytes -= f.size;
    // Small chunks are per file; shared chunks stay until the environment ends (cheap to keep).
    for (const c of f.chunks) if (c.length < 4096) this.realBytes -= c.length;
    return true;
  }

  private mkdir(path: string, rawPath: string, recursive: boolean): FsReply {
    if (this.dirs.has(path) || this.files.has(path)) return recursive && this.dirs.has(path) ? {} : fsError('EEXIST', 'mkdir', rawPath);
    if (!recursive && !this.dirs.has(parentOf(path))) return fsError('ENOENT', 'mkdir', rawPath);
    let first: string | undefined;
    const parts = path.split('/').filter(Boolean);
    for (let i = 2; i <= parts.length; i++) {
      const dir = `/${parts.slice(0, i).join('/')}`;
      if (this.files.has(dir)) return fsError('ENOTDIR', 'mkdir', rawPath);
      if (!this.dirs.has(dir)) {
        this.dirs.add(dir);
        first ??= dir;
      }
    }
    return recursive ? { value: first } : {};
  }

  private children(dir: string): { name: string; dir: boolean }[] {
    const out = new Map<string, boolean>();
    for (const d of this.dirs) if (parentOf(d) === dir && d !== dir) out.set(d.slice(dir.length + 1), true);
    for (const f of this.files.keys()) if (parentOf(f) === dir) out.set(f.slice(dir.length + 1), false);
    return [...out].sort().map(([name, isDir]) => ({ name, dir: isDir }));
  }

  private rm(path: string, rawPath: string, recursive: boolean, force: boolean): FsReply {
    if (this.files.has(path)) {
      this.removeFile(path);
      return {};
    }
    if (!this.dirs.has(path)) return force ? {} : fsError('ENOENT', 'rm', rawPath);
    if (path === '/tmp') return fsError('EROFS', 'rm', rawPath);
    const inside = (p: string): boolean => p.startsWith(`${path}/`);
    const hasChildren = [...this.files.keys()].some(inside) || [...this.dirs].some(inside);
    if (hasChildren && !recursive) return fsError('ENOTEMPTY', 'rm', rawPath);
    for (const f of [...this.files.keys()]) if (inside(f)) this.removeFile(f);
    for (const d of [...this.dirs]) if (inside(d) || d === path) this.dirs.delete(d);
    return {};
  }
}

function parentOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i <= 0 ? '/' : path.slice(0, i);
}
