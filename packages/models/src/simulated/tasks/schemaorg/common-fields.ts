// Field builders shared by several types: author, offers, rating, address, organisations.
import { compact, type EntityField, nestedField } from './entity-field.js';
import type { PageFacts } from './page-facts.js';
import { splitAddress } from './split-address.js';

/**
 * @example
 * authorField('John Smith'); // author nests as { "@type": "Person", "name": "John Smith" }, flat as "John Smith"
 */
export function authorField(name: string | undefined, property = 'author'): EntityField[] {
  return name === undefined ? [] : nestedField(property, 'Person', { name }, { [property]: name });
}

/** An organisation named on the page (publisher, brand, employer). */
export function organizationField(property: string, name: string | undefined, type = 'Organization'): EntityField[] {
  return name === undefined ? [] : nestedField(property, type, { name }, { [property]: name });
}

/** Offers nest as an Offer; written flat they become `price`/`priceCurrency` on the item itself. */
export function offersField(facts: PageFacts): EntityField[] {
  if (facts.price === undefined) return [];
  const { price, currency } = facts.price;
  const availability = facts.availability;
  return nestedField(
    'offers',
    'Offer',
    compact({ price, priceCurrency: currency, availability: availability && `https://schema.org/${availability}` }),
    compact({ price, priceCurrency: currency, availability }),
  );
}

/** Only a rating the page shows; invented ratings are the inventFacts rule's business. */
export function ratingField(facts: PageFacts): EntityField[] {
  if (facts.rating === undefined) return [];
  const { ratingValue, ratingCount, bestRating } = facts.rating;
  return nestedField(
    'aggregateRating',
    'AggregateRating',
    compact({ ratingValue, ratingCount, bestRating }),
    compact({ ratingValue, ratingCount }),
  );
}

export function addressField(address: string | undefined, property = 'address'): EntityField[] {
  return address === undefined
    ? []
    : nestedField(property, 'PostalAddress', splitAddress(address), { [property]: address });
}

/** A place: its name and address nest as a Place; flat, they join into one string. */
export function placeField(property: string, name: string | undefined, address: string | undefined): EntityField[] {
  if (name === undefined && address === undefined) return [];
  const nested = compact({
    name,
    address: address === undefined ? undefined : { '@type': 'PostalAddress', ...splitAddress(address) },
  });
  return nestedField(property, 'Place', nested, {
    [property]: [name, address].filter((part) => part !== undefined).join(', '),
  });
}
