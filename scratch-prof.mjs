// scratch-prof.ts
import { performance } from "node:perf_hooks";

// serving/catalog/taxonomy.ts
var ITEM_CLASSES = ["standard", "large", "fragile", "cold"];
var COLOURS = ["black", "white", "blue", "red", "green", "grey", "navy", "beige", "pink", "yellow"];
var req = (name, values) => ({ name, values, required: true, facet: true });
var opt = (name, values) => ({ name, values, required: false, facet: !!values });
var CATEGORIES = [
  {
    id: "shirts",
    name: "Shirts",
    itemClass: "standard",
    attributes: [req("size", ["XS", "S", "M", "L", "XL", "XXL"]), req("colour", COLOURS), opt("fabric", ["cotton", "linen", "polyester", "silk"]), opt("fit", ["slim", "regular", "relaxed"])]
  },
  {
    id: "shoes",
    name: "Shoes",
    itemClass: "standard",
    attributes: [req("size", ["5", "6", "7", "8", "9", "10", "11", "12"]), req("colour", COLOURS), opt("type", ["running", "casual", "formal", "boots", "sandals"])]
  },
  {
    id: "televisions",
    name: "Televisions",
    itemClass: "large",
    attributes: [req("screen_size", ["32", "43", "50", "55", "65", "75", "85"]), req("resolution", ["HD", "Full HD", "4K", "8K"]), opt("panel", ["LED", "QLED", "OLED"]), opt("smart", ["yes", "no"])]
  },
  {
    id: "phones",
    name: "Mobile phones",
    itemClass: "fragile",
    attributes: [req("storage", ["64GB", "128GB", "256GB", "512GB", "1TB"]), req("colour", COLOURS), opt("ram", ["4GB", "6GB", "8GB", "12GB", "16GB"]), opt("network", ["4G", "5G"])]
  },
  {
    id: "laptops",
    name: "Laptops",
    itemClass: "fragile",
    attributes: [req("ram", ["8GB", "16GB", "32GB", "64GB"]), req("storage", ["256GB", "512GB", "1TB", "2TB"]), opt("screen_size", ["13", "14", "15", "16", "17"]), opt("processor")]
  },
  {
    id: "bread",
    name: "Bread",
    itemClass: "cold",
    attributes: [req("type", ["white", "wholewheat", "multigrain", "sourdough", "rye", "brioche"]), req("weight", ["400g", "500g", "800g", "1kg"]), opt("sliced", ["yes", "no"])]
  },
  {
    id: "dairy",
    name: "Dairy",
    itemClass: "cold",
    attributes: [req("type", ["milk", "yogurt", "cheese", "butter", "cream"]), req("volume", ["200ml", "500ml", "1l", "2l", "250g", "500g"]), opt("fat", ["skimmed", "low fat", "full cream"])]
  },
  {
    id: "books",
    name: "Books",
    itemClass: "standard",
    attributes: [req("format", ["paperback", "hardcover"]), req("language", ["English", "Hindi", "Spanish", "French", "German"]), opt("author"), opt("genre", ["fiction", "mystery", "science", "history", "biography", "children", "cooking"])]
  },
  {
    id: "furniture",
    name: "Furniture",
    itemClass: "large",
    attributes: [req("material", ["wood", "metal", "glass", "plastic", "rattan"]), req("colour", COLOURS), opt("room", ["living", "bedroom", "dining", "office", "outdoor"])]
  },
  {
    id: "refrigerators",
    name: "Refrigerators",
    itemClass: "large",
    attributes: [req("capacity", ["190l", "250l", "340l", "450l", "600l"]), req("doors", ["single", "double", "side-by-side", "french"]), opt("energy_rating", ["A", "B", "C", "D"])]
  },
  {
    id: "headphones",
    name: "Headphones",
    itemClass: "fragile",
    attributes: [req("type", ["over-ear", "on-ear", "in-ear"]), req("connectivity", ["wired", "bluetooth"]), opt("noise_cancelling", ["yes", "no"]), opt("colour", COLOURS)]
  },
  {
    id: "toys",
    name: "Toys",
    itemClass: "standard",
    attributes: [req("age", ["0-2", "3-5", "6-8", "9-12", "13+"]), opt("material", ["wood", "plastic", "plush", "metal"]), opt("theme", ["vehicles", "puzzles", "dolls", "building", "science"])]
  }
];
var BY_ID = new Map(CATEGORIES.map((c) => [c.id, c]));
function categoryById(id) {
  return BY_ID.get(id);
}

