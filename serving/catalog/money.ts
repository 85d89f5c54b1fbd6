// The shop's one currency: every price in the catalog, and so every cart and order, is in it.
// A marketplace in another country is another shop (another deployment), as with Amazon's storefronts.
export const SHOP_CURRENCY = 'USD';

/** "12.34 USD" from 1234 minor units: for messages to people, never for arithmetic. */
export const formatMoney = (minor: number, currency: string = SHOP_CURRENCY) =>
  `${(minor / 100).toFixed(2)} ${currency}`;
