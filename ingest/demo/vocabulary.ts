// Brands, product words and price ranges per category: what makes generated items read like a real shop's.

export interface CategoryWords {
  /** Relative share of the catalog. */
  weight: number;
  brands: readonly string[];
  /** Product nouns the name ends with ("Oxford Shirt"). */
  products: readonly string[];
  adjectives: readonly string[];
  /** What it is good for, for the description. */
  uses: readonly string[];
  /** Price range in minor units (cents). */
  price: readonly [number, number];
}

export const VOCABULARY: Record<string, CategoryWords> = {
  shirts: {
    weight: 14,
    brands: ['Arrow', 'Van Heusen', 'Uniqlo', "Levi's", 'Tommy Hilfiger', 'Gap', 'H&M', 'Ralph Lauren'],
    products: ['Oxford Shirt', 'Linen Shirt', 'Polo Shirt', 'Flannel Shirt', 'Denim Shirt', 'Dress Shirt', 'Henley'],
    adjectives: ['classic', 'breathable', 'wrinkle-free', 'soft', 'tailored', 'everyday', 'lightweight'],
    uses: ['the office', 'weekend outings', 'summer evenings', 'smart casual dinners', 'travel'],
    price: [1_499, 8_999],
  },
  shoes: {
    weight: 12,
    brands: ['Nike', 'Adidas', 'Puma', 'New Balance', 'Asics', 'Clarks', 'Skechers', 'Reebok'],
    products: ['Running Shoes', 'Sneakers', 'Loafers', 'Trail Runners', 'Chelsea Boots', 'Sandals', 'Derby Shoes'],
    adjectives: ['cushioned', 'lightweight', 'durable', 'grippy', 'breathable', 'waterproof', 'comfortable'],
    uses: ['daily runs', 'long walks', 'the gym', 'city commutes', 'hiking trails', 'formal occasions'],
    price: [2_999, 17_999],
  },
  televisions: {
    weight: 6,
    brands: ['Samsung', 'LG', 'Sony', 'TCL', 'Hisense', 'Panasonic', 'Vizio', 'Philips'],
    products: ['Smart TV', 'LED TV', 'OLED TV', 'QLED TV', 'Android TV', 'Google TV'],
    adjectives: ['ultra-slim', 'vivid', 'bright', 'cinematic', 'frameless', 'high-contrast'],
    uses: ['movie nights', 'sports with friends', 'console gaming', 'streaming shows', 'a bright living room'],
    price: [14_999, 249_999],
  },
  phones: {
    weight: 8,
    brands: ['Apple', 'Samsung', 'Google', 'OnePlus', 'Motorola', 'Xiaomi', 'Nokia', 'Sony'],
    products: ['Smartphone', 'Phone', 'Flip Phone', 'Foldable Phone', 'Mini Phone'],
    adjectives: ['powerful', 'compact', 'long-lasting', 'flagship', 'budget-friendly', 'rugged'],
    uses: ['photography', 'gaming on the go', 'all-day battery life', 'video calls', 'work and play'],
    price: [9_999, 159_999],
  },
  laptops: {
    weight: 6,
    brands: ['Dell', 'HP', 'Lenovo', 'Apple', 'Asus', 'Acer', 'Microsoft', 'MSI'],
    products: ['Laptop', 'Notebook', 'Ultrabook', 'Gaming Laptop', 'Chromebook', '2-in-1 Laptop'],
    adjectives: ['thin', 'fast', 'portable', 'powerful', 'quiet', 'lightweight'],
    uses: ['students', 'software development', 'video editing', 'business travel', 'gaming'],
    price: [29_999, 299_999],
  },
  bread: {
    weight: 7,
    brands: ['Wonder', "Dave's Killer Bread", 'Pepperidge Farm', "Nature's Own", 'Arnold', 'Sara Lee', 'Bimbo'],
    products: ['Sandwich Loaf', 'Bread', 'Bagels', 'Baguette', 'Burger Buns', 'Toast Bread'],
    adjectives: ['freshly baked', 'soft', 'crusty', 'hearty', 'golden', 'artisan'],
    uses: ['breakfast toast', 'sandwiches', 'school lunches', 'french toast', 'soups and stews'],
    price: [199, 899],
  },
  dairy: {
    weight: 7,
    brands: ['Horizon', 'Organic Valley', 'Chobani', 'Tillamook', 'Kerrygold', 'Fage', "Land O'Lakes"],
    products: ['Milk', 'Greek Yogurt', 'Cheddar', 'Butter', 'Cream', 'Mozzarella'],
    adjectives: ['farm fresh', 'organic', 'creamy', 'rich', 'grass-fed', 'probiotic'],
    uses: ['breakfast', 'baking', 'smoothies', 'cooking', 'coffee'],
    price: [149, 1_299],
  },
  books: {
    weight: 14,
    brands: ['Penguin', 'HarperCollins', 'Simon & Schuster', 'Macmillan', 'Hachette', 'Scholastic', 'Vintage'],
    products: ['Novel', 'Thriller', 'Cookbook', 'Biography', 'History', 'Picture Book', 'Science Guide'],
    adjectives: ['bestselling', 'gripping', 'award-winning', 'illustrated', 'classic', 'definitive'],
    uses: ['a long weekend', 'book clubs', 'bedtime reading', 'curious minds', 'the commute'],
    price: [599, 4_999],
  },
  furniture: {
    weight: 6,
    brands: ['IKEA', 'Ashley', 'West Elm', 'Wayfair', 'Herman Miller', 'La-Z-Boy', 'Crate & Barrel'],
    products: ['Sofa', 'Dining Table', 'Bookshelf', 'Office Chair', 'Coffee Table', 'Bed Frame', 'Wardrobe'],
    adjectives: ['sturdy', 'modern', 'minimalist', 'ergonomic', 'solid', 'mid-century'],
    uses: ['small apartments', 'family homes', 'home offices', 'reading corners', 'entertaining guests'],
    price: [4_999, 199_999],
  },
  refrigerators: {
    weight: 4,
    brands: ['Samsung', 'LG', 'Whirlpool', 'GE', 'Frigidaire', 'Bosch', 'Haier'],
    products: ['Refrigerator', 'Fridge Freezer', 'Mini Fridge', 'Smart Refrigerator'],
    adjectives: ['energy-efficient', 'frost-free', 'spacious', 'quiet', 'stainless steel'],
    uses: ['large families', 'meal prep', 'small kitchens', 'keeping produce fresh', 'entertaining'],
    price: [19_999, 349_999],
  },
  headphones: {
    weight: 8,
    brands: ['Sony', 'Bose', 'Sennheiser', 'JBL', 'Apple', 'Beats', 'Audio-Technica', 'Jabra'],
    products: ['Headphones', 'Earbuds', 'Headset', 'Earphones', 'Studio Monitors'],
    adjectives: ['wireless', 'immersive', 'comfortable', 'punchy', 'studio-grade', 'foldable'],
    uses: ['flights', 'workouts', 'focus at work', 'podcasts', 'music production'],
    price: [1_999, 54_999],
  },
  toys: {
    weight: 8,
    brands: ['LEGO', 'Mattel', 'Hasbro', 'Fisher-Price', 'Melissa & Doug', 'Hot Wheels', 'Playmobil'],
    products: ['Building Set', 'Puzzle', 'Doll', 'Race Car Set', 'Science Kit', 'Plush Bear', 'Board Game'],
    adjectives: ['colorful', 'educational', 'award-winning', 'durable', 'creative', 'cuddly'],
    uses: ['rainy afternoons', 'birthday gifts', 'family game night', 'learning through play', 'road trips'],
    price: [999, 14_999],
  },
};