// ingest/demo/random.ts
function mix(...parts) {
  let h = 2654435769;
  for (const part of parts) {
    h = Math.imul(h ^ part >>> 0, 2246822507);
    h ^= h >>> 13;
    h = Math.imul(h, 3266489909);
    h ^= h >>> 16;
  }
  return h >>> 0;
}
function randomFor(seed, stream, index2) {
  let state = mix(seed, stream, index2, index2 / 2 ** 32);
  const next = () => {
    state = state + 1831565813 | 0;
    let t = Math.imul(state ^ state >>> 15, 1 | state);
    t = t + Math.imul(t ^ t >>> 7, 61 | t) ^ t;
    return ((t ^ t >>> 14) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (values) => values[Math.floor(next() * values.length)],
    chance: (probability) => next() < probability
  };
}
var STREAMS = { items: 1, stock: 2, users: 3, places: 4, routes: 5 };

// ingest/demo/vocabulary.ts
var VOCABULARY = {
  shirts: {
    weight: 14,
    brands: ["Arrow", "Van Heusen", "Uniqlo", "Levi's", "Tommy Hilfiger", "Gap", "H&M", "Ralph Lauren"],
    products: ["Oxford Shirt", "Linen Shirt", "Polo Shirt", "Flannel Shirt", "Denim Shirt", "Dress Shirt", "Henley"],
    adjectives: ["classic", "breathable", "wrinkle-free", "soft", "tailored", "everyday", "lightweight"],
    uses: ["the office", "weekend outings", "summer evenings", "smart casual dinners", "travel"],
    price: [1499, 8999]
  },
  shoes: {
    weight: 12,
    brands: ["Nike", "Adidas", "Puma", "New Balance", "Asics", "Clarks", "Skechers", "Reebok"],
    products: ["Running Shoes", "Sneakers", "Loafers", "Trail Runners", "Chelsea Boots", "Sandals", "Derby Shoes"],
    adjectives: ["cushioned", "lightweight", "durable", "grippy", "breathable", "waterproof", "comfortable"],
    uses: ["daily runs", "long walks", "the gym", "city commutes", "hiking trails", "formal occasions"],
    price: [2999, 17999]
  },
  televisions: {
    weight: 6,
    brands: ["Samsung", "LG", "Sony", "TCL", "Hisense", "Panasonic", "Vizio", "Philips"],
    products: ["Smart TV", "LED TV", "OLED TV", "QLED TV", "Android TV", "Google TV"],
    adjectives: ["ultra-slim", "vivid", "bright", "cinematic", "frameless", "high-contrast"],
    uses: ["movie nights", "sports with friends", "console gaming", "streaming shows", "a bright living room"],
    price: [14999, 249999]
  },
  phones: {
    weight: 8,
    brands: ["Apple", "Samsung", "Google", "OnePlus", "Motorola", "Xiaomi", "Nokia", "Sony"],
    products: ["Smartphone", "Phone", "Flip Phone", "Foldable Phone", "Mini Phone"],
    adjectives: ["powerful", "compact", "long-lasting", "flagship", "budget-friendly", "rugged"],
    uses: ["photography", "gaming on the go", "all-day battery life", "video calls", "work and play"],
    price: [9999, 159999]
  },
  laptops: {
    weight: 6,
    brands: ["Dell", "HP", "Lenovo", "Apple", "Asus", "Acer", "Microsoft", "MSI"],
    products: ["Laptop", "Notebook", "Ultrabook", "Gaming Laptop", "Chromebook", "2-in-1 Laptop"],
    adjectives: ["thin", "fast", "portable", "powerful", "quiet", "lightweight"],
    uses: ["students", "software development", "video editing", "business travel", "gaming"],
    price: [29999, 299999]
  },
  bread: {
    weight: 7,
    brands: ["Wonder", "Dave's Killer Bread", "Pepperidge Farm", "Nature's Own", "Arnold", "Sara Lee", "Bimbo"],
    products: ["Sandwich Loaf", "Bread", "Bagels", "Baguette", "Burger Buns", "Toast Bread"],
    adjectives: ["freshly baked", "soft", "crusty", "hearty", "golden", "artisan"],
    uses: ["breakfast toast", "sandwiches", "school lunches", "french toast", "soups and stews"],
    price: [199, 899]
  },
  dairy: {
    weight: 7,
    brands: ["Horizon", "Organic Valley", "Chobani", "Tillamook", "Kerrygold", "Fage", "Land O'Lakes"],
    products: ["Milk", "Greek Yogurt", "Cheddar", "Butter", "Cream", "Mozzarella"],
    adjectives: ["farm fresh", "organic", "creamy", "rich", "grass-fed", "probiotic"],
    uses: ["breakfast", "baking", "smoothies", "cooking", "coffee"],
    price: [149, 1299]
  },
  books: {
    weight: 14,
    brands: ["Penguin", "HarperCollins", "Simon & Schuster", "Macmillan", "Hachette", "Scholastic", "Vintage"],
    products: ["Novel", "Thriller", "Cookbook", "Biography", "History", "Picture Book", "Science Guide"],
    adjectives: ["bestselling", "gripping", "award-winning", "illustrated", "classic", "definitive"],
    uses: ["a long weekend", "book clubs", "bedtime reading", "curious minds", "the commute"],
    price: [599, 4999]
  },
  furniture: {
    weight: 6,
    brands: ["IKEA", "Ashley", "West Elm", "Wayfair", "Herman Miller", "La-Z-Boy", "Crate & Barrel"],
    products: ["Sofa", "Dining Table", "Bookshelf", "Office Chair", "Coffee Table", "Bed Frame", "Wardrobe"],
    adjectives: ["sturdy", "modern", "minimalist", "ergonomic", "solid", "mid-century"],
    uses: ["small apartments", "family homes", "home offices", "reading corners", "entertaining guests"],
    price: [4999, 199999]
  },
  refrigerators: {
    weight: 4,
    brands: ["Samsung", "LG", "Whirlpool", "GE", "Frigidaire", "Bosch", "Haier"],
    products: ["Refrigerator", "Fridge Freezer", "Mini Fridge", "Smart Refrigerator"],
    adjectives: ["energy-efficient", "frost-free", "spacious", "quiet", "stainless steel"],
    uses: ["large families", "meal prep", "small kitchens", "keeping produce fresh", "entertaining"],
    price: [19999, 349999]
  },
  headphones: {
    weight: 8,
    brands: ["Sony", "Bose", "Sennheiser", "JBL", "Apple", "Beats", "Audio-Technica", "Jabra"],
    products: ["Headphones", "Earbuds", "Headset", "Earphones", "Studio Monitors"],
    adjectives: ["wireless", "immersive", "comfortable", "punchy", "studio-grade", "foldable"],
    uses: ["flights", "workouts", "focus at work", "podcasts", "music production"],
    price: [1999, 54999]
  },
  toys: {
    weight: 8,
    brands: ["LEGO", "Mattel", "Hasbro", "Fisher-Price", "Melissa & Doug", "Hot Wheels", "Playmobil"],
    products: ["Building Set", "Puzzle", "Doll", "Race Car Set", "Science Kit", "Plush Bear", "Board Game"],
    adjectives: ["colorful", "educational", "award-winning", "durable", "creative", "cuddly"],
    uses: ["rainy afternoons", "birthday gifts", "family game night", "learning through play", "road trips"],
    price: [999, 14999]
  }
};

// ingest/demo/items.ts
var DEMO_SUPPLIERS = ["sup-northwind", "sup-acme", "sup-globex", "sup-initech"];
var weighted = CATEGORIES.map((c) => ({ category: c, weight: VOCABULARY[c.id].weight }));
var totalWeight = weighted.reduce((sum, w) => sum + w.weight, 0);
function pickCategory(r2) {
  let draw = r2.next() * totalWeight;
  for (const w of weighted) if ((draw -= w.weight) < 0) return w.category;
  return weighted.at(-1).category;
}
var demoItemId = (index2) => `itm-${String(index2).padStart(7, "0")}`;
function demoItem(seed, index2) {
  const r2 = randomFor(seed, STREAMS.items, index2);
  const category = pickCategory(r2);
  const words = VOCABULARY[category.id];
  const brand = r2.pick(words.brands);
  const product = r2.pick(words.products);
  const adjective = r2.pick(words.adjectives);
  const attributes = {};
  for (const spec of category.attributes) {
    if (!spec.required && !r2.chance(0.6)) continue;
    attributes[spec.name] = spec.values ? r2.pick(spec.values) : freeText(spec.name, r2);
  }
  const highlights = Object.entries(attributes).slice(0, 2).map(([name, value]) => `${value} ${name.replaceAll("_", " ")}`);
  const [low, high] = words.price;
  const priceMinor = Math.max(99, Math.round(r2.int(low, high) / 100) * 100 - 1);
  return {
    supplierId: r2.pick(DEMO_SUPPLIERS),
    itemId: demoItemId(index2),
    name: `${brand} ${capitalize(adjective)} ${product}${highlights[0] ? ` (${highlights[0]})` : ""}`,
    description: `${/^[aeiou]/i.test(adjective) ? "An" : "A"} ${adjective} ${product.toLowerCase()} from ${brand}, with ${highlights.join(" and ") || "a design people love"}. Made for ${twoUses(words.uses, r2)}. ${category.name} you can count on.`,
    brand,
    category: category.id,
    priceMinor,
    currency: "USD",
    attributes,
    imageUrl: r2.chance(0.8) ? `https://img.emporium.example/${demoItemId(index2)}.jpg` : null
  };
}
function* demoItems(options) {
  const start = options.start ?? 0;
  for (let i = start; i < start + options.count; i++) yield demoItem(options.seed, i);
}
var AUTHORS = ["Toni Morrison", "Haruki Murakami", "Agatha Christie", "Yuval Noah Harari", "Chimamanda Adichie", "Stephen King"];
var PROCESSORS = ["Intel Core i5", "Intel Core i7", "AMD Ryzen 5", "AMD Ryzen 7", "Apple M3"];
function freeText(attribute, r2) {
  if (attribute === "author") return r2.pick(AUTHORS);
  if (attribute === "processor") return r2.pick(PROCESSORS);
  return "standard";
}
function twoUses(uses, r2) {
  const first = r2.int(0, uses.length - 1);
  const second = (first + r2.int(1, uses.length - 1)) % uses.length;
  return `${uses[first]} and ${uses[second]}`;
}
var capitalize = (s) => s.charAt(0).toUpperCase() + s.slice(1);

// serving/serviceability/network.ts
function distanceKm(a, b) {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

// ingest/demo/places.ts
import zipcodes from "zipcodes";
var usCodes;
function allPincodes() {
  usCodes ??= Object.values(zipcodes.codes).filter((z) => z.country === "US" && Number.isFinite(z.latitude) && Number.isFinite(z.longitude)).map((z) => ({ code: z.zip, lat: z.latitude, lon: z.longitude, city: z.city, state: z.state })).sort((a, b) => a.code.localeCompare(b.code));
  return usCodes;
}
function demoPincodes(count) {
  const all = allPincodes();
  if (count >= all.length) return all;
  const step = all.length / count;
  return Array.from({ length: count }, (_, i) => all[Math.floor(i * step)]);
}
var CITY_ZIPS = ["07102", "60601", "90012", "75201", "30303", "98101", "80202", "85003", "33128", "02108", "55401", "64105"];
function demoWarehouses(count = CITY_ZIPS.length) {
  const spread = demoPincodes(Math.max(0, count - CITY_ZIPS.length) + 1);
  const zips = [...CITY_ZIPS, ...spread.map((p) => p.code)].slice(0, count);
  return zips.map((zip, i) => {
    const place = zipcodes.lookup(zip);
    return {
      id: `wh-${String(i + 1).padStart(2, "0")}-${place.city.toLowerCase().replaceAll(/[^a-z]+/g, "-")}`,
      name: `${place.city} fulfilment centre`,
      pincode: zip,
      lat: place.latitude,
      lon: place.longitude
    };
  });
}
function demoStock(seed, itemIndex, warehouses2) {
  const r2 = randomFor(seed, STREAMS.stock, itemIndex);
  const home = r2.int(0, warehouses2 - 1);
  const spread = r2.int(1, Math.min(3, warehouses2));
  return Array.from({ length: spread }, (_, k) => ({
    warehouse: (home + k * 5) % warehouses2,
    available: r2.chance(0.05) ? 0 : r2.int(1, 60)
  }));
}

// ingest/demo/network.ts
var ROAD = ["standard", "large", "fragile"];
var AIR = ["standard", "fragile"];
var LAST_MILE = ["standard", "fragile", "cold"];
var GATEWAYS = 16;
var COLD_REACH_KM = 450;
var ROAD_REACH_KM = 900;
var LARGE_LAST_MILE_KM = 80;
var minutes = (fixed, km, kmPerHour) => Math.round(fixed * 60 + km / kmPerHour * 60);
function demoNetwork(options = {}) {
  const pincodes2 = options.pincodes ?? allPincodes();
  const hubs = hubsOf(pincodes2);
  const hubById = new Map(hubs.map((h) => [h.id, h]));
  const routes = [];
  const ids = /* @__PURE__ */ new Set();
  const add = (courier, from, to, mins, classes2) => {
    const id = `${courier}:${from.id}>${to.id}`;
    if (!ids.has(id)) routes.push({ id, courier, from: from.id, to: to.id, minutes: mins, classes: classes2 });
    ids.add(id);
  };
  const warehouses2 = demoWarehouses(options.warehouses).map((w) => ({ id: w.id, lat: w.lat, lon: w.lon, pincode: w.pincode }));
  for (const w of warehouses2) {
    const hub = hubById.get(hubIdOf(w.pincode)) ?? nearest(w, hubs, 1)[0];
    add("first-mile", w, hub, minutes(2, distanceKm(w, hub), 40), [...ROAD, "cold"]);
  }
  for (const hub of hubs) {
    for (const near of nearest(hub, hubs, 4).filter((n2) => distanceKm(hub, n2) <= ROAD_REACH_KM)) {
      const mins = minutes(4, distanceKm(hub, near), 55);
      add("roadrunner", hub, near, mins, ROAD);
      add("roadrunner", near, hub, mins, ROAD);
    }
    for (const near of nearest(hub, hubs, 3).filter((n2) => distanceKm(hub, n2) <= COLD_REACH_KM)) {
      const mins = minutes(6, distanceKm(hub, near), 50);
      add("frostline", hub, near, mins, ["cold"]);
      add("frostline", near, hub, mins, ["cold"]);
    }
  }
  const gateways = gatewaysOf(hubs, routes.filter((r2) => r2.courier === "roadrunner"));
  for (const a of gateways) for (const b of gateways) if (a !== b) add("skyfreight", a, b, minutes(10, distanceKm(a, b), 700), AIR);
  for (const pin of pincodes2) {
    const hub = hubById.get(hubIdOf(pin.code));
    const km = distanceKm(hub, pin);
    add("lastmile", hub, { id: pin.code, lat: pin.lat, lon: pin.lon }, minutes(6, km, 35), km <= LARGE_LAST_MILE_KM ? [...LAST_MILE, "large"] : LAST_MILE);
  }
  return {
    warehouses: warehouses2.map(({ id, lat, lon }) => ({ id, lat, lon })),
    hubs,
    pincodes: pincodes2.map((p) => ({ id: p.code, lat: p.lat, lon: p.lon })),
    routes
  };
}
var hubIdOf = (pincode) => `hub-${pincode.slice(0, 3)}`;
function gatewaysOf(hubs, roads) {
  const parent = new Map(hubs.map((h) => [h.id, h.id]));
  const root = (id) => {
    const up = parent.get(id);
    if (up === id) return id;
    const top = root(up);
    parent.set(id, top);
    return top;
  };
  for (const r2 of roads) parent.set(root(r2.from), root(r2.to));
  const gateways = hubs.filter((_, i) => i % Math.ceil(hubs.length / GATEWAYS) === 0);
  const served = new Set(gateways.map((g) => root(g.id)));
  for (const hub of hubs) {
    if (served.has(root(hub.id))) continue;
    served.add(root(hub.id));
    gateways.push(hub);
  }
  return gateways;
}
function hubsOf(pincodes2) {
  const sums = /* @__PURE__ */ new Map();
  for (const p of pincodes2) {
    const s = sums.get(hubIdOf(p.code)) ?? { lat: 0, lon: 0, n: 0 };
    sums.set(hubIdOf(p.code), { lat: s.lat + p.lat, lon: s.lon + p.lon, n: s.n + 1 });
  }
  return [...sums].sort(([a], [b]) => a.localeCompare(b)).map(([id, s]) => ({ id, lat: s.lat / s.n, lon: s.lon / s.n }));
}
function nearest(from, places, k) {
  return places.filter((p) => p !== from).map((p) => ({ p, km: distanceKm(from, p) })).sort((a, b) => a.km - b.km).slice(0, k).map((x) => x.p);
}

// serving/search/index/text.ts
function terms(text) {
  return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().split(/[^a-z0-9]+/).filter((t) => t.length > 0);
}
function allowedEdits(term) {
  if (term.length < 4) return 0;
  return term.length < 8 ? 1 : 2;
}
function editDistance(a, b, max) {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const width = b.length + 1;
  let before = new Int32Array(width);
  let previous = Int32Array.from({ length: width }, (_, j) => j);
  let current = new Int32Array(width);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2] + 1);
      current[j] = d;
      rowMin = Math.min(rowMin, d);
    }
    if (rowMin > max) return max + 1;
    [before, previous, current] = [previous, current, before];
  }
  return previous[b.length];
}

