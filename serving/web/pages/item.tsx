// An item's page: picture, price, attributes, the promise for the chosen pincode, cart and wishlist.
import type { Item } from '../../catalog/item.ts';
import type { Reach } from '../../serviceability/serviceability-service.ts';
import { AddToCart, DeliveryPromise, Notice, Picture } from '../components.tsx';
import { attributeName, categoryName, money } from '../format.ts';

export function ItemPage(props: { item: Item; reach?: Reach; pincode?: string; signedIn: boolean }) {
  const { item, reach } = props;
  return (
    <article class="item">
      <nav class="crumbs" aria-label="Breadcrumb">
        <a href="/">Home</a> › <a href={`/c/${item.category}`}>{categoryName(item.category)}</a>
      </nav>
      <div class="item-layout">
        <Picture imageUrl={item.imageUrl} category={item.category} size="large" />
        <div class="item-info">
          <h1>{item.name}</h1>
          <p class="brand-line">by {item.brand}</p>
          <p class="price big">{money(item.priceMinor, item.currency)}</p>
          {reach === undefined ? (
            <Notice>Choose your ZIP code above to see when this can arrive.</Notice>
          ) : reach.deliverable ? (
            <>
              <DeliveryPromise promise={reach} long />
              <AddToCart itemId={item.itemId} signedIn={props.signedIn} quantity={props.signedIn} />
              {props.signedIn ? (
                <form method="post" action="/wishlist/add" class="add">
                  <input type="hidden" name="itemId" value={item.itemId} />
                  <button type="submit" class="secondary">
                    Add to wishlist
                  </button>
                </form>
              ) : null}
            </>
          ) : (
            <Notice kind="error">
              {reach.reason === 'out of stock'
                ? 'Out of stock: no warehouse has this item right now.'
                : `This item cannot be delivered to ${props.pincode}.`}
            </Notice>
          )}
          <h2>About this item</h2>
          <p class="description">{item.description}</p>
          <h2>Details</h2>
          <dl class="attributes">
            <dt>Brand</dt>
            <dd>{item.brand}</dd>
            <dt>Category</dt>
            <dd>{categoryName(item.category)}</dd>
            {Object.entries(item.attributes).map(([name, value]) => (
              <>
                <dt>{attributeName(name)}</dt>
                <dd>{value}</dd>
              </>
            ))}
          </dl>
        </div>
      </div>
    </article>
  );
}
