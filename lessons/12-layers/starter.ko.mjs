// 쇼핑몰의 가격 계산 함수예요. 쇼핑몰의 다른 함수들도 같은 가격 도우미, 설정, 할인 규칙이
// 필요해서, 이것들을 레이어로 게시해 두었어요. Lambda는 레이어를 /opt에 풀어 줘요. 함수 설정의
// 레이어(Layers)에서 붙인 다음, 각 action이 레이어를 쓰도록 고치세요(과제 1-4).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const subtotalOf = (items) => items.reduce((sum, item) => sum + item.price * item.qty, 0);

// price-utils의 withVat를 이 함수에 복사해 붙였어요. 복사본은 점점 어긋나요:
// 이 복사본은 벌써 내림을 하는데, 공용 코드는 원 단위로 반올림해요.
const withVat = (won) => Math.floor(won * 1.1);

const actions = {
  /** 과제 1: price-utils 레이어로 계산한 부가세 포함 합계. */
  quote: (event) => {
    const subtotal = subtotalOf(event.items);
    return { subtotal, total: withVat(subtotal) };
  },

  /** 과제 2: shop-defaults 레이어에 있는 쇼핑몰 규칙으로 계산한 할인. */
  discount: async (event) => {
    const { discountFor } = await import('shop-rules');
    return { discount: discountFor(event.items) };
  },

  /** 과제 3: 이 함수가 일하는 매장의 설정. */
  settings: () => {
    const shop = JSON.parse(readFileSync('config/shop.json', 'utf8'));
    return { store: shop.store, freeShippingFrom: shop.freeShippingFrom };
  },

  /** 과제 4: 웜 호출 사이에 남겨 두는 가격 캐시. */
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