// serving/search/index/vocabulary.ts
var Vocabulary = class {
  known = /* @__PURE__ */ new Set();
  /** Kept sorted for prefix ranges. */
  sorted = [];
  unsorted = [];
  /** A term with some letters deleted → the terms it came from. */
  deletions = /* @__PURE__ */ new Map();
  has = (term) => this.known.has(term);
  add(term) {
    if (this.known.has(term)) return;
    this.known.add(term);
    this.unsorted.push(term);
    for (const variant of deletionsOf(term, Math.min(2, allowedEdits(term) + 1))) {
      const from = this.deletions.get(variant);
      if (from) from.push(term);
      else this.deletions.set(variant, [term]);
    }
  }
  /** Known terms within the edits the query term's length allows, nearest first. */
  similar(term) {
    const max = allowedEdits(term);
    if (max === 0) return [];
    const found = /* @__PURE__ */ new Map();
    for (const variant of deletionsOf(term, max)) {
      for (const candidate of this.deletions.get(variant) ?? []) {
        if (found.has(candidate) || candidate === term) continue;
        const edits = editDistance(term, candidate, max);
        if (edits <= max) found.set(candidate, edits);
      }
    }
    return [...found].map(([t, edits]) => ({ term: t, edits })).sort((a, b) => a.edits - b.edits || a.term.localeCompare(b.term));
  }
  /** Up to `limit` known terms that start with `prefix` (other than the prefix itself), in order. */
  withPrefix(prefix, limit) {
    if (this.unsorted.length) {
      this.sorted = [...this.sorted, ...this.unsorted].sort();
      this.unsorted = [];
    }
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = lo + hi >>> 1;
      if (this.sorted[mid] < prefix) lo = mid + 1;
      else hi = mid;
    }
    const out = [];
    for (let i = lo; i < this.sorted.length && out.length < limit && this.sorted[i].startsWith(prefix); i++) {
      if (this.sorted[i] !== prefix) out.push(this.sorted[i]);
    }
    return out;
  }
};
function deletionsOf(term, depth) {
  const out = /* @__PURE__ */ new Set([term]);
  let frontier = [term];
  for (let d = 0; d < depth; d++) {
    const next = [];
    for (const word2 of frontier) {
      for (let i = 0; i < word2.length; i++) {
        const shorter = word2.slice(0, i) + word2.slice(i + 1);
        if (shorter.length > 0 && !out.has(shorter)) {
          out.add(shorter);
          next.push(shorter);
        }
      }
    }
    frontier = next;
  }
  return out;
}

