// `emporium access`: who is staff, and suppliers' API keys, in the users database the shop uses.
import { Command } from 'commander';
import { Tokens } from '../platform/auth/tokens.ts';
import { systemClock } from '../platform/clock.ts';
import { loadConfig } from '../platform/config.ts';
import { DomainError } from '../platform/errors.ts';
import { startAll } from '../platform/lifecycle.ts';
import type { AccessService } from '../serving/users/access-service.ts';
import { createAccess } from '../serving/users/create-users.ts';

/** Runs `work` with the access service over the configured users database, then closes it. */
async function withAccess<T>(work: (access: AccessService) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const access = createAccess(config, { tokens: new Tokens(config.tokenSecret), clock: systemClock });
  const close = await startAll(access.parts);
  try {
    return await work(access.service);
  } catch (error) {
    // A mistake of the caller's (no such account, no such key) is a line, not a stack.
    if (error instanceof DomainError) {
      process.stderr.write(`emporium access: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  } finally {
    await close();
  }
}

const print = (json: boolean | undefined, answer: unknown, line: string) =>
  process.stdout.write(`${json ? JSON.stringify(answer) : line}\n`);

const iso = (ms: number | null) => (ms === null ? '-' : new Date(ms).toISOString());

function staffCommand() {
  const role = (name: string, role: 'staff' | 'shopper', says: string) =>
    new Command(name)
      .description(says)
      .argument('<email>', 'the account, signed up already')
      .option('--json', 'print the answer as JSON')
      .action(async (email: string, options: { json?: boolean }) => {
        const userId = await withAccess((access) => access.setRole(email, role));
        print(options.json, { email, userId, role }, `${email} (${userId}) is now ${role}`);
      });
  return new Command('staff')
    .description('who may change the catalog, stock, routes and the feed, and read reports')
    .addCommand(role('add', 'staff', 'make an account staff (its tokens carry the role within 30 s)'))
    .addCommand(role('remove', 'shopper', 'make a staff account a shopper again'))
    .addCommand(
      new Command('list')
        .description('every staff account')
        .option('--json', 'print the answer as JSON')
        .action(async (options: { json?: boolean }) => {
          const staff = await withAccess((access) => access.staff());
          print(options.json, staff, staff.map((s) => `${s.email}  ${s.userId}`).join('\n') || 'no staff yet');
        }),
    );
}

function supplierKeyCommand() {
  return new Command('supplier-key')
    .description("API keys for suppliers' systems (each writes only its own supplier's items)")
    .addCommand(
      new Command('create')
        .description('make a key; it is shown this once (only its hash is kept)')
        .argument('<supplierId>', 'the supplier the key writes for')
        .option('--json', 'print the answer as JSON')
        .action(async (supplierId: string, options: { json?: boolean }) => {
          const made = await withAccess((access) => access.createKey(supplierId));
          print(
            options.json,
            made,
            [
              `key ${made.keyId} for ${supplierId} (shown once, keep it):`,
              `  ${made.key}`,
              'send it as Authorization: Bearer <key> to /api/supplier/...',
            ].join('\n'),
          );
        }),
    )
    .addCommand(
      new Command('revoke')
        .description('stop a key working (within 30 s in a running shop)')
        .argument('<keyId>', 'the 8 characters after emk_')
        .option('--json', 'print the answer as JSON')
        .action(async (keyId: string, options: { json?: boolean }) => {
          await withAccess((access) => access.revokeKey(keyId));
          print(options.json, { keyId, revoked: true }, `key ${keyId} revoked`);
        }),
    )
    .addCommand(
      new Command('list')
        .description('every key, revoked ones too (never the secret)')
        .argument('[supplierId]', 'only this supplier')
        .option('--json', 'print the answer as JSON')
        .action(async (supplierId: string | undefined, options: { json?: boolean }) => {
          const keys = await withAccess((access) => access.listKeys(supplierId));
          const lines = keys.map(
            (k) =>
              `${k.keyId}  ${k.supplierId}  created ${iso(k.createdAt)}  ${k.revokedAt === null ? 'working' : `revoked ${iso(k.revokedAt)}`}`,
          );
          print(options.json, keys, lines.join('\n') || 'no keys yet');
        }),
    );
}

export function accessCommand() {
  return new Command('access')
    .description('roles and supplier API keys')
    .addCommand(staffCommand())
    .addCommand(supplierKeyCommand());
}
