// One database opened once for the stores that live in it (stock and orders share the orders database,
// so their transactions can span both): each store opens and closes as usual, the last close closes it.
import type { Database } from './database.ts';

export function sharedDatabase<DB>(open: () => Promise<Database<DB>>): () => Promise<Database<DB>> {
  let opening: Promise<Database<DB>> | undefined;
  let users = 0;
  return async () => {
    opening ??= open();
    const database = await opening;
    users++;
    let closed = false;
    return {
      ...database,
      async close() {
        if (closed) return;
        closed = true;
        if (--users > 0) return;
        opening = undefined;
        await database.close();
      },
    };
  };
}