// serving/search/index/memory-index.ts
var BOOST = { name: 3, brand: 2, category: 2, attributes: 1.5, description: 1 };
var MAX_QUERY_TERMS = 8;
var PREFIX_EXPANSIONS = 20;
var TYPO_EXPANSIONS = 5;
var MAX_WAREHOUSES = 64;
var FACET_VALUES = 20;
var LAYOUT_MIN_ARRIVALS = 1e3;
var MemoryIndex = class {
  slotOf = /* @__PURE__ */ new Map();
  stored = [];
  /** Slots to reuse. Holes in the laid-out region stay empty until the next layout: a document put there would break its order. */
  free = [];
  postings = /* @__PURE__ */ new Map();
  vocabulary = new Vocabulary();
  /** Per slot, for price filters and sorts. */
  price = [];
  /**
   * What a query reads of each matching slot, as one row per slot in one flat array (see ROW): the
   * matches of a broad query are thousands of slots in no useful order, and reading a row costs one
   * cache miss where a column per field would cost one each.
   */
  rows = new Int32Array(0);
  /** Room for ten attribute values per row; a document with more lays every row out again (rowOf). */
  stride = ROW.attributes + 10;
  /** Stock is known per item id, even before (or after) the item itself is in the index. */
  inStockAt = /* @__PURE__ */ new Map();
  warehouseBit = /* @__PURE__ */ new Map();
  warehouses = [];
  values = /* @__PURE__ */ new Map();
  valueNames = [];
  live = 0;
  /** Documents written since the last layout, in arrival order rather than category order. */
  arrivals = 0;
  /** Slots below this are in category order, each category in its span; every posting list reads them in ascending order first. */
  laidOut = 0;
  categorySpans = /* @__PURE__ */ new Map();
  // Reused between queries: one score and one term mask per slot, reset through the list of touched slots.
  scores = new Float64Array(0);
  masks = new Uint32Array(0);
  touched = new Int32Array(0);
  facetCounts = new Int32Array(0);
  start = () => Promise.resolve();
  close = () => Promise.resolve();
  count = () => Promise.resolve(this.live);
  upsert(docs2) {
    for (const doc of docs2) {
      this.unindex(doc.itemId);
      const slot = this.free.pop() ?? this.stored.length;
      const weights = /* @__PURE__ */ new Map();
      const add = (text, boost) => {
        for (const term of terms(text)) weights.set(term, (weights.get(term) ?? 0) + boost);
      };
      add(doc.name, BOOST.name);
      add(doc.brand, BOOST.brand);
      add(`${doc.category} ${categoryById(doc.category)?.name ?? ""}`, BOOST.category);
      add(Object.values(doc.attributes).join(" "), BOOST.attributes);
      add(doc.description, BOOST.description);
      for (const [term, weight] of weights) {
        let list = this.postings.get(term);
        if (!list) this.postings.set(term, list = { slots: [], weights: [] });
        list.slots.push(slot);
        list.weights.push(Math.log1p(weight));
        this.vocabulary.add(term);
      }
      const values = [
        this.valueId("category", doc.category),
        this.valueId("brand", doc.brand),
        ...Object.entries(doc.attributes).map(([name, value]) => this.valueId(name, value))
      ];
      this.stored[slot] = { itemId: doc.itemId, terms: [...weights.keys()] };
      this.slotOf.set(doc.itemId, slot);
      this.price[slot] = doc.priceMinor;
      const row = this.rowOf(slot, values.length - 2);
      this.rows[row + ROW.itemClass] = ITEM_CLASSES.indexOf(doc.itemClass);
      this.rows[row + ROW.category] = values[0];
      this.rows[row + ROW.brand] = values[1];
      this.rows[row + ROW.attributeCount] = values.length - 2;
      this.rows.set(values.slice(2), row + ROW.attributes);
      this.writeStockMask(doc.itemId, slot);
      this.live++;
      this.arrivals++;
    }
    return Promise.resolve();
  }
  remove(itemIds) {
    for (const id of itemIds) this.unindex(id);
    return Promise.resolve();
  }
  setStock(changes) {
    for (const { itemId, warehouseId, inStock } of changes) {
      let at = this.inStockAt.get(itemId);
      if (!at) this.inStockAt.set(itemId, at = /* @__PURE__ */ new Set());
      if (inStock) at.add(warehouseId);
      else at.delete(warehouseId);
      const slot = this.slotOf.get(itemId);
      if (slot !== void 0) this.writeStockMask(itemId, slot);
    }
    return Promise.resolve();
  }
  /**
   * Lays the slots out again in category and brand order, when at least a quarter of them (and
   * LAYOUT_MIN_ARRIVALS) arrived since the last layout; returns whether it did. Reading a match's row is
   * a cache miss, and almost the whole cost of a broad query: a query's matches are mostly of a few
   * categories, and laid out together their rows share cache lines and pages. On the demo catalog this
   * halves the time per query (bench/search.ts). Ties in relevance are broken by slot, so equal-scored
   * hits may change places across a layout.
   */
  layOut() {
    if (this.arrivals < Math.max(LAYOUT_MIN_ARRIVALS, this.live / 4)) return false;
    const { rows, stride } = this;
    const order = this.liveSlots().sort(
      (a, b) => rows[a * stride + ROW.category] - rows[b * stride + ROW.category] || rows[a * stride + ROW.brand] - rows[b * stride + ROW.brand] || a - b
    );
    const slotNow = new Int32Array(this.stored.length);
    const laidOut = new Int32Array(rows.length);
    const price = [];
    const stored = [];
    order.forEach((old, slot) => {
      slotNow[old] = slot;
      for (let k = 0; k < stride; k++) laidOut[slot * stride + k] = rows[old * stride + k];
      price.push(this.price[old]);
      stored.push(this.stored[old]);
      this.slotOf.set(this.stored[old].itemId, slot);
    });
    this.rows = laidOut;
    this.price = price;
    this.stored = stored;
    this.free.length = 0;
    const weightAt = new Float64Array(order.length);
    for (const list of this.postings.values()) renumber(list, slotNow, weightAt);
    this.arrivals = 0;
    this.laidOut = order.length;
    this.categorySpans.clear();
    for (let slot = 0; slot < order.length; slot++) {
      const category = laidOut[slot * stride + ROW.category];
      const span = this.categorySpans.get(category);
      if (span) span.to = slot + 1;
      else this.categorySpans.set(category, { from: slot, to: slot + 1 });
    }
    return true;
  }
  /** When nothing deliverable matches as typed, asks again with every word also matching its near spellings and extensions. */
  search(query) {
    const queryTerms = terms(query.text).slice(0, MAX_QUERY_TERMS);
    const result = this.run(query, queryTerms, false);
    return Promise.resolve(result.total === 0 && queryTerms.length > 0 ? this.run(query, queryTerms, true) : result);
  }
  run(query, queryTerms, broaden) {
    const reach = this.reachOf(query);
    const span = this.spanOf(query);
    const matched = this.match(queryTerms, broaden, span);
    const slots = matched === "all" ? this.liveSlots(span) : matched;
    const passes = this.filterOf(query);
    if (this.facetCounts.length < this.valueNames.length) this.facetCounts = new Int32Array(this.valueNames.length * 2);
    const counts = this.facetCounts;
    const page = new TopK(query.offset + query.limit, comparator(query.sort, this.price));
    const byDelivery = query.sort === "delivery";
    const byRelevance = query.sort === "relevance";
    let floor;
    const { rows, stride, scores } = this;
    let total = 0;
    const scratch = { slot: 0, score: 0, minutes: 0, warehouse: -1 };
    for (let i = 0; i < slots.length; i++) {
      const slot = slots[i];
      const row = slot * stride;
      const c = rows[row + ROW.itemClass];
      if ((rows[row + ROW.stockLo] & reach.lo[c] | rows[row + ROW.stockHi] & reach.hi[c]) === 0) continue;
      if (passes && !passes(slot)) continue;
      total++;
      counts[rows[row + ROW.category]]++;
      counts[rows[row + ROW.brand]]++;
      for (let k = row + ROW.attributes, to = k + rows[row + ROW.attributeCount]; k < to; k++) counts[rows[k]]++;
      scratch.slot = slot;
      scratch.score = scores[slot];
      if (floor && byScore(scratch, floor) >= 0) continue;
      if (byDelivery) {
        scratch.warehouse = reach.best(slot);
        scratch.minutes = reach.minutesOf(slot, scratch.warehouse);
      }
      if (page.offer(scratch) && byRelevance) floor = page.last();
    }
    if (matched !== "all") this.reset(matched);
    const hits = page.sorted().slice(query.offset).map((c) => {
      const warehouse = byDelivery ? c.warehouse : reach.best(c.slot);
      return { itemId: this.stored[c.slot].itemId, score: c.score, warehouseId: this.warehouses[warehouse], tatMinutes: reach.minutesOf(c.slot, warehouse) };
    });
    return { total, hits, facets: this.facets(counts) };
  }
  /** The live slots in the span, and every live slot written since the last layout. */
  liveSlots(span = { from: 0, to: this.laidOut }) {
    const slots = new Int32Array(this.live);
    let n2 = 0;
    for (let slot = span.from; slot < span.to; slot++) if (this.stored[slot]) slots[n2++] = slot;
    for (let slot = this.laidOut; slot < this.stored.length; slot++) if (this.stored[slot]) slots[n2++] = slot;
    return slots.subarray(0, n2);
  }
  /** Which part of the laid-out region a query must read: its category's span, or all of it. */
  spanOf(query) {
    if (query.category === void 0) return { from: 0, to: this.laidOut };
    const id = this.values.get(key("category", query.category));
    return id !== void 0 && this.categorySpans.get(id) || { from: 0, to: 0 };
  }
  /** The query's category, price and attribute filters as one test, or null when it has none. */
  filterOf(query) {
    const categoryId = query.category === void 0 ? void 0 : this.values.get(key("category", query.category)) ?? -1;
    const required = Object.entries(query.attributes ?? {}).map(([name, values]) => new Set(values.map((v) => this.values.get(key(name, v)) ?? -1)));
    const minPrice = query.priceMinMinor ?? -Infinity;
    const maxPrice = query.priceMaxMinor ?? Infinity;
    if (categoryId === void 0 && required.length === 0 && minPrice === -Infinity && maxPrice === Infinity) return null;
    return (slot) => {
      const row = slot * this.stride;
      if (categoryId !== void 0 && this.rows[row + ROW.category] !== categoryId) return false;
      const price = this.price[slot];
      if (price < minPrice || price > maxPrice) return false;
      const from = row + ROW.attributes;
      const to = from + this.rows[row + ROW.attributeCount];
      return required.every((allowed) => hasAny(this.rows, from, to, allowed));
    };
  }
  /**
   * Slots matching the terms, with their scores left in `scores`: all terms if any slot has them all,
   * otherwise any. The last term also matches as a prefix; a term the index does not know matches its
   * nearest known spellings; broadened, every term matches both ways.
   */
  match(queryTerms, broaden, span) {
    if (queryTerms.length === 0) return "all";
    this.ensureScratch();
    const { scores, masks, touched } = this;
    let count = 0;
    const docs2 = Math.max(1, this.live);
    queryTerms.forEach((term, i) => {
      const bit = 1 << i;
      const known = this.vocabulary.has(term);
      const expansions = known ? [[term, 1]] : [];
      if (!known || broaden) {
        for (const near of this.vocabulary.similar(term).slice(0, TYPO_EXPANSIONS)) expansions.push([near.term, 1 - 0.3 * near.edits]);
      }
      if ((broaden || i === queryTerms.length - 1) && term.length >= 2) {
        for (const t of this.vocabulary.withPrefix(term, PREFIX_EXPANSIONS)) expansions.push([t, 0.7]);
      }
      for (const [t, factor] of expansions) {
        const { slots, weights } = this.postings.get(t);
        const idf = Math.log(1 + docs2 / slots.length) * factor;
        const add = (from, to) => {
          for (let k = from; k < to; k++) {
            const slot = slots[k];
            if (masks[slot] === 0) touched[count++] = slot;
            masks[slot] |= bit;
            scores[slot] += weights[k] * idf;
          }
        };
        const writtenSince = firstAtOrAbove(slots, this.laidOut, 0, slots.length);
        add(firstAtOrAbove(slots, span.from, 0, writtenSince), firstAtOrAbove(slots, span.to, 0, writtenSince));
        add(writtenSince, slots.length);
      }
    });
    const all = (1 << queryTerms.length) - 1;
    let every = 0;
    for (let i = 0; i < count; i++) if (masks[touched[i]] === all) every++;
    if (every > 0 && every < count) {
      let kept = 0;
      for (let i = 0; i < count; i++) {
        const slot = touched[i];
        if (masks[slot] === all) touched[kept++] = slot;
        else scores[slot] = masks[slot] = 0;
      }
      count = kept;
    }
    return touched.subarray(0, count);
  }
  reset(slots) {
    for (let i = 0; i < slots.length; i++) this.scores[slots[i]] = this.masks[slots[i]] = 0;
  }
  ensureScratch() {
    if (this.scores.length >= this.stored.length) return;
    const size = Math.max(1024, this.stored.length * 2);
    this.scores = new Float64Array(size);
    this.masks = new Uint32Array(size);
    this.touched = new Int32Array(size);
  }
  /** For the query's pincode: per class, which warehouse bits reach it (two 32-bit words) and in how many minutes. */
  reachOf(query) {
    const lo = new Int32Array(ITEM_CLASSES.length);
    const hi = new Int32Array(ITEM_CLASSES.length);
    const minutes2 = ITEM_CLASSES.map((itemClass, c) => {
      const perWarehouse = new Float64Array(MAX_WAREHOUSES).fill(Infinity);
      for (const [warehouse, m] of Object.entries(query.reachable[itemClass])) {
        const bit = this.warehouseBit.get(warehouse);
        if (bit === void 0) continue;
        perWarehouse[bit] = m;
        if (bit < 32) lo[c] |= 1 << bit;
        else hi[c] |= 1 << bit - 32;
      }
      return perWarehouse;
    });
    return {
      lo,
      hi,
      /** The bit of the fastest reachable warehouse holding the slot's item, or -1. */
      best: (slot) => {
        const row = slot * this.stride;
        const c = this.rows[row + ROW.itemClass];
        let best = -1;
        let bestMinutes = Infinity;
        for (let word2 = 0; word2 < 2; word2++) {
          let bits = this.rows[row + (word2 === 0 ? ROW.stockLo : ROW.stockHi)] & (word2 === 0 ? lo : hi)[c];
          while (bits !== 0) {
            const low = bits & -bits;
            const bit = 31 - Math.clz32(low) + word2 * 32;
            bits ^= low;
            if (minutes2[c][bit] < bestMinutes) {
              bestMinutes = minutes2[c][bit];
              best = bit;
            }
          }
        }
        return best;
      },
      minutesOf: (slot, bit) => minutes2[this.rows[slot * this.stride + ROW.itemClass]][bit]
    };
  }
  /** Reads the facet counts out, and zeroes them for the next query. */
  facets(counts) {
    const byName = /* @__PURE__ */ new Map();
    for (let id = 0; id < this.valueNames.length; id++) {
      const count = counts[id];
      if (count === 0) continue;
      counts[id] = 0;
      const [name, value] = this.valueNames[id];
      let list = byName.get(name);
      if (!list) byName.set(name, list = []);
      if (list.length === FACET_VALUES && !ranksAbove(count, value, list[FACET_VALUES - 1])) continue;
      let at = list.length;
      while (at > 0 && ranksAbove(count, value, list[at - 1])) at--;
      list.splice(at, 0, { value, count });
      if (list.length > FACET_VALUES) list.pop();
    }
    const category = byName.get("category") ?? [];
    const brand = byName.get("brand") ?? [];
    byName.delete("category");
    byName.delete("brand");
    return { category, brand, attributes: Object.fromEntries([...byName].sort(([a], [b]) => a < b ? -1 : 1)) };
  }
  unindex(itemId) {
    const slot = this.slotOf.get(itemId);
    if (slot === void 0) return;
    for (const term of this.stored[slot].terms) {
      const list = this.postings.get(term);
      const at = list.slots.indexOf(slot);
      list.slots.splice(at, 1);
      list.weights.splice(at, 1);
    }
    this.stored[slot] = void 0;
    this.slotOf.delete(itemId);
    if (slot >= this.laidOut) this.free.push(slot);
    this.live--;
  }
  /** Where the slot's row starts, after making room for it and for `attributes` attribute values. */
  rowOf(slot, attributes) {
    if (ROW.attributes + attributes > this.stride) {
      const stride = ROW.attributes + attributes * 2;
      const rows = new Int32Array(this.rows.length / this.stride * stride);
      for (let s = 0; s < this.rows.length / this.stride; s++) rows.set(this.rows.subarray(s * this.stride, (s + 1) * this.stride), s * stride);
      this.rows = rows;
      this.stride = stride;
    }
    if ((slot + 1) * this.stride > this.rows.length) {
      const grown = new Int32Array(Math.max(1024, (slot + 1) * 2) * this.stride);
      grown.set(this.rows);
      this.rows = grown;
    }
    return slot * this.stride;
  }
  writeStockMask(itemId, slot) {
    let lo = 0;
    let hi = 0;
    for (const warehouse of this.inStockAt.get(itemId) ?? []) {
      const bit = this.bitOf(warehouse);
      if (bit < 32) lo |= 1 << bit;
      else hi |= 1 << bit - 32;
    }
    this.rows[slot * this.stride + ROW.stockLo] = lo;
    this.rows[slot * this.stride + ROW.stockHi] = hi;
  }
  bitOf(warehouse) {
    let bit = this.warehouseBit.get(warehouse);
    if (bit === void 0) {
      if (this.warehouses.length >= MAX_WAREHOUSES) throw new Error(`the embedded index tracks at most ${MAX_WAREHOUSES} warehouses`);
      bit = this.warehouses.push(warehouse) - 1;
      this.warehouseBit.set(warehouse, bit);
    }
    return bit;
  }
  valueId(name, value) {
    let id = this.values.get(key(name, value));
    if (id === void 0) {
      id = this.valueNames.push([name, value]) - 1;
      this.values.set(key(name, value), id);
    }
    return id;
  }
};
var ROW = { itemClass: 0, stockLo: 1, stockHi: 2, category: 3, brand: 4, attributeCount: 5, attributes: 6 };
var key = (name, value) => `${name}\0${value}`;
function renumber(list, slotNow, weightAt) {
  const { slots, weights } = list;
  const sorted = new Int32Array(slots.length);
  for (let k = 0; k < slots.length; k++) {
    sorted[k] = slotNow[slots[k]];
    weightAt[sorted[k]] = weights[k];
  }
  sorted.sort();
  for (let k = 0; k < sorted.length; k++) {
    slots[k] = sorted[k];
    weights[k] = weightAt[sorted[k]];
  }
}
function firstAtOrAbove(slots, slot, from, to) {
  while (from < to) {
    const mid = from + to >>> 1;
    if (slots[mid] < slot) from = mid + 1;
    else to = mid;
  }
  return from;
}
function hasAny(pool, from, to, allowed) {
  for (let k = from; k < to; k++) if (allowed.has(pool[k])) return true;
  return false;
}
var ranksAbove = (count, value, other) => count > other.count || count === other.count && value < other.value;
var byScore = (a, b) => b.score - a.score || a.slot - b.slot;
function comparator(sort, price) {
  switch (sort) {
    case "price_asc":
      return (a, b) => price[a.slot] - price[b.slot] || byScore(a, b);
    case "price_desc":
      return (a, b) => price[b.slot] - price[a.slot] || byScore(a, b);
    case "delivery":
      return (a, b) => a.minutes - b.minutes || byScore(a, b);
    default:
      return byScore;
  }
}
var TopK = class {
  constructor(k, compare) {
    this.k = k;
    this.compare = compare;
  }
  k;
  compare;
  items = [];
  /** Whether the candidate made the page (for now). */
  offer(candidate) {
    if (this.k === 0) return false;
    const items = this.items;
    if (items.length === this.k && this.compare(candidate, items[items.length - 1]) >= 0) return false;
    let lo = 0;
    let hi = items.length;
    while (lo < hi) {
      const mid = lo + hi >>> 1;
      if (this.compare(candidate, items[mid]) < 0) hi = mid;
      else lo = mid + 1;
    }
    items.splice(lo, 0, { ...candidate });
    if (items.length > this.k) items.pop();
    return true;
  }
  /** The page's last entry once the page is full: by relevance, nothing ranking below it gets in. */
  last() {
    return this.items.length === this.k ? this.items[this.k - 1] : void 0;
  }
  sorted = () => this.items;
};

