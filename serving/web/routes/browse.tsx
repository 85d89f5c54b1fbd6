// Browsing: the home page, search, a category's page, an item's page, the pincode chooser, suggestions.
import { Hono } from 'hono';
import { categoryById } from '../../catalog/taxonomy.ts';
import { EmptyState, Notice, type CardItem } from '../components.tsx';
import { categoryName } from '../format.ts';
import { visitorOf, type WebContext, type WebEnv } from '../page-context.ts';
import { Home } from '../pages/home.tsx';
import { ItemPage } from '../pages/item.tsx';
import { RecommendedRow, recommendedCards } from '../pages/recommended.tsx';
import { Results } from '../pages/results.tsx';
import { render } from '../render.tsx';
import { apiQuery, parseState } from '../search-state.ts';
import { choosePincode, formText, noteViewed, safeNext, viewedItems } from '../session.ts';

export function browseRoutes() {
  const app = new Hono<WebEnv>();

  app.get('/', async (c) => {
    const { chrome } = await visitorOf(c);
    const { pincode, signedIn } = chrome;
    const api = c.get('api');
    const [recentlyViewed, popular, forYou] = await Promise.all([
      pincode ? deliverable(c, viewedItems(c), pincode) : [],
      pincode ? api.popular(pincode) : undefined,
      pincode && signedIn ? api.recommendations(pincode) : undefined,
    ]);
    // A list that is all back-fill is popular items again: the popular row below shows them already.
    const own = forYou?.ok && forYou.body.items.some((i) => i.source === 'model') ? recommendedCards(forYou) : [];
    const shown = new Set(own.map((i) => i.itemId));
    // A row for each of the first three categories the shopper's own list (not its back-fill) leans to.
    const liked = forYou?.ok
      ? [...new Set(forYou.body.items.filter((i) => i.source === 'model').map((i) => i.category))].slice(0, 3)
      : [];
    const byCategory = await Promise.all(
      liked.map(async (category) => ({
        category,
        items: recommendedCards(await api.recommendations(pincode!, category, 4)),
      })),
    );
    return render(
      c,
      'Home',
      chrome,
      <Home
        signedIn={signedIn}
        name={chrome.name}
        pincode={pincode}
        recentlyViewed={recentlyViewed}
        forYou={own}
        byCategory={byCategory}
        popular={recommendedCards(popular).filter((i) => !shown.has(i.itemId))}
      />,
    );
  });

  app.get('/search', (c) => results(c, '/search'));
  app.get('/c/:category', (c) => {
    const category = c.req.param('category');
    return categoryById(category) ? results(c, `/c/${category}`, category) : missing(c, 'No such category');
  });

  app.get('/item/:itemId', async (c) => {
    const itemId = c.req.param('itemId');
    const api = c.get('api');
    const [{ chrome }, item] = await Promise.all([visitorOf(c), api.item(itemId)]);
    if (!item.ok) return missing(c, 'No such item');
    const [reach, similar] = await Promise.all([
      chrome.pincode ? api.reach(chrome.pincode, [itemId]) : undefined,
      chrome.pincode ? api.similar(itemId, chrome.pincode) : undefined,
      // Reported for the live reports and recommendations; the page does not wait on its success.
      api.viewed(itemId),
    ]);
    noteViewed(c, itemId);
    return render(
      c,
      item.body.name,
      chrome,
      <>
        <ItemPage
          item={item.body}
          reach={reach?.ok ? reach.body.items[0] : undefined}
          pincode={chrome.pincode}
          signedIn={chrome.signedIn}
        />
        <RecommendedRow
          id="similar"
          title="Similar items"
          items={recommendedCards(similar).filter((i) => i.itemId !== itemId)}
          signedIn={chrome.signedIn}
        />
      </>,
    );
  });

  app.post('/pincode', async (c) => {
    const form = await c.req.parseBody();
    const pincode = formText(form, 'pincode').trim();
    const back = safeNext(formText(form, 'back'));
    if (!/^\d{5}$/.test(pincode)) {
      const { chrome } = await visitorOf(c);
      return render(
        c,
        'Choose a ZIP code',
        { ...chrome, here: back },
        <Notice kind="error">A ZIP code is five digits, such as 07030.</Notice>,
        400,
      );
    }
    choosePincode(c, pincode);
    return c.redirect(back, 303);
  });

  // For the search box's script: names of deliverable items as the shopper types.
  app.get('/suggest', async (c) => {
    const q = (c.req.query('q') ?? '').slice(0, 200);
    const { chrome } = await visitorOf(c);
    if (!chrome.pincode || q.trim().length < 2) return c.json({ suggestions: [] });
    const answer = await c.get('api').suggestions(new URLSearchParams({ q, pincode: chrome.pincode }));
    return c.json({ suggestions: answer.ok ? answer.body.suggestions : [] });
  });

  return app;
}

