// The shop's pricing function. The shop's other functions need the same price helpers, settings
// and discount rules, so those are published as layers, which Lambda extracts into /opt. Attach
// them in the function configuration (Layers), then make each action use them (tasks 1-4).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const subtotalOf = (items) => items.reduce((sum, item) => sum + item.price * item.qty, 0);

// A copy of price-utils' withVat pasted into this function. Copies drift apart:
// this one already rounds down, the shared one rounds to the nearest won.
const withVat = (won) => Math.floor(won * 1.1);

const actions = {
  /** Task 1: the total with VAT, from the price-utils layer. */
  quote: (event) => {
    const subtotal = subtotalOf(event.items);
    return { subtotal, total: withVat(subtotal) };
  },

  /** Task 2: the discount, from the shop rules in the shop-defaults layer. */
  discount: async (event) => {
    const { discountFor } = await import('shop-rules');
    return { discount: discountFor(event.items) };
  },

  /** Task 3: the settings of the store this function runs for. */
  settings: () => {
    const shop = JSON.parse(readFileSync('config/shop.json', 'utf8'));
    return { store: shop.store, freeShippingFrom: shop.freeShippingFrom };
  },

  /** Task 4: a price cache kept between warm invokes. */
  'cache-prices': (event) => {
    const file = '/opt/nodejs/config/price-cache.json';
    const cached = existsSync(file);
    if (!cached) writeFileSync(file, JSON.stringify(event.items ?? []));
    return { cached };
  },
};

export const handler = async (event) => {
  const action = actions[event.action];
  if (!action) {
    return {
      actions: Object.keys(actions),
      try: { action: 'quote', items: [{ name: 'mug', price: 12345, qty: 3 }] },
    };
  }
  return action(event);
};
