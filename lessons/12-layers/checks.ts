/**
 * Checks of lesson 12's exercise (see exercise.yaml for the tasks and the layers it publishes).
 * Each check attaches the layer versions it needs, in order, as the function configuration would:
 * swapping versions or their order must change what the handler returns, so a pasted copy of a
 * layer's code cannot pass.
 */
import type { CheckHarness, ExerciseChecks, Say } from '../../sandbox/course/check-harness.ts';
import type { InvocationRecord } from '../../sandbox/invocation/record.ts';

const arn = (name: string, version: number) => `arn:aws:lambda:us-east-1:123456789012:layer:${name}:${version}`;
const PRICE_UTILS_1 = arn('price-utils', 1);
const PRICE_UTILS_2 = arn('price-utils', 2);
const SHOP = arn('shop-defaults', 1);
const BUSAN = arn('shop-busan', 1);

/** 37,035 won: 40,738.5 with VAT, so rounding down, to the won and to 10 won all differ. */
const ITEMS = [{ name: 'mug', price: 12345, qty: 3 }];

/** Fails with what Lambda returned when the invoke failed, saying what the task needs. */
function succeeded(h: CheckHarness, record: InvocationRecord, needed: Say): Record<string, unknown> {
  if (!record.ok) {
    const { errorType, errorMessage } = record.error;
    h.fail(needed, { en: `${errorType}: ${errorMessage}`, ko: `${errorType} 오류: ${errorMessage}` });
  }
  return h.object(record);
}

const json = (value: unknown): string => JSON.stringify(value);

export const checks: ExerciseChecks = {
  'quote-with-layer': async (h) => {
    for (const [layer, version, total] of [
      [PRICE_UTILS_1, 1, 40739],
      [PRICE_UTILS_2, 2, 40740],
    ] as const) {
      const record = await h.invoke({ event: { action: 'quote', items: ITEMS }, layers: [layer, SHOP] });
      const result = succeeded(h, record, {
        en: `a quote with price-utils:${version} attached`,
        ko: `price-utils:${version}을 붙인 상태에서 quote가 성공하는 것`,
      });
      h.check(
        result.total === total && result.priceUtils === version,
        {
          en: `with price-utils:${version} attached: total ${total} (its withVat of 37035) and priceUtils ${version}`,
          ko: `price-utils:${version}을 붙이면 total ${total}(레이어의 withVat(37035))와 priceUtils ${version}`,
        },
        {
          en: `total ${json(result.total)}, priceUtils ${json(result.priceUtils)}`,
          ko: `total ${json(result.total)}, priceUtils ${json(result.priceUtils)}`,
        },
      );
    }
  },

  'import-by-path': async (h) => {
    const items = [
      { name: 'sticker', price: 3000, qty: 10 },
      { name: 'mug', price: 12345, qty: 3 },
    ];
    const record = await h.invoke({ event: { action: 'discount', items }, layers: [PRICE_UTILS_1, SHOP] });
    const result = succeeded(h, record, {
      en: "discountFor loaded from the shop-defaults layer's /opt/nodejs/shop-rules.mjs",
      ko: 'shop-defaults 레이어의 /opt/nodejs/shop-rules.mjs에서 discountFor를 불러오는 것',
    });
    h.check(
      result.discount === 3000,
      {
        en: 'discount 3000 (10% off the line of 10 stickers)',
        ko: 'discount 3000 (스티커 10개 줄에서 10% 할인)',
      },
      { en: `discount ${json(result.discount)}`, ko: `discount ${json(result.discount)}` },
    );
  },

  'read-layer-config': async (h) => {
    const cases = [
      { layers: [PRICE_UTILS_1, SHOP], store: 'seoul', from: 50000, order: 'shop-defaults' },
      { layers: [PRICE_UTILS_1, SHOP, BUSAN], store: 'busan', from: 30000, order: 'shop-defaults, shop-busan' },
      { layers: [PRICE_UTILS_1, BUSAN, SHOP], store: 'seoul', from: 50000, order: 'shop-busan, shop-defaults' },
    ];
    for (const c of cases) {
      const record = await h.invoke({ event: { action: 'settings' }, layers: c.layers });
      const result = succeeded(h, record, {
        en: 'config/shop.json read from the layers in /opt',
        ko: '/opt에 풀린 레이어에서 config/shop.json을 읽는 것',
      });
      h.check(
        result.store === c.store && result.freeShippingFrom === c.from,
        {
          en: `with layers ${c.order} (in that order): store "${c.store}", freeShippingFrom ${c.from}`,
          ko: `레이어를 ${c.order} 순서로 붙이면 store "${c.store}", freeShippingFrom ${c.from}`,
        },
        {
          en: `store ${json(result.store)}, freeShippingFrom ${json(result.freeShippingFrom)}`,
          ko: `store ${json(result.store)}, freeShippingFrom ${json(result.freeShippingFrom)}`,
        },
      );
    }
  },

  'cache-in-tmp': async (h) => {
    const event = { action: 'cache-prices', items: ITEMS };
    for (const [invoke, expected] of [
      [1, false],
      [2, true],
    ] as const) {
      const record = await h.invoke({ event, layers: [PRICE_UTILS_1, SHOP] });
      const result = succeeded(h, record, {
        en: `invoke ${invoke} to write its cache somewhere writable (not EROFS: read-only file system)`,
        ko: `${invoke}번째 호출이 쓸 수 있는 곳에 캐시를 쓰는 것 (EROFS: read-only file system 없이)`,
      });
      h.check(
        result.cached === expected,
        {
          en: `invoke ${invoke} in one environment: cached ${expected}`,
          ko: `한 실행 환경의 ${invoke}번째 호출: cached ${expected}`,
        },
        { en: `cached ${json(result.cached)}`, ko: `cached ${json(result.cached)}` },
      );
    }
  },
};