async function results(c: WebContext, path: string, category?: string) {
  const state = parseState(new URL(c.req.url).searchParams, category);
  const { chrome } = await visitorOf(c, state.q);
  const title = category ? categoryName(category) : state.q ? `“${state.q}”` : 'Everything';
  const heading = <h1>{category ? categoryName(category) : state.q ? `Results for “${state.q}”` : 'Everything'}</h1>;
  if (!chrome.pincode) {
    return render(
      c,
      title,
      chrome,
      <>
        {heading}
        <EmptyState title="Where should it go?">
          Choose your ZIP code above: we show only what can be delivered there, with the day it arrives.
        </EmptyState>
      </>,
    );
  }
  const api = c.get('api');
  const [answer, forYou] = await Promise.all([
    api.search(apiQuery(state, chrome.pincode)),
    // On a category's first page, the shopper's own recommendations in it come first.
    category && chrome.signedIn && state.page <= 1 ? api.recommendations(chrome.pincode, category, 4) : undefined,
  ]);
  if (!answer.ok) {
    return render(
      c,
      title,
      chrome,
      <>
        {heading}
        <Notice kind="error">{answer.problem.message}</Notice>
      </>,
      answer.status === 404 ? 404 : 400,
    );
  }
  const corrected = answer.body.correctedText;
  return render(
    c,
    title,
    chrome,
    <>
      {corrected ? <h1>Results for “{corrected}”</h1> : heading}
      {corrected ? (
        <Notice>
          Showing results for <strong>{corrected}</strong>: nothing matched “{state.q}” as typed.
        </Notice>
      ) : null}
      {category ? (
        <RecommendedRow
          id="for-you-here"
          title={`Recommended for you in ${categoryName(category)}`}
          items={recommendedCards(forYou)}
          signedIn={chrome.signedIn}
        />
      ) : null}
      <Results state={state} answer={answer.body} path={path} signedIn={chrome.signedIn} />
    </>,
  );
}

/** The items among `itemIds` that can reach the pincode, each with its promise, in the order given. */
async function deliverable(c: WebContext, itemIds: string[], pincode: string): Promise<CardItem[]> {
  if (itemIds.length === 0) return [];
  const api = c.get('api');
  const [items, reach] = await Promise.all([api.items(itemIds), api.reach(pincode, itemIds)]);
  if (!items.ok || !reach.ok) return [];
  const byId = new Map(items.body.items.map((item) => [item.itemId, item]));
  return reach.body.items.flatMap((r) => {
    const item = byId.get(r.itemId);
    return item && r.deliverable ? [{ ...item, ...r }] : [];
  });
}

async function missing(c: WebContext, title: string) {
  const { chrome } = await visitorOf(c);
  return render(
    c,
    title,
    chrome,
    <>
      <h1>{title}</h1>
      <p>
        It may have been removed. <a href="/">Back to the home page</a>
      </p>
    </>,
    404,
  );
}
