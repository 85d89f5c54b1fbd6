// A supplier feed with good and bad lines: good items reach the catalog API, bad lines are reported and dead-lettered.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestFile, type FeedReport } from '../../ingest/feed/ingest-file.ts';
import { Inbound } from '../../ingest/inbound.ts';
import { newUuid, systemClock } from '../../platform/clock.ts';
import { openTestEvents, type TestEvents } from '../support/events.ts';
import { openTestShop, type TestShop } from '../support/shop.ts';
import { waitFor } from '../support/wait-for.ts';

const CSV = [
  'supplierId,itemId,name,description,brand,category,priceMinor,currency,attr.size,attr.colour,attr.screen_size,attr.resolution',
  'sup-1,feed-shirt,Oxford Shirt,"A classic, crisp shirt",Arrow,shirts,2999,USD,M,blue,,',
  'sup-1,feed-bad-price,Linen Shirt,Cool linen,Arrow,shirts,29.99,USD,L,white,,',
  'sup-1,feed-tv,Samsung Crystal TV,A bright 55 inch TV,Samsung,televisions,89999,USD,,,55,4K',
  'sup-1,feed-bad-attr,Odd Shirt,Plaid,Arrow,shirts,1999,USD,M,plaid,,',
  'sup-1,feed-bad-category,Rocket,Goes up,Acme,spaceships,100,USD,,,,',
].join('\n');

describe('supplier feed file end to end', () => {
  let t: TestShop;
  let reader: TestEvents;
  let report: FeedReport;

  beforeAll(async () => {
    t = await openTestShop();
    reader = await openTestEvents(t.config.dataDir);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'emporium-feed-')), 'feed.csv');
    fs.writeFileSync(file, CSV);
    report = await ingestFile(file, new Inbound({ events: reader.events, clock: systemClock, newId: newUuid }));
  });
  afterAll(async () => {
    await reader.close();
    await t.close();
  });

  it('reports each bad line with its line number and reasons, and counts the good ones', () => {
    expect(report.accepted).toBe(2);
    expect(report.rejections.map((r) => [r.location, r.reasons[0]!.field])).toEqual([
      ['feed.csv:3', 'priceMinor'],
      ['feed.csv:5', 'attributes.colour'],
      ['feed.csv:6', 'category'],
    ]);
  });

  it('makes the good items retrievable through the catalog API, attributes and all', async () => {
    let found: { status: number; body: unknown } = { status: 0, body: null };
    await waitFor('feed-tv in the catalog', async () => (found = await t.api('GET', '/items/feed-tv')).status === 200);
    expect(found.body).toMatchObject({
      itemId: 'feed-tv',
      itemClass: 'large',
      attributes: { screen_size: '55', resolution: '4K' },
    });
    const shirts = await t.api('GET', '/items?category=shirts&attr.size=M&attr.colour=blue');
    expect(shirts.body).toMatchObject({ items: [{ itemId: 'feed-shirt', description: 'A classic, crisp shirt' }] });
    expect((await t.api('GET', '/items/feed-bad-price')).status).toBe(404);
  });

  it('puts every bad line on the dead-letter topic with its reasons and raw text', async () => {
    const dead = await reader.readTopic('supplier.items.dead-letter');
    expect(dead.map((e) => e.location)).toEqual(['feed.csv:3', 'feed.csv:5', 'feed.csv:6']);
    expect(dead[0]).toMatchObject({
      source: 'feed.csv',
      raw: expect.stringContaining('29.99') as string,
      reasons: [{ field: 'priceMinor' }],
    });
  });
});
