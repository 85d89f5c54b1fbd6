// A row of recommended items: the shopper's own, popular right now, or items like one, each deliverable
// to the pincode with its promise. An empty answer shows why, never made-up items.
import type { Recommendations } from '../../recommendations/recommendation-service.ts';
import { EmptyState, ItemCard, type CardItem } from '../components.tsx';
import type { Answer } from '../shop-api.ts';

/** The answer's items as cards; an item without a promise (asked without a pincode) is left out. */
export function recommendedCards(answer: Answer<Recommendations> | undefined): CardItem[] {
  if (!answer?.ok) return [];
  return answer.body.items.flatMap((item) => (item.delivery ? [{ ...item, ...item.delivery }] : []));
}

export function RecommendedRow(props: {
  id: string;
  title: string;
  items: CardItem[];
  signedIn: boolean;
  /** What to say when there is nothing to show; the row is left out when absent. */
  empty?: { title: string; text: string };
}) {
  const { items } = props;
  if (items.length === 0 && !props.empty) return null;
  return (
    <section aria-labelledby={props.id}>
      <h2 id={props.id}>{props.title}</h2>
      {items.length === 0 ? (
        <EmptyState title={props.empty!.title}>{props.empty!.text}</EmptyState>
      ) : (
        <ul class="grid" aria-label={props.title}>
          {items.map((item) => (
            <ItemCard item={item} signedIn={props.signedIn} />
          ))}
        </ul>
      )}
    </section>
  );
}
