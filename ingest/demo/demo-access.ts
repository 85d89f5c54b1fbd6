// On the demo's first start, a staff account and a supplier API key, so `npm start` can show every role.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../../platform/config.ts';
import type { Lifecycle } from '../../platform/lifecycle.ts';
import type { Logger } from '../../platform/logger.ts';
import { DEMO_SUPPLIERS } from './items.ts';

export interface DemoAccess {
  staff: { email: string; password: string };
  supplierKey: { supplierId: string; keyId: string; key: string };
}

export interface DemoAccessOnFirstStart extends Lifecycle {
  /** Where the demo's staff sign-in and supplier key are kept (readable by this machine's user only). */
  file: string;
  /** What this start created, or undefined when an earlier start did (read `file`) or the demo is off. */
  created(): DemoAccess | undefined;
}

export const DEMO_ACCESS_FILE = 'demo-access.json';

/** The demo access an earlier start wrote into the data folder, if any (benches sign in with it). */
export function readDemoAccess(dataDir: string): DemoAccess | undefined {
  const file = path.join(dataDir, DEMO_ACCESS_FILE);
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as DemoAccess) : undefined;
}

/**
 * Once per data folder, when the demo catalog is on (EMPORIUM_DEMO_ITEMS > 0): signs up a staff
 * account with a random password, makes a key for the first demo supplier and gives every demo
 * supplier an email address. The password is random
 * so a demo left running on a network is not open to anyone who read this file's source.
 */
export function demoAccessOnFirstStart(
  config: Config,
  deps: {
    signUp(input: { email: string; password: string; name: string }): Promise<unknown>;
    makeStaff(email: string): Promise<unknown>;
    createKey(supplierId: string): Promise<{ keyId: string; key: string }>;
    setContact(supplierId: string, contact: { email: string; phone: null }): Promise<void>;
    logger: Logger;
  },
): DemoAccessOnFirstStart {
  const file = path.join(config.dataDir, DEMO_ACCESS_FILE);
  let created: DemoAccess | undefined;
  return {
    file,
    created: () => created,
    async start() {
      if (config.demo.items === 0 || fs.existsSync(file)) return;
      // A fresh address each time, so a data folder whose file was deleted does not clash with the old account.
      const email = `staff.${randomBytes(3).toString('hex')}@demo.emporium.example`;
      const password = randomBytes(12).toString('base64url');
      await deps.signUp({ email, password, name: 'Demo Staff' });
      await deps.makeStaff(email);
      const supplierId = DEMO_SUPPLIERS[0];
      const key = await deps.createKey(supplierId);
      // Each demo seller has an address, so its new-order and cancellation notices show where they would go.
      for (const id of DEMO_SUPPLIERS)
        await deps.setContact(id, { email: `orders@${id.replace(/^sup-/, '')}.demo.emporium.example`, phone: null });
      created = { staff: { email, password }, supplierKey: { supplierId, ...key } };
      fs.mkdirSync(config.dataDir, { recursive: true });
      fs.writeFileSync(file, `${JSON.stringify(created, null, 2)}\n`, { mode: 0o600 });
      deps.logger.info({ email, supplierId, keyId: key.keyId, file }, 'demo staff account and supplier key made');
    },
    close: () => Promise.resolve(),
  };
}
