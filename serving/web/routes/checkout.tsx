// Checkout: choose or add an address, pay on the simulated gateway, and land on the order's page.
import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import type { ListView } from '../../cart/list-view.ts';
import type { Reach } from '../../serviceability/serviceability-service.ts';
import type { Address, User } from '../../users/user.ts';
import { EmptyState, Notice, problemText } from '../components.tsx';
import { money, promiseDay, warehousePlace } from '../format.ts';
import { visitorOf, type WebContext, type WebEnv } from '../page-context.ts';
import { render } from '../render.tsx';
import { Field } from './account.tsx';
import { formText } from '../session.ts';
import { signedInOrBack } from './lists.tsx';

/** The simulated gateway's payment tokens, as a shopper would choose a card. */
export const PAYMENT_METHODS = [
  { value: 'pay_success', label: 'Test card ending 4242', hint: 'the payment goes through' },
  { value: 'pay_decline', label: 'Test card ending 0002', hint: 'the bank declines it' },
  { value: 'pay_no_answer', label: 'Test card ending 3220', hint: 'the bank does not answer' },
] as const;

export function checkoutRoutes() {
  const app = new Hono<WebEnv>();
  app.use('/checkout', signedInOrBack);
  app.use('/addresses', signedInOrBack);

  app.get('/checkout', (c) => checkoutPage(c, {}));

  app.post('/checkout', async (c) => {
    const form = await c.req.parseBody();
    const addressId = formText(form, 'addressId');
    const paymentMethod = formText(form, 'payment');
    const answer = await c
      .get('api')
      .checkout({ addressId, paymentMethod, key: formText(form, 'key') || randomUUID() });
    if (answer.ok) return c.redirect(`/orders/${encodeURIComponent(answer.body.order.orderId)}?from=checkout`, 303);
    const problem =
      answer.problem.code === 'payment_declined'
        ? 'Your bank declined the payment. Nothing was charged and the order was cancelled; your cart is as it was. Choose another card to try again.'
        : problemText(answer.problem);
    return checkoutPage(c, { problem, addressId, paymentMethod }, answer.status === 402 ? 402 : 409);
  });

  app.post('/addresses', async (c) => {
    const form = await c.req.parseBody();
    const text = (name: string) => formText(form, name).trim();
    const answer = await c.get('api').addAddress({
      label: text('label') || 'home',
      line1: text('line1'),
      line2: text('line2') || null,
      city: text('city'),
      state: text('state'),
      pincode: text('pincode'),
      makeDefault: form.makeDefault === 'on',
    });
    if (answer.ok) return c.redirect('/checkout', 303);
    return checkoutPage(c, { problem: problemText(answer.problem), addressProblemField: answer.problem.field }, 400);
  });

  return app;
}

interface CheckoutState {
  problem?: string;
  addressProblemField?: string | null;
  addressId?: string;
  paymentMethod?: string;
}

async function checkoutPage(c: WebContext, state: CheckoutState, status: 200 | 400 | 402 | 409 = 200) {
  const api = c.get('api');
  const [{ chrome, user }, cart] = await Promise.all([visitorOf(c), api.cart()]);
  const view = cart.ok ? cart.body : undefined;
  const addresses = user?.addresses ?? [];
  const chosen =
    addresses.find((a) => a.addressId === state.addressId) ??
    addresses.find((a) => a.addressId === user?.defaultAddressId) ??
    addresses[0];
  const priced = view?.lines.filter((l) => l.item) ?? [];
  const reach =
    chosen && priced.length
      ? await api.reach(
          chosen.pincode,
          priced.map((l) => l.itemId),
        )
      : undefined;
  return render(
    c,
    'Checkout',
    chrome,
    <section aria-labelledby="checkout-title">
      <h1 id="checkout-title">Checkout</h1>
      {state.problem ? <Notice kind="error">{state.problem}</Notice> : null}
      {!view || priced.length === 0 ? (
        <EmptyState title="Your cart is empty">
          <a href="/">Find something to buy</a> first.
        </EmptyState>
      ) : (
        <div class="checkout-layout">
          <div>
            {chosen ? (
              <form method="post" action="/checkout" class="stack" id="place-order">
                <input type="hidden" name="key" value={randomUUID()} />
                <fieldset>
                  <legend>Deliver to</legend>
                  {addresses.map((a) => (
                    <label class="choice">
                      <input type="radio" name="addressId" value={a.addressId} checked={a === chosen} required />
                      <AddressText address={a} isDefault={a.addressId === user?.defaultAddressId} />
                    </label>
                  ))}
                </fieldset>
                <fieldset>
                  <legend>Pay with</legend>
                  {PAYMENT_METHODS.map((m, i) => (
                    <label class="choice">
                      <input
                        type="radio"
                        name="payment"
                        value={m.value}
                        checked={state.paymentMethod ? state.paymentMethod === m.value : i === 0}
                        required
                      />
                      <span>
                        {m.label} <span class="hint">(simulated: {m.hint})</span>
                      </span>
                    </label>
                  ))}
                </fieldset>
                <button type="submit" class="big">
                  Place order · {money(view.subtotalMinor, view.currency)}
                </button>
              </form>
            ) : (
              <Notice>Add the address to deliver to first.</Notice>
            )}
            <AddressForm user={user} problemField={state.addressProblemField} open={!chosen} />
          </div>
          <OrderSummary view={view} reach={reach?.ok ? reach.body.items : []} pincode={chosen?.pincode} />
        </div>
      )}
    </section>,
    status,
  );
}

