// The cart and the wishlist: add, change, remove, and move a line from one to the other.
import { Hono } from 'hono';
import type { ListView } from '../../cart/list-view.ts';
import { EmptyState, Notice, Picture, problemText } from '../components.tsx';
import { money } from '../format.ts';
import { visitorOf, type WebContext, type WebEnv } from '../page-context.ts';
import { render } from '../render.tsx';
import { formText, safeNext } from '../session.ts';
import type { Answer } from '../shop-api.ts';

const NOTES: Record<string, string> = {
  added: 'Added to your cart.',
  kept: 'Added to your wishlist.',
  moved: 'Moved.',
  removed: 'Removed.',
  updated: 'Quantity updated.',
};

export function listRoutes() {
  const app = new Hono<WebEnv>();

  // A visitor is asked to sign in first and brought back to the page they were on.
  app.use('/cart/*', signedInOrBack); // and /cart itself
  app.use('/wishlist/*', signedInOrBack);
  app.get('/cart', (c) => listPage(c, 'cart'));
  app.get('/wishlist', (c) => listPage(c, 'wishlist'));

  app.post('/cart/add', async (c) => {
    const form = await c.req.parseBody();
    const quantity = Number(formText(form, 'quantity') || 1);
    const answer = await c.get('api').addToCart(formText(form, 'itemId'), Number.isInteger(quantity) ? quantity : 1);
    return done(c, answer, '/cart', 'added');
  });
  app.post('/cart/:itemId/quantity', async (c) => {
    const form = await c.req.parseBody();
    const answer = await c.get('api').setQuantity(c.req.param('itemId'), Number(formText(form, 'quantity')));
    return done(c, answer, '/cart', 'updated');
  });
  app.post('/cart/:itemId/remove', async (c) =>
    done(c, await c.get('api').removeFromCart(c.req.param('itemId')), '/cart', 'removed'),
  );
  app.post('/cart/:itemId/to-wishlist', async (c) =>
    done(c, await c.get('api').moveToWishlist(c.req.param('itemId')), '/cart', 'moved'),
  );

  app.post('/wishlist/add', async (c) => {
    const form = await c.req.parseBody();
    return done(c, await c.get('api').addToWishlist(formText(form, 'itemId')), '/wishlist', 'kept');
  });
  app.post('/wishlist/:itemId/remove', async (c) =>
    done(c, await c.get('api').removeFromWishlist(c.req.param('itemId')), '/wishlist', 'removed'),
  );
  app.post('/wishlist/:itemId/to-cart', async (c) =>
    done(c, await c.get('api').moveToCart(c.req.param('itemId')), '/wishlist', 'moved'),
  );

  return app;
}

export async function signedInOrBack(c: WebContext, next: () => Promise<void>) {
  if (c.get('api').session) return next();
  const referer = c.req.header('referer');
  const back = c.req.method === 'GET' ? new URL(c.req.url).pathname : referer ? new URL(referer).pathname : '/';
  return c.redirect(`/signin?next=${encodeURIComponent(safeNext(back))}`, 303);
}

/** After a change: back to the list with a note, or the list with the API's reason when refused. */
function done(c: WebContext, answer: Answer<unknown>, to: '/cart' | '/wishlist', note: string) {
  if (answer.ok) return c.redirect(`${to}?note=${note}`, 303);
  return listPage(c, to === '/cart' ? 'cart' : 'wishlist', problemText(answer.problem), 400);
}

async function listPage(c: WebContext, which: 'cart' | 'wishlist', problem?: string, status: 200 | 400 = 200) {
  const api = c.get('api');
  const [{ chrome }, list] = await Promise.all([visitorOf(c), which === 'cart' ? api.cart() : api.wishlist()]);
  const title = which === 'cart' ? 'Your cart' : 'Your wishlist';
  const note = NOTES[c.req.query('note') ?? ''];
  const view = list.ok ? list.body : undefined;
  return render(
    c,
    title,
    chrome,
    <section aria-labelledby="list-title">
      <h1 id="list-title">{title}</h1>
      {problem ? <Notice kind="error">{problem}</Notice> : note ? <Notice kind="success">{note}</Notice> : null}
      {!view || view.lines.length === 0 ? (
        <EmptyState title={which === 'cart' ? 'Your cart is empty' : 'Your wishlist is empty'}>
          <a href="/">Find something you like</a>
        </EmptyState>
      ) : (
        <ListLines view={view} which={which} />
      )}
    </section>,
    status,
  );
}

function ListLines(props: { view: ListView; which: 'cart' | 'wishlist' }) {
  const { view, which } = props;
  const action = (itemId: string, verb: string) => `/${which}/${encodeURIComponent(itemId)}/${verb}`;
  return (
    <>
      <ul class="lines">
        {view.lines.map((line) => (
          <li class="line">
            {line.item ? <Picture imageUrl={line.item.imageUrl} category={line.item.category} size="small" /> : null}
            <div class="line-main">
              <a href={`/item/${encodeURIComponent(line.itemId)}`} class="line-name">
                {line.item?.name ?? 'No longer sold'}
              </a>
              {line.item ? <p class="price">{money(line.item.priceMinor, line.item.currency)}</p> : null}
              <div class="line-actions">
                {which === 'cart' ? (
                  <form method="post" action={action(line.itemId, 'quantity')} class="inline">
                    <label for={`qty-${line.itemId}`}>Quantity</label>
                    <input
                      id={`qty-${line.itemId}`}
                      name="quantity"
                      type="number"
                      min={1}
                      max={99}
                      value={String(line.quantity)}
                      inputmode="numeric"
                    />
                    <button type="submit" class="secondary">
                      Update
                    </button>
                  </form>
                ) : null}
                <form method="post" action={action(line.itemId, which === 'cart' ? 'to-wishlist' : 'to-cart')}>
                  <button type="submit" class="secondary">
                    {which === 'cart' ? 'Move to wishlist' : 'Move to cart'}
                  </button>
                </form>
                <form method="post" action={action(line.itemId, 'remove')}>
                  <button type="submit" class="link">
                    Remove<span class="visually-hidden"> {line.item?.name}</span>
                  </button>
                </form>
              </div>
            </div>
            {which === 'cart' ? <p class="line-total">{money(line.lineTotalMinor, view.currency)}</p> : null}
          </li>
        ))}
      </ul>
      {which === 'cart' ? (
        <div class="summary">
          <p>
            Subtotal ({view.itemCount} {view.itemCount === 1 ? 'item' : 'items'}):{' '}
            <strong>{money(view.subtotalMinor, view.currency)}</strong>
          </p>
          <a href="/checkout" class="button">
            Check out
          </a>
        </div>
      ) : null}
    </>
  );
}
