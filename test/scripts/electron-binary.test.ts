import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { electronBinary, missingDisplayReason } from '../../scripts/electron-binary.ts';
import { useTempDirs } from '../support/temp-dir.ts';

const tempDir = useTempDirs();

describe('electronBinary', () => {
  it('is undefined when path.txt is missing (binary never fetched)', () => {
    const root = tempDir();
    mkdirSync(join(root, 'node_modules', 'electron'), { recursive: true });
    expect(electronBinary(root)).toBeUndefined();
  });

  it('is undefined when path.txt names a file that is not there', () => {
    const root = tempDir();
    const pkg = join(root, 'node_modules', 'electron');
    mkdirSync(pkg, { recursive: true });
    writeFileSync(join(pkg, 'path.txt'), 'electron');
    expect(electronBinary(root)).toBeUndefined();
  });

  it('is the binary under dist/ when both exist', () => {
    const root = tempDir();
    const pkg = join(root, 'node_modules', 'electron');
    mkdirSync(join(pkg, 'dist'), { recursive: true });
    writeFileSync(join(pkg, 'path.txt'), 'electron');
    writeFileSync(join(pkg, 'dist', 'electron'), '');
    expect(electronBinary(root)).toBe(join(pkg, 'dist', 'electron'));
  });
});

describe('missingDisplayReason', () => {
  it('needs DISPLAY or WAYLAND_DISPLAY on Linux', () => {
    expect(missingDisplayReason({}, 'linux')).toMatch(/no display .* browser mode instead\.$/);
    expect(missingDisplayReason({ DISPLAY: ':0' }, 'linux')).toBeUndefined();
    expect(missingDisplayReason({ WAYLAND_DISPLAY: 'wayland-0' }, 'linux')).toBeUndefined();
  });

  it('always has a display on macOS and Windows', () => {
    expect(missingDisplayReason({}, 'darwin')).toBeUndefined();
    expect(missingDisplayReason({}, 'win32')).toBeUndefined();
  });
});
