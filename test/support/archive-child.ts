// An archiving process for the kill -9 test: archives the data folder's finished orders in small batches,
// killing itself after its `crashAt`-th step (0: never). argv: data folder, crash step, batch size.
import { archiveOrders } from '../../batch/archive-orders.ts';
import { noProgress } from '../../platform/progress.ts';
import { openArchiveStores } from './archive-stores.ts';

const [dir = '', crashAt = '0', batch = '50'] = process.argv.slice(2);
const stores = await openArchiveStores(dir);
let steps = 0;
const archived = await archiveOrders(
  {
    ...stores,
    afterStep: () => {
      if (++steps === Number(crashAt)) process.kill(process.pid, 'SIGKILL');
    },
  },
  Date.now() + 1000,
  noProgress,
  Number(batch),
);
await stores.close();
process.stdout.write(`done ${archived}\n`);
