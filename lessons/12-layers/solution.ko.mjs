// 쇼핑몰의 레이어를 쓰는 가격 계산 함수예요(Lambda가 레이어를 /opt에 풀어 줘요).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
// 과제 1: /opt/nodejs/node_modules가 NODE_PATH에 있어서, import에서도 패키지 이름만 쓰면 돼요.
import { withVat, VERSION } from 'price-utils';

const subtotalOf = (items) => items.reduce((sum, item) => sum + item.price * item.qty, 0);

const actions = {
  /** 과제 1: price-utils 레이어로 계산한 부가세 포함 합계(반올림 방식은 레이어 버전에 달렸어요). */
  quote: (event) => {
    const subtotal = subtotalOf(event.items);
    return { subtotal, total: withVat(subtotal), priceUtils: VERSION };
  },

  /** 과제 2: shop-rules.mjs는 node_modules에 있는 패키지가 아니에요: 절대 경로로 import하세요. */
  discount: async (event) => {
    const { discountFor } = await import('/opt/nodejs/shop-rules.mjs');
    return { discount: discountFor(event.items) };
  },

  /** 과제 3: 레이어는 /opt 아래에 있어요. 같은 파일이 여러 레이어에 있으면 마지막에 붙인 레이어의 것이 이겨요. */
  settings: () => {
    const shop = JSON.parse(readFileSync('/opt/nodejs/config/shop.json', 'utf8'));
    return { store: shop.store, freeShippingFrom: shop.freeShippingFrom };
  },

  /** 과제 4: /opt와 /var/task는 읽기 전용이에요. 함수가 쓰는 파일은 /tmp에 두세요. */
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