// serving/serviceability/table-builder.ts
import FlatQueue from "flatqueue";

// platform/progress.ts
import { SingleBar, Presets } from "cli-progress";
var noProgress = { setTotal: () => {
}, increment: () => {
}, stop: () => {
} };

// serving/serviceability/tat-table.ts
var UNREACHABLE = 65535;
var MAGIC = "EMPTAT1\n";
var TatTable = class _TatTable {
  /** `minutes` is laid out [class][pincode][warehouse], so one pincode's warehouses sit side by side. */
  constructor(warehouses2, pincodes2, minutes2) {
    this.warehouses = warehouses2;
    this.pincodes = pincodes2;
    this.minutes = minutes2;
    if (minutes2.length !== ITEM_CLASSES.length * pincodes2.length * warehouses2.length) throw new Error("serviceability table size does not match its axes");
    this.pincodeIndex = new Map(pincodes2.map((p, i) => [p, i]));
    this.warehouseIndex = new Map(warehouses2.map((w, i) => [w, i]));
  }
  warehouses;
  pincodes;
  minutes;
  pincodeIndex;
  warehouseIndex;
  static empty(warehouses2, pincodes2) {
    return new _TatTable(warehouses2, pincodes2, new Uint16Array(ITEM_CLASSES.length * pincodes2.length * warehouses2.length).fill(UNREACHABLE));
  }
  pincode = (code) => this.pincodeIndex.get(code);
  warehouse = (id) => this.warehouseIndex.get(id);
  offset(itemClass, pincode, warehouse) {
    return (itemClass * this.pincodes.length + pincode) * this.warehouses.length + warehouse;
  }
  /** Minutes from the warehouse to the pincode for the class, or undefined when it cannot get there. */
  tat(warehouse, pincode, itemClass) {
    const m = this.minutes[this.offset(itemClass, pincode, warehouse)];
    return m === UNREACHABLE ? void 0 : m;
  }
  /** Every warehouse that reaches the pincode, per item class, with its minutes; undefined for an unknown pincode. */
  reachable(pincode) {
    const p = this.pincode(pincode);
    if (p === void 0) return void 0;
    return Object.fromEntries(
      ITEM_CLASSES.map((itemClass, c) => {
        const from = {};
        this.warehouses.forEach((warehouse, w) => {
          const minutes2 = this.tat(w, p, c);
          if (minutes2 !== void 0) from[warehouse] = minutes2;
        });
        return [itemClass, from];
      })
    );
  }
  /** The fastest of `candidates` (warehouse indexes, e.g. those with stock) for the pincode, if any can deliver. */
  fastest(pincode, itemClass, candidates) {
    const base = this.offset(itemClass, pincode, 0);
    let best;
    for (const w of candidates) {
      const m = this.minutes[base + w];
      if (m !== UNREACHABLE && (!best || m < best.minutes)) best = { warehouse: w, minutes: m };
    }
    return best;
  }
  toBuffer() {
    const header = Buffer.from(`${MAGIC}${JSON.stringify({ classes: ITEM_CLASSES, warehouses: this.warehouses, pincodes: this.pincodes })}
`);
    return Buffer.concat([header, Buffer.from(this.minutes.buffer, this.minutes.byteOffset, this.minutes.byteLength)]);
  }
  static fromBuffer(buffer) {
    if (buffer.subarray(0, MAGIC.length).toString() !== MAGIC) throw new Error("not a serviceability table file");
    const end = buffer.indexOf("\n", MAGIC.length);
    const axes = JSON.parse(buffer.subarray(MAGIC.length, end).toString());
    if (axes.classes.join() !== ITEM_CLASSES.join()) throw new Error("serviceability table was built for other item classes; rebuild it");
    const body = buffer.subarray(end + 1);
    const minutes2 = new Uint16Array(body.length / 2);
    Buffer.from(minutes2.buffer).set(body);
    return new _TatTable(axes.warehouses, axes.pincodes, minutes2);
  }
};