function AddressText(props: { address: Address; isDefault: boolean }) {
  const a = props.address;
  return (
    <span>
      <strong>{a.label}</strong>
      {props.isDefault ? ' (default)' : ''}: {a.line1}
      {a.line2 ? `, ${a.line2}` : ''}, {a.city}, {a.state} {a.pincode}
    </span>
  );
}

function AddressForm(props: { user?: User; problemField?: string | null; open: boolean }) {
  const problem = props.problemField
    ? { code: 'invalid', field: props.problemField, message: 'is not valid' }
    : undefined;
  return (
    <details class="add-address" open={props.open || props.problemField ? true : undefined}>
      <summary>Add an address</summary>
      <form method="post" action="/addresses" class="stack">
        <Field
          name="label"
          id="address-label"
          label="Name this address (home, work…)"
          required={false}
          problem={problem}
        />
        <Field
          name="line1"
          id="address-line1"
          label="Street and number"
          autocomplete="address-line1"
          problem={problem}
        />
        <Field
          name="line2"
          id="address-line2"
          label="Flat, floor (optional)"
          autocomplete="address-line2"
          required={false}
        />
        <Field name="city" id="address-city" label="City" autocomplete="address-level2" problem={problem} />
        <Field name="state" id="address-state" label="State" autocomplete="address-level1" problem={problem} />
        <Field
          name="pincode"
          id="address-pincode"
          label="ZIP code"
          autocomplete="postal-code"
          inputmode="numeric"
          problem={problem}
        />
        <label class="choice">
          <input type="checkbox" name="makeDefault" checked={(props.user?.addresses.length ?? 0) === 0} /> Make this my
          default address
        </label>
        <button type="submit" class="secondary">
          Save address
        </button>
      </form>
    </details>
  );
}

function OrderSummary(props: { view: ListView; reach: Reach[]; pincode?: string }) {
  const reachOf = new Map(props.reach.map((r) => [r.itemId, r]));
  return (
    <aside class="summary" aria-labelledby="summary-title">
      <h2 id="summary-title">Your order</h2>
      <ul class="summary-lines">
        {props.view.lines
          .filter((l) => l.item)
          .map((line) => {
            const reach = reachOf.get(line.itemId);
            return (
              <li>
                <span>
                  {line.quantity} × {line.item!.name}
                </span>
                <span class="price">{money(line.lineTotalMinor, props.view.currency)}</span>
                {reach?.deliverable ? (
                  <span class="promise">
                    Arrives {promiseDay(reach.deliverBy)} from {warehousePlace(reach.warehouseId)}
                  </span>
                ) : reach ? (
                  <span class="problem-text">
                    {reach.reason === 'out of stock' ? 'Out of stock' : `Cannot be delivered to ${props.pincode}`}
                  </span>
                ) : null}
              </li>
            );
          })}
      </ul>
      <p class="total">
        Total <strong>{money(props.view.subtotalMinor, props.view.currency)}</strong>
      </p>
    </aside>
  );
}
