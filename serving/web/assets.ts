// The storefront's stylesheet and script: read once, named by a hash of their content (so browsers may
// keep them for a year), and gzipped once rather than per request.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { Context } from 'hono';

interface Asset {
  url: string;
  type: string;
  body: Buffer;
  gzipped: Buffer;
}

const TYPES: Record<string, string> = {
  css: 'text/css; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
};
const NAMES = ['style.css', 'storefront.js', 'dashboard.js'] as const;
export type AssetName = (typeof NAMES)[number];

const byName = new Map<string, Asset>();
const byUrl = new Map<string, Asset>();

function load(name: AssetName): Asset {
  let asset = byName.get(name);
  if (asset) return asset;
  const body = readFileSync(new URL(`./static/${name}`, import.meta.url));
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 10);
  const dot = name.lastIndexOf('.');
  asset = {
    url: `/static/${name.slice(0, dot)}.${hash}${name.slice(dot)}`,
    type: TYPES[name.slice(dot + 1)]!,
    body,
    gzipped: gzipSync(body, { level: 9 }),
  };
  byName.set(name, asset);
  byUrl.set(asset.url, asset);
  return asset;
}

export const assetUrl = (name: AssetName) => load(name).url;

/** Answers a request for an asset by its hashed URL, gzipped when the browser takes it; undefined if unknown. */
export function serveAsset(c: Context): Response | undefined {
  for (const name of NAMES) load(name);
  const asset = byUrl.get(c.req.path);
  if (!asset) return undefined;
  const gzip = /\bgzip\b/.test(c.req.header('accept-encoding') ?? '');
  return new Response(new Uint8Array(gzip ? asset.gzipped : asset.body), {
    headers: {
      'content-type': asset.type,
      'cache-control': 'public, max-age=31536000, immutable',
      vary: 'accept-encoding',
      ...(gzip ? { 'content-encoding': 'gzip' } : {}),
    },
  });
}
