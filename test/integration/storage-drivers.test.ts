/** The storage-driver contract (`storage-driver-suite.ts`) on every driver. */
import { describe } from 'vitest';
import { FilesystemDriver } from '../../src/registry/storage/driver/filesystem.js';
import { newTempDir } from '../support/temp-dir.js';
import { driverSuite } from './storage-driver-suite.js';

describe('filesystem driver', () => {
  driverSuite({
    create: async () => {
      const driver = new FilesystemDriver({ root: newTempDir('driver'), fsync: false });
      await driver.init();
      return driver;
    },
    sameStore: async (driver) =>
      new FilesystemDriver({ root: (driver as FilesystemDriver).root, fsync: false }),
  });
});
