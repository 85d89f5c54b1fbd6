// Recommendations over HTTP against the embedded shop in its own process, once its first start has
// trained on the simulated history: the shoppers' own lists, similar items and popular ones at a steady
// 500 requests/s (open loop), each cut to what reaches the pincode, beside the /health floor.
import { DEMO_PASSWORD } from '../ingest/demo/users.ts';
import { demoItemId } from '../ingest/demo/items.ts';
import { demoPincodes } from '../ingest/demo/places.ts';
import { benchShop, jsonClient, settled } from './http.ts';
import { openLoop } from './open-loop.ts';

const ITEMS = Number(process.env.ITEMS ?? 2000);
const SECONDS = Number(process.env.SECONDS ?? 10);
const RATE = Number(process.env.RATE ?? 500);

const shop = benchShop({ EMPORIUM_DEMO_ITEMS: String(ITEMS) });
try {
  const url = await shop.url;
  const call = jsonClient(url);
  // The first start publishes a simulated history and trains in the background: wait for its model.
  const shoppers: { userId: string; token: string }[] = [];
  for (let waited = 0; shoppers.length < 3; waited++) {
    if (waited > 600) throw new Error('no trained model after ten minutes');
    await new Promise((resolve) => setTimeout(resolve, 1000));
    shoppers.length = 0;
    for (let n = 0; n < 3; n++) {
      const signIn = await call('POST', '/api/sessions', {
        email: `taste.1.${n}@demo.emporium.example`,
        password: DEMO_PASSWORD,
      });
      if (signIn.status !== 200) break;
      const me = signIn.body as { userId: string; token: string };
      const answer = await call('GET', `/api/users/${me.userId}/recommendations`, undefined, me.token);
      if ((answer.body as { version: string | null }).version === null) break;
      shoppers.push(me);
    }
  }
  const pincodes = demoPincodes(50).map((p) => p.code);
  let n = 0;
  const next = () => {
    const i = n++;
    const pincode = pincodes[i % pincodes.length]!;
    if (i % 4 < 2) {
      const { userId, token } = shoppers[i % shoppers.length]!;
      return {
        method: 'GET' as const,
        path: `/api/users/${userId}/recommendations?pincode=${pincode}`,
        headers: { authorization: `Bearer ${token}` },
      };
    }
    if (i % 4 === 2) return `/api/items/${demoItemId(i % ITEMS)}/similar?pincode=${pincode}`;
    return `/api/recommendations/popular?pincode=${pincode}`;
  };
  const steady = (path: typeof next | (() => string)) =>
    openLoop({ url, rate: RATE, seconds: SECONDS, next: path, shopPid: shop.pid });
  await settled(shop.pid);
  const rows = {
    [`recommendations ${RATE}/s (own 50%, similar 25%, popular 25%)`]: await steady(next),
    [`again, next ${SECONDS} s`]: await steady(next),
    [`GET /health ${RATE}/s: the floor`]: await settled(shop.pid).then(() => steady(() => '/health')),
  };
  console.log(`recommendations over HTTP, ${ITEMS} demo items, a trained model, ${SECONDS} s per row`);
  console.table(rows);
} finally {
  await shop.stop();
}