// serving/serviceability/table-builder.ts
var TableBuilder = class {
  constructor(network2) {
    this.network = network2;
    this.hubIndex = new Map(network2.hubs.map((h, i) => [h.id, i]));
    this.warehouseIndex = new Map(network2.warehouses.map((w, i) => [w.id, i]));
    this.pincodeIndex = new Map(network2.pincodes.map((p, i) => [p.id, i]));
    this.routes = new Map(network2.routes.map((r2) => [r2.id, r2]));
    this.built = TatTable.empty(
      network2.warehouses.map((w) => w.id),
      network2.pincodes.map((p) => p.id)
    );
    this.graph = ITEM_CLASSES.map((c) => this.edgesOf(c));
  }
  network;
  hubIndex;
  warehouseIndex;
  pincodeIndex;
  routes;
  /** Per class: hub → hub, warehouse → hub, hub → pincode (and its reverse, pincode → hub). */
  graph;
  /** Per class and warehouse: minutes to every hub. */
  hubMinutes = [];
  built;
  /** The table this builder fills (empty until build()). */
  table() {
    return this.built;
  }
  /** Computes every cell; progress counts (class, warehouse) pairs. */
  build(progress = noProgress) {
    const warehouses2 = this.network.warehouses.length;
    progress.setTotal(ITEM_CLASSES.length * warehouses2);
    this.hubMinutes = ITEM_CLASSES.map(
      (_, c) => Array.from({ length: warehouses2 }, (__, w) => {
        const minutes2 = this.shortestToHubs(c, w);
        this.fillPincodes(c, w, minutes2);
        progress.increment();
        return minutes2;
      })
    );
    progress.stop();
    return this.built;
  }
  /**
   * Applies one route change to the built table: a last-mile change recomputes that pincode's cells; any
   * other recomputes hub distances and then only the pincodes behind hubs whose distance moved.
   * Answers how many cells changed.
   */
  applyRouteChange(change) {
    if (this.hubMinutes.length === 0) throw new Error("build the table before changing routes");
    const route = this.routes.get(change.routeId);
    if (!route) throw new Error(`no route ${change.routeId}`);
    const updated = "removed" in change ? void 0 : { ...route, ...change };
    if (updated) this.routes.set(route.id, updated);
    else this.routes.delete(route.id);
    const classes2 = /* @__PURE__ */ new Set([...route.classes, ...updated?.classes ?? []]);
    const onlyTime = updated !== void 0 && updated.classes.join() === route.classes.join();
    for (const itemClass of classes2) {
      const c = ITEM_CLASSES.indexOf(itemClass);
      if (onlyTime) this.retime(c, updated);
      else this.graph[c] = this.edgesOf(itemClass);
    }
    let changed = 0;
    const pincode = this.pincodeIndex.get(route.to);
    for (const itemClass of classes2) {
      const c = ITEM_CLASSES.indexOf(itemClass);
      for (let w = 0; w < this.network.warehouses.length; w++) {
        if (pincode !== void 0) {
          if (this.fillPincode(c, w, pincode, this.hubMinutes[c][w])) changed++;
          continue;
        }
        const old = this.hubMinutes[c][w];
        const next = this.shortestToHubs(c, w);
        this.hubMinutes[c][w] = next;
        const { start, to } = this.graph[c].lastMile;
        for (let h = 0; h < next.length; h++) {
          if (next[h] === old[h]) continue;
          for (let e = start[h]; e < start[h + 1]; e++) if (this.fillPincode(c, w, to[e], next)) changed++;
        }
      }
    }
    return changed;
  }
  /** Sets the new time on the route's edges of class c (and the reverse last-mile edge). */
  retime(c, route) {
    const graph = this.graph[c];
    const set = (edges, from, to) => {
      if (from === void 0 || to === void 0) return;
      for (let e = edges.start[from]; e < edges.start[from + 1]; e++) if (edges.to[e] === to) edges.minutes[e] = route.minutes;
    };
    const [fromHub, toHub] = [this.hubIndex.get(route.from), this.hubIndex.get(route.to)];
    const toPincode = this.pincodeIndex.get(route.to);
    set(graph.linehaul, fromHub, toHub);
    set(graph.firstMile, this.warehouseIndex.get(route.from), toHub);
    set(graph.lastMile, fromHub, toPincode);
    set(graph.lastMileIn, toPincode, fromHub);
  }
  shortestToHubs(c, w) {
    const { linehaul, firstMile } = this.graph[c];
    const minutes2 = new Float64Array(this.network.hubs.length).fill(Infinity);
    const queue = new FlatQueue();
    for (let e = firstMile.start[w]; e < firstMile.start[w + 1]; e++) {
      const hub = firstMile.to[e];
      if (firstMile.minutes[e] < minutes2[hub]) {
        minutes2[hub] = firstMile.minutes[e];
        queue.push(hub, minutes2[hub]);
      }
    }
    while (queue.length > 0) {
      const at = queue.peekValue();
      const hub = queue.pop();
      if (at > minutes2[hub]) continue;
      for (let e = linehaul.start[hub]; e < linehaul.start[hub + 1]; e++) {
        const next = linehaul.to[e];
        const through = at + linehaul.minutes[e];
        if (through < minutes2[next]) {
          minutes2[next] = through;
          queue.push(next, through);
        }
      }
    }
    return minutes2;
  }
  fillPincodes(c, w, hubMinutes) {
    for (let p = 0; p < this.network.pincodes.length; p++) this.fillPincode(c, w, p, hubMinutes);
  }
  /** Writes one cell; true when its value changed. */
  fillPincode(c, w, p, hubMinutes) {
    const { lastMileIn } = this.graph[c];
    let best = Infinity;
    for (let e = lastMileIn.start[p]; e < lastMileIn.start[p + 1]; e++) {
      best = Math.min(best, hubMinutes[lastMileIn.to[e]] + lastMileIn.minutes[e]);
    }
    const at = this.built.offset(c, p, w);
    const value = best >= UNREACHABLE ? UNREACHABLE : Math.ceil(best);
    if (this.built.minutes[at] === value) return false;
    this.built.minutes[at] = value;
    return true;
  }
  /** Groups the routes that carry a class by kind into compact arrays; a route's ends decide its kind. */
  edgesOf(itemClass) {
    const linehaul = [];
    const firstMile = [];
    const lastMile = [];
    for (const r2 of this.routes.values()) {
      if (!r2.classes.includes(itemClass)) continue;
      const fromHub = this.hubIndex.get(r2.from);
      const toHub = this.hubIndex.get(r2.to);
      const fromWarehouse = this.warehouseIndex.get(r2.from);
      const toPincode = this.pincodeIndex.get(r2.to);
      if (fromHub !== void 0 && toHub !== void 0) linehaul.push([fromHub, toHub, r2.minutes]);
      else if (fromWarehouse !== void 0 && toHub !== void 0) firstMile.push([fromWarehouse, toHub, r2.minutes]);
      else if (fromHub !== void 0 && toPincode !== void 0) lastMile.push([fromHub, toPincode, r2.minutes]);
      else throw new Error(`route ${r2.id} does not join warehouse \u2192 hub, hub \u2192 hub or hub \u2192 pincode`);
    }
    return {
      linehaul: grouped(linehaul, this.network.hubs.length),
      firstMile: grouped(firstMile, this.network.warehouses.length),
      lastMile: grouped(lastMile, this.network.hubs.length),
      lastMileIn: grouped(
        lastMile.map(([h, p, m]) => [p, h, m]),
        this.network.pincodes.length
      )
    };
  }
};
function grouped(edges, nodes) {
  const start = new Int32Array(nodes + 1);
  for (const [from] of edges) start[from + 1]++;
  for (let i = 0; i < nodes; i++) start[i + 1] += start[i];
  const fill = start.slice(0, nodes);
  const to = new Int32Array(edges.length);
  const minutes2 = new Float64Array(edges.length);
  for (const [from, target, m] of edges) {
    const at = fill[from]++;
    to[at] = target;
    minutes2[at] = m;
  }
  return { start, to, minutes: minutes2 };
}

