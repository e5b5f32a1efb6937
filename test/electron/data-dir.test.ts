import { describe, expect, it } from 'vitest';
import { databasePath, resolveDataDir } from '../../electron/data-dir.ts';

describe('resolveDataDir', () => {
  it('uses COLDSTART_DATA_DIR when set, on any platform', () => {
    expect(resolveDataDir({ env: { COLDSTART_DATA_DIR: '/tmp/cs' }, platform: 'linux', home: '/home/ada' })).toBe(
      '/tmp/cs',
    );
    expect(
      resolveDataDir({
        env: { COLDSTART_DATA_DIR: 'D:\\cs', APPDATA: 'C:\\x' },
        platform: 'win32',
        home: 'C:\\Users\\ada',
      }),
    ).toBe('D:\\cs');
  });

  it('ignores an empty COLDSTART_DATA_DIR', () => {
    expect(resolveDataDir({ env: { COLDSTART_DATA_DIR: '' }, platform: 'linux', home: '/home/ada' })).toBe(
      '/home/ada/.config/Coldstart',
    );
  });

  it('follows Electron userData on Linux: XDG_CONFIG_HOME, else ~/.config', () => {
    expect(resolveDataDir({ env: { XDG_CONFIG_HOME: '/xdg' }, platform: 'linux', home: '/home/ada' })).toBe(
      '/xdg/Coldstart',
    );
    expect(resolveDataDir({ env: {}, platform: 'linux', home: '/home/ada' })).toBe('/home/ada/.config/Coldstart');
  });

  it('follows Electron userData on macOS', () => {
    expect(resolveDataDir({ env: {}, platform: 'darwin', home: '/Users/ada' })).toBe(
      '/Users/ada/Library/Application Support/Coldstart',
    );
  });

  it('follows Electron userData on Windows: %APPDATA%\\Coldstart', () => {
    expect(
      resolveDataDir({
        env: { APPDATA: 'C:\\Users\\ada\\AppData\\Roaming' },
        platform: 'win32',
        home: 'C:\\Users\\ada',
      }),
    ).toBe('C:\\Users\\ada\\AppData\\Roaming\\Coldstart');
  });

  it('names the database file coldstart.db', () => {
    expect(databasePath('/data')).toBe('/data/coldstart.db');
  });
});
