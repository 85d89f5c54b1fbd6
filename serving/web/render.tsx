// Renders a page inside the layout as a complete HTML document.
import { html } from 'hono/html';
import type { Child } from 'hono/jsx';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AssetName } from './assets.ts';
import { Layout, type Chrome } from './layout.tsx';
import type { WebContext } from './page-context.ts';

/** `script` is a page's own script, loaded besides the storefront's. */
export function render(
  c: WebContext,
  title: string,
  chrome: Chrome,
  body: Child,
  status: ContentfulStatusCode = 200,
  script?: AssetName,
) {
  const page = (
    <Layout title={title} chrome={chrome} script={script}>
      {body}
    </Layout>
  );
  return c.html(html`<!doctype html>${page}`, status, {
    // Pages show a shopper's own cart and orders: never kept by a shared cache.
    'cache-control': 'private, no-store',
  });
}
