// The storefront, served by the shop at `/`: server-rendered pages over the shop's own HTTP API, forms
// that post back (same-origin only), gzipped HTML and hashed, long-cached assets.
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { compress } from 'hono/compress';
import { csrf } from 'hono/csrf';
import { HTTPException } from 'hono/http-exception';
import type { Logger } from '../../platform/logger.ts';
import { serveAsset } from './assets.ts';
import { type WebEnv } from './page-context.ts';
import { render } from './render.tsx';
import { accountRoutes } from './routes/account.tsx';
import { browseRoutes } from './routes/browse.tsx';
import { checkoutRoutes } from './routes/checkout.tsx';
import { dashboardRoutes, type DashboardDeps } from './routes/dashboard.tsx';
import { listRoutes } from './routes/lists.tsx';
import { orderRoutes } from './routes/orders.tsx';
import { endSession, sessionOf } from './session.ts';
import { ShopApi, SignedOut, type ApiCall } from './shop-api.ts';

const FORM_BYTES = 64 * 1024;

export function createWeb(deps: { api: ApiCall; logger: Logger; dashboard: DashboardDeps }) {
  const app = new Hono<WebEnv>();

  app.get('/static/*', (c, next) => serveAsset(c) ?? next());
  app.use(compress());
  // The API bounds its own bodies; the storefront's forms are a few fields each.
  app.use(bodyLimit({ maxSize: FORM_BYTES, onError: (c) => c.text('This form is too large.', 413) }));
  // A form posted from another site is refused: the session cookie is SameSite=Lax, and this checks the
  // Origin (or Sec-Fetch-Site) header of every form post besides.
  app.use(csrf());
  app.use(async (c, next) => {
    c.set('api', new ShopApi(deps.api, sessionOf(c), c.env));
    await next();
  });

  app.route('/', browseRoutes());
  app.route('/', accountRoutes());
  app.route('/', listRoutes());
  app.route('/', checkoutRoutes());
  app.route('/', orderRoutes());
  app.route('/', dashboardRoutes(deps.dashboard));

  app.onError(async (error, c) => {
    if (error instanceof SignedOut) {
      endSession(c);
      const url = new URL(c.req.url);
      return c.redirect(`/signin?next=${encodeURIComponent(url.pathname)}`, 303);
    }
    if (error instanceof HTTPException && error.status === 403) {
      return c.text('This form was sent from another site, so it was refused.', 403);
    }
    deps.logger.error({ err: error, path: c.req.path }, 'storefront page failed');
    return render(
      c,
      'Something went wrong',
      { here: '/', signedIn: false },
      <>
        <h1>Something went wrong</h1>
        <p>
          The page could not be shown. Try again in a moment, or <a href="/">go to the home page</a>.
        </p>
      </>,
      500,
    );
  });
  return app;
}
