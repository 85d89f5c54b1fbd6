// The frame of every storefront page: header with search, delivery pincode and account links, the main
// landmark, the footer. Plain HTML that works before (and without) any script.
import type { Child } from 'hono/jsx';
import { assetUrl, type AssetName } from './assets.ts';

/** What the header shows about the visitor, gathered once per page. */
export interface Chrome {
  /** The path and query of this page, to come back to after choosing a pincode or signing in. */
  here: string;
  signedIn: boolean;
  name?: string;
  pincode?: string;
  /** Where the pincode came from: chosen here, or the shopper's default address. */
  pincodeFrom?: 'chosen' | 'address';
  cartCount?: number;
  /** The search box's text. */
  query?: string;
}

export function Layout(props: { title: string; chrome: Chrome; script?: AssetName; children: Child }) {
  const { chrome } = props;
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} · Emporium`}</title>
        <link rel="stylesheet" href={assetUrl('style.css')} />
        <script type="module" src={assetUrl('storefront.js')} defer></script>
        {props.script ? <script type="module" src={assetUrl(props.script)} defer></script> : null}
      </head>
      <body>
        <a class="skip" href="#main">
          Skip to content
        </a>
        <header class="top">
          <div class="top-row">
            <a class="brand" href="/">
              Emporium
            </a>
            <SearchBox query={chrome.query} />
            <nav class="account" aria-label="Your account">
              <ul>
                {chrome.signedIn ? (
                  <>
                    <li>
                      <a href="/orders">Orders</a>
                    </li>
                    <li>
                      <a href="/wishlist">Wishlist</a>
                    </li>
                    <li>
                      <a href="/cart" class="cart-link">
                        Cart
                        {chrome.cartCount ? (
                          <span class="count" aria-label={`${chrome.cartCount} items`}>
                            {chrome.cartCount}
                          </span>
                        ) : null}
                      </a>
                    </li>
                    <li>
                      <form method="post" action="/signout">
                        <button type="submit" class="link">
                          Sign out
                        </button>
                      </form>
                    </li>
                  </>
                ) : (
                  <>
                    <li>
                      <a href={`/signin?next=${encodeURIComponent(chrome.here)}`}>Sign in</a>
                    </li>
                    <li>
                      <a href="/signup" class="button small">
                        Create account
                      </a>
                    </li>
                  </>
                )}
              </ul>
            </nav>
          </div>
          <PincodeChooser chrome={chrome} />
        </header>
        <main id="main" tabindex={-1}>
          {props.children}
        </main>
        <footer class="bottom">
          <p>
            Emporium · a demo shop · prices in USD · <a href="/docs">API</a>
          </p>
        </footer>
      </body>
    </html>
  );
}

function SearchBox(props: { query?: string }) {
  return (
    <form class="searchbar" role="search" action="/search" method="get">
      <label for="q" class="visually-hidden">
        Search the shop
      </label>
      <div class="combo">
        <input
          id="q"
          name="q"
          type="search"
          value={props.query ?? ''}
          placeholder="Search shirts, TVs, phones…"
          autocomplete="off"
          maxlength={200}
          role="combobox"
          aria-autocomplete="list"
          aria-expanded="false"
          aria-controls="suggestions"
        />
        <ul id="suggestions" role="listbox" aria-label="Suggestions" hidden></ul>
      </div>
      <button type="submit">Search</button>
    </form>
  );
}

function PincodeChooser(props: { chrome: Chrome }) {
  const { pincode, pincodeFrom } = props.chrome;
  return (
    <details class="pincode" open={pincode ? undefined : true}>
      <summary>
        {pincode ? (
          <>
            Delivering to <strong>{pincode}</strong>
            {pincodeFrom === 'address' ? ' (your address)' : ''} · change
          </>
        ) : (
          <>Choose where to deliver, to see what can reach you</>
        )}
      </summary>
      <form method="post" action="/pincode" class="inline">
        <input type="hidden" name="back" value={props.chrome.here} />
        <label for="pincode">ZIP code</label>
        <input
          id="pincode"
          name="pincode"
          inputmode="numeric"
          pattern="[0-9]{5}"
          maxlength={5}
          required
          autocomplete="postal-code"
          value={pincode ?? ''}
          placeholder="07030"
        />
        <button type="submit">Use this ZIP</button>
      </form>
    </details>
  );
}
