// The shop's pricing function, using the shop's layers (Lambda extracts them into /opt).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
// Task 1: /opt/nodejs/node_modules is on NODE_PATH, so the package's name is enough, for import too.
import { withVat, VERSION } from 'price-utils';

const subtotalOf = (items) => items.reduce((sum, item) => sum + item.price * item.qty, 0);

const actions = {
  /** Task 1: the total with VAT, from the price-utils layer (its version decides the rounding). */
  quote: (event) => {
    const subtotal = subtotalOf(event.items);
    return { subtotal, total: withVat(subtotal), priceUtils: VERSION };
  },

  /** Task 2: shop-rules.mjs is not a package in node_modules: import it by its absolute path. */
  discount: async (event) => {
    const { discountFor } = await import('/opt/nodejs/shop-rules.mjs');
    return { discount: discountFor(event.items) };
  },

  /** Task 3: layers are under /opt; the last attached layer's copy of a file wins. */
  settings: () => {
    const shop = JSON.parse(readFileSync('/opt/nodejs/config/shop.json', 'utf8'));
    return { store: shop.store, freeShippingFrom: shop.freeShippingFrom };
  },

  /** Task 4: /opt and /var/task are read-only; /tmp is the place for files the function writes. */
  'cache-prices': (event) => {
    const file = '/tmp/price-cache.json';
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
