// Reading pages: HTML lines, dates, durations, prices, contacts, ratings and the facts assembled from them.
import { describe, expect, it } from 'vitest';
import { findAddress, findTelephone } from './extract-contact.js';
import { readDate } from './extract-dates.js';
import { readDuration } from './extract-durations.js';
import { readPrice } from './extract-price.js';
import { findRating } from './extract-rating.js';
import { parsePage } from './parse-page.js';
import { readHtml } from './read-html.js';

describe('readHtml', () => {
  it('keeps visible text as lines, head metadata apart, chrome marked', () => {
    const page = readHtml(
      '<!DOCTYPE html><html><head><title>Soup &amp; Co</title><meta property="og:type" content="article"></head><body><nav>Home</nav><article><header><h1>Tomato soup</h1></header><p>Rich and\nsmooth.</p></article></body></html>',
    );
    expect(page.title).toBe('Soup & Co');
    expect(page.meta.get('og:type')).toBe('article');
    expect(page.lines).toEqual([
      { text: 'Home', tag: 'nav', chrome: true },
      { text: 'Tomato soup', tag: 'h1', chrome: false },
      { text: 'Rich and smooth.', tag: 'p', chrome: false },
    ]);
  });

  it('splits hand-written pages at line breaks unless the sentence continues', () => {
    const page = readHtml('<html><body>\nJane Doe\nProfessor\nShe teaches\nphysics.\nBoston,\nMA\n</body></html>');
    expect(page.lines.map((line) => line.text)).toEqual([
      'Jane Doe',
      'Professor',
      'She teaches physics.',
      'Boston, MA',
    ]);
  });
});

describe('value readers', () => {
  it.each([
    ['By John Smith, May 8, 2009', '2009-05-08'],
    ['Published 3 March 2021', '2021-03-03'],
    ['2017-08-14T03:31:53+00:00', '2017-08-14T03:31:53+00:00'],
    ['no date here', undefined],
  ])('readDate(%j) is %j', (text, expected) => {
    expect(readDate(text)).toBe(expected);
  });

  it('reads times with dates and durations', () => {
    expect(readDate('Wed 01 October 2014 19:30', { withTime: true })).toBe('2014-10-01T19:30');
    expect(readDate('Sep 14, 2013 9:30 PM', { withTime: true })).toBe('2013-09-14T21:30');
    expect(readDuration('1 hr 30 mins')).toBe('PT1H30M');
    expect(readDuration('15 minutes')).toBe('PT15M');
  });

  it('reads prices in several notations', () => {
    expect(readPrice('SAVE 70$229.99')).toEqual({ price: '229.99', currency: 'USD' });
    expect(readPrice('Preis: 1.299,00 €')).toEqual({ price: '1299.00', currency: 'EUR' });
    expect(readPrice('£9')).toEqual({ price: '9', currency: 'GBP' });
  });

  it('reads contacts and ratings', () => {
    expect(findTelephone(['Opening hours: 9-5', 'Phone: 800-555-1234'])).toBe('800-555-1234');
    expect(findTelephone(['Call (425) 123-4567 today'])).toBe('(425) 123-4567');
    expect(findTelephone(['Date: 2014-07-23'])).toBeUndefined();
    expect(
      findAddress([
        { text: 'The Hi-Dive', tag: 'div' },
        { text: '7 S. Broadway', tag: 'div' },
        { text: 'Denver, CO 80209', tag: 'div' },
      ]),
    ).toEqual({
      address: '7 S. Broadway, Denver, CO 80209',
      line: 1,
    });
    expect(findRating(['8/10 stars from 200 users.'])).toEqual({
      ratingValue: '8',
      ratingCount: '200',
      bestRating: '10',
    });
  });
});

describe('parsePage', () => {
  it('collects the facts of a recipe page', () => {
    const facts = parsePage(
      '<html><body><h1>Banana Bread</h1><p>By John Smith, May 8, 2009</p><p>Prep Time: 15 minutes</p><h2>Ingredients</h2><ul><li>3 bananas</li><li>1 egg</li></ul><h2>Instructions</h2><p>Bake for one hour.</p></body></html>',
    );
    expect(facts).toMatchObject({ name: 'Banana Bread', author: 'John Smith', datePublished: '2009-05-08' });
    expect(facts.recipe).toMatchObject({
      ingredients: ['3 bananas', '1 egg'],
      instructions: ['Bake for one hour.'],
      prepTime: 'PT15M',
    });
  });
});
