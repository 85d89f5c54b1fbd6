// The shop's one currency: every price in the catalog, and so every cart and order, is in it.
// A marketplace in another country is another shop (another deployment), as with Amazon's storefronts.
export const SHOP_CURRENCY = 'USD';
