// The home page: the shopper's recommendations and what is popular, once those exist; shop by category;
// recently viewed items that can reach the pincode.
import { CATEGORIES } from '../../catalog/taxonomy.ts';
import { ItemCard, type CardItem } from '../components.tsx';
import { categoryName } from '../format.ts';
import { RecommendedRow } from './recommended.tsx';

export function Home(props: {
  signedIn: boolean;
  name?: string;
  pincode?: string;
  recentlyViewed: CardItem[];
  forYou: CardItem[];
  /** A row for each category the shopper's recommendations lean to. */
  byCategory: { category: string; items: CardItem[] }[];
  popular: CardItem[];
}) {
  return (
    <>
      <section class="hero" aria-labelledby="welcome">
        <h1 id="welcome">{props.name ? `Welcome back, ${props.name}` : 'Welcome to Emporium'}</h1>
        <p>
          {props.pincode
            ? `Everything shown here can be delivered to ${props.pincode}, with the day it arrives.`
            : 'Tell us your ZIP code and we show only what can reach you, with the day it arrives.'}
        </p>
      </section>

      {props.signedIn && props.pincode ? (
        <RecommendedRow
          id="for-you"
          title="Recommended for you"
          items={props.forYou}
          signedIn
          empty={{
            title: 'No recommendations yet',
            text: 'Recommendations appear here once the shop has learnt from what shoppers buy, keep and look at.',
          }}
        />
      ) : null}
      {props.byCategory.map((row) => (
        <RecommendedRow
          id={`for-you-${row.category}`}
          title={`${categoryName(row.category)} for you`}
          items={row.items}
          signedIn={props.signedIn}
        />
      ))}

      <RecommendedRow
        id="popular"
        title="Popular right now"
        items={props.popular}
        signedIn={props.signedIn}
        empty={
          props.pincode
            ? {
                title: 'Nothing to show yet',
                text: 'The items most bought, carted and looked at in the last hour appear here once the shop has counted some.',
              }
            : {
                title: 'Where should it go?',
                text: 'Choose your ZIP code above: what is popular and can reach you appears here once the shop has counted some.',
              }
        }
      />

      {props.recentlyViewed.length > 0 ? (
        <section aria-labelledby="recent">
          <h2 id="recent">Recently viewed</h2>
          <ul class="grid" aria-label="Recently viewed">
            {props.recentlyViewed.map((item) => (
              <ItemCard item={item} signedIn={props.signedIn} />
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="categories">
        <h2 id="categories">Shop by category</h2>
        <ul class="categories">
          {CATEGORIES.map((category) => (
            <li>
              <a href={`/c/${category.id}`}>{category.name}</a>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