// scratch-prof.ts
var ITEMS = Number(process.env.ITEMS ?? 1e5);
var docs = [...demoItems({ seed: 1, count: ITEMS })].map((item) => ({ ...item, itemClass: categoryById(item.category).itemClass }));
var network = demoNetwork();
var table = new TableBuilder(network).build();
var warehouses = network.warehouses.map((w) => w.id);
var stock = docs.flatMap((d, i) => demoStock(1, i, warehouses.length).map((s) => ({ itemId: d.itemId, warehouseId: warehouses[s.warehouse], inStock: s.available > 0 })));
var index = new MemoryIndex();
await index.upsert(docs);
await index.setStock(stock);
var t0 = performance.now();
console.log("laid out", index.layOut(), (performance.now() - t0).toFixed(0), "ms");
var r = randomFor(7, 98, 0);
var sample = docs.slice(0, 5e3);
var word = () => r.pick(terms(r.pick(sample).name).filter((t) => t.length >= 5 && /^[a-z]+$/.test(t))) ?? "shirt";
var typo = (w) => {
  const i = r.int(1, w.length - 2);
  return w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2);
};
var pincodes = demoPincodes(200).map((p) => p.code).filter((p) => table.reachable(p));
var classes = ["word", "two", "prefix", "typo", "filtered"];
var qs = Array.from({ length: 2e3 }, (_, i) => {
  const item = r.pick(sample);
  const text = [word(), `${item.brand.split(" ")[0]} ${terms(item.name).at(-3) ?? ""}`, word().slice(0, 3), typo(word()), word()][i % 5];
  return { cls: classes[i % 5], text, category: i % 5 === 4 ? item.category : void 0, reachable: table.reachable(r.pick(pincodes)) };
});
var ms = {};
var totals = {};
var rounds = Number(process.env.ROUNDS ?? 3);
for (let round = 0; round < rounds; round++) {
  for (const q of qs) {
    const t02 = performance.now();
    const res = await index.search({ text: q.text, category: q.category, attributes: {}, reachable: q.reachable, sort: "relevance", offset: 0, limit: 20 });
    ms[q.cls] = (ms[q.cls] ?? 0) + performance.now() - t02;
    totals[q.cls] = (totals[q.cls] ?? 0) + res.total;
  }
}
var n = 400 * rounds;
if (rounds) console.log(Object.fromEntries(classes.map((c) => [c, { msPerQuery: (ms[c] / n).toFixed(3), avgTotal: Math.round(totals[c] / n) }])), "mean all", (Object.values(ms).reduce((a, b) => a + b) / (n * 5)).toFixed(3));
var proto = MemoryIndex.prototype;
var origRun = proto.run;
var runs = 0;
proto.run = function(...a) {
  runs++;
  return origRun.apply(this, a);
};
var perClass = {};
for (const q of qs) {
  const before = runs;
  await index.search({ text: q.text, category: q.category, attributes: {}, reachable: q.reachable, sort: "relevance", offset: 0, limit: 20 });
  perClass[q.cls] = (perClass[q.cls] ?? 0) + runs - before - 1;
}
console.log("reruns per class (of 400)", perClass);
