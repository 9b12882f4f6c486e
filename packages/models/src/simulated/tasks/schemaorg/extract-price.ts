// Finds the price a page shows for its main item, with the currency it is written in.

export interface PriceFact {
  readonly price: string;
  readonly currency: string | undefined;
}

const SYMBOLS: Readonly<Record<string, string>> = {
  $: 'USD',
  US$: 'USD',
  USD: 'USD',
  CA$: 'CAD',
  C$: 'CAD',
  CAD: 'CAD',
  A$: 'AUD',
  AU$: 'AUD',
  AUD: 'AUD',
  R$: 'BRL',
  '€': 'EUR',
  EUR: 'EUR',
  '£': 'GBP',
  GBP: 'GBP',
  '¥': 'JPY',
  JPY: 'JPY',
  '₹': 'INR',
  INR: 'INR',
  CHF: 'CHF',
  zł: 'PLN',
  PLN: 'PLN',
  kr: 'SEK',
  SEK: 'SEK',
  NOK: 'NOK',
  DKK: 'DKK',
  '₽': 'RUB',
  руб: 'RUB',
  'б.р.': 'BYN',
  BYN: 'BYN',
};
const SYMBOL = String.raw`(US\$|CA\$|C\$|AU\$|A\$|R\$|\$|€|£|¥|₹|EUR|USD|GBP|CAD|AUD|CHF|JPY|INR|SEK|NOK|DKK|PLN|zł|kr|₽|руб|б\.р\.|BYN)`;
const AMOUNT = String.raw`(\d{1,3}(?:[,.\s]\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?)`;
const SYMBOL_FIRST = new RegExp(String.raw`${SYMBOL}\s?${AMOUNT}`);
/** Written after the amount ("12,90 €", "35 zł"); dollar signs come first, so "SAVE 70$229.99" reads $229.99. */
const SUFFIX_SYMBOL = String.raw`(€|£|EUR|USD|GBP|CAD|AUD|CHF|JPY|INR|SEK|NOK|DKK|PLN|zł|kr|₽|руб|б\.р\.|BYN)`;
const AMOUNT_FIRST = new RegExp(String.raw`${AMOUNT}\s?${SUFFIX_SYMBOL}(?![a-z])`, 'i');

/** "1.299,00" → "1299.00", "18,000" → "18000", "229.99" stays. */
function normalizeAmount(amount: string): string {
  const compact = amount.replace(/\s/g, '');
  const decimal = /[.,](\d{1,2})$/.exec(compact);
  const whole = (decimal === null ? compact : compact.slice(0, decimal.index)).replace(/[.,]/g, '');
  return decimal === null ? whole : `${whole}.${decimal[1]}`;
}

/**
 * The first price in the text, or undefined.
 *
 * @example
 * readPrice('SAVE 70 $229.99'); // { price: '229.99', currency: 'USD' }
 * readPrice('Preis: 12,90 €'); // { price: '12.90', currency: 'EUR' }
 */
export function readPrice(text: string): PriceFact | undefined {
  const symbolFirst = SYMBOL_FIRST.exec(text);
  const amountFirst = AMOUNT_FIRST.exec(text);
  const first =
    symbolFirst !== null && (amountFirst === null || symbolFirst.index <= amountFirst.index)
      ? { symbol: symbolFirst[1], amount: symbolFirst[2] }
      : amountFirst !== null
        ? { symbol: amountFirst[2], amount: amountFirst[1] }
        : undefined;
  if (first?.amount === undefined) return undefined;
  return { price: normalizeAmount(first.amount), currency: SYMBOLS[first.symbol ?? ''] };
}

/**
 * The main item's price: the shop's meta tags first, then the first price after the main heading.
 *
 * @example
 * findPrice(new Map(), ['Kenmore Microwave', '$55.00'], 0); // { price: '55.00', currency: 'USD' }
 */
export function findPrice(
  meta: ReadonlyMap<string, string>,
  lines: readonly string[],
  from: number,
): PriceFact | undefined {
  const amount = meta.get('product:price:amount') ?? meta.get('og:price:amount');
  if (amount !== undefined) {
    return {
      price: normalizeAmount(amount),
      currency: meta.get('product:price:currency') ?? meta.get('og:price:currency'),
    };
  }
  for (const line of [...lines.slice(from), ...lines.slice(0, from)]) {
    const price = readPrice(line);
    if (price !== undefined && Number(price.price) > 0) return price;
  }
  return undefined;
}
