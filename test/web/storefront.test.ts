// The storefront in real Chromium: a visitor's home page, a shopper's whole way from a misspelt search to
// a placed order, a declined and an unanswered payment. Screenshots land in test-results/storefront/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchBrowser, screenshot, type Browser } from './browser.ts';
import { openWebShop, PINCODE, type WebShop } from './web-shop.ts';

const SUITE = 'storefront';
let shop: WebShop;
let browser: Browser;
let shoppers = 0;

beforeAll(async () => {
  [shop, browser] = await Promise.all([openWebShop(), launchBrowser()]);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await shop?.close();
});

/** A new shopper signed up through the page, in a page of their own. */
async function newShopper(viewport?: { width: number; height: number }): Promise<Page> {
  const page = await browser.newPage(viewport);
  const n = ++shoppers;
  await page.goto(`${shop.url}/signup`);
  await page.getByLabel('Your name').fill(`Shopper ${n}`);
  await page.getByLabel('Email').fill(`shopper-${n}-${Date.now()}@example.com`);
  await page.getByLabel('Password (at least 8 characters)').fill('correct horse');
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByRole('heading', { name: `Welcome back, Shopper ${n}` }).waitFor();
  return page;
}

/** Chooses the delivery ZIP code in the header (folded away once one is known). */
async function choosePincode(page: Page) {
  if (!(await page.locator('#pincode').isVisible())) await page.locator('.pincode summary').click();
  await page.locator('#pincode').fill(PINCODE);
  await page.getByRole('button', { name: 'Use this ZIP' }).click();
  await page.getByText(`Delivering to ${PINCODE}`).waitFor();
}

async function addAddress(page: Page) {
  await page.getByLabel('Street and number').fill('1 River St');
  await page.getByLabel('City').fill('Hoboken');
  await page.getByLabel('State').fill('NJ');
  await page.locator('#address-pincode').fill(PINCODE);
  await page.getByRole('button', { name: 'Save address' }).click();
  await page.getByRole('group', { name: 'Deliver to' }).waitFor();
}

/** Puts the first deliverable phone in the cart through its item page. */
async function cartAPhone(page: Page) {
  await page.goto(`${shop.url}/c/phones`);
  await page.getByRole('list', { name: 'Items' }).locator('.card-link').first().click();
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await page.getByText('Added to your cart.').waitFor();
}

describe('the storefront in Chromium', { timeout: 60_000 }, () => {
  it('shows a visitor the home page, with honest empty states and the categories', async () => {
    const page = await browser.newPage();
    await page.goto(shop.url);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Welcome to Emporium');
    const popular = page.locator('section', { has: page.getByRole('heading', { name: 'Popular right now' }) });
    expect(await popular.textContent()).toContain('once the shop');
    expect(await page.locator('.categories a').count()).toBeGreaterThanOrEqual(10);
    await screenshot(page, SUITE, '01-visitor-home');
    const phone = await browser.newPage({ width: 390, height: 844 });
    await phone.goto(shop.url);
    await screenshot(phone, SUITE, '01-visitor-home-phone');
    await phone.close();
    await page.close();
  });

  it('takes a shopper from a misspelt search through a facet and the cart to a placed order', async () => {
    const page = await newShopper();
    await choosePincode(page);

    // Suggestions as you type: deliverable items' names under the box.
    const box = page.getByRole('combobox', { name: 'Search the shop' });
    await box.pressSequentially('sams', { delay: 30 });
    const suggestions = page.getByRole('listbox', { name: 'Suggestions' });
    await suggestions.getByRole('option').first().waitFor();
    expect(await suggestions.getByRole('option').first().textContent()).toMatch(/samsung/i);
    await screenshot(page, SUITE, '02-suggestions');

    await box.fill('smasung');
    await box.press('Enter');
    await page.waitForURL(/\/search\?q=smasung/);
    const note = page.getByRole('status').filter({ hasText: 'Showing results for' });
    expect(await note.textContent()).toContain('samsung');
    await screenshot(page, SUITE, '03-search-corrected');

    const items = page.getByRole('list', { name: 'Items' });
    const before = await items.locator('.card').count();
    await page.getByRole('link', { name: /Mobile phones/ }).click();
    await page.waitForURL(/category=phones/);
    const cards = items.locator('.card');
    const after = await cards.count();
    expect(after).toBeGreaterThan(0);
    expect(after).toBeLessThan(before);
    expect(await page.locator('.facet a.on').first().textContent()).toContain('Mobile phones');
    const promise = await cards.first().locator('.promise').textContent();
    expect(promise).toMatch(/^Arrives (Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{1,2} [A-Z][a-z]{2} · ships from [A-Z]/);
    await screenshot(page, SUITE, '04-search-filtered');

    const name = (await cards.first().locator('.card-name').textContent())!;
    await cards.first().getByRole('button', { name: 'Add to cart' }).click();
    await page.getByText('Added to your cart.').waitFor();
    expect(await page.locator('.line-name').first().textContent()).toBe(name);
    await screenshot(page, SUITE, '05-cart');

    await page.getByRole('link', { name: 'Check out' }).click();
    await addAddress(page);
    await screenshot(page, SUITE, '06-checkout');
    await page.getByRole('button', { name: /Place order/ }).click();
    await page.getByRole('heading', { name: 'Thank you: your order is placed' }).waitFor();
    expect(await page.locator('.summary-lines').textContent()).toContain(name);
    await screenshot(page, SUITE, '07-confirmation');

    await page.getByRole('link', { name: 'Orders', exact: true }).click();
    const row = page.locator('.order-row').first();
    expect(await row.locator('.badge').textContent()).toBe('Placed');
    await screenshot(page, SUITE, '08-orders');
    expect(await page.locator('.cart-link .count').count()).toBe(0);
    await page.close();
  });

  it('explains a declined payment and keeps the cart', async () => {
    const page = await newShopper();
    await choosePincode(page);
    await cartAPhone(page);
    await page.getByRole('link', { name: 'Check out' }).click();
    await addAddress(page);
    await page.getByLabel(/ending 0002/).check();
    await page.getByRole('button', { name: /Place order/ }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Your bank declined the payment');
    expect(await page.locator('.summary-lines li').count()).toBe(1);
    await screenshot(page, SUITE, '09-declined');

    await page.getByRole('link', { name: 'Orders', exact: true }).click();
    expect(await page.locator('.order-row .badge').first().textContent()).toBe('Cancelled');
    await page.locator('.order-row a').first().click();
    expect(await page.getByRole('alert').textContent()).toContain('the payment was declined');
    await page.close();
  });

  it('shows an unanswered payment as a pending order with the time its hold expires', async () => {
    const page = await newShopper({ width: 390, height: 844 });
    await choosePincode(page);
    await cartAPhone(page);
    await screenshot(page, SUITE, '10-cart-phone');
    await page.getByRole('link', { name: 'Check out' }).click();
    await addAddress(page);
    await page.getByLabel(/ending 3220/).check();
    await page.getByRole('button', { name: /Place order/ }).click();
    const status = page.getByRole('status').filter({ hasText: 'Waiting for your bank' });
    await status.waitFor();
    expect(await status.textContent()).toMatch(/held for you until \d{2}:\d{2} UTC/);
    expect(await page.locator('.badge').first().textContent()).toBe('Waiting for payment');
    await screenshot(page, SUITE, '11-pending-phone');
    await page.close();
  });
});
