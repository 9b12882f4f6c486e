// The slice of the schema.org type hierarchy the simulator knows: enough for real pages' main types and decoys.

/** Child → parent. Types absent from the table are unknown to the simulator (as a small model's knowledge is). */
const PARENT: Readonly<Record<string, string>> = {
  CreativeWork: 'Thing',
  Event: 'Thing',
  Organization: 'Thing',
  Person: 'Thing',
  Place: 'Thing',
  Product: 'Thing',
  Intangible: 'Thing',
  Action: 'Thing',
  WebPage: 'CreativeWork',
  WebSite: 'CreativeWork',
  Article: 'CreativeWork',
  NewsArticle: 'Article',
  BlogPosting: 'SocialMediaPosting',
  SocialMediaPosting: 'Article',
  LiveBlogPosting: 'BlogPosting',
  TechArticle: 'Article',
  Report: 'Article',
  Recipe: 'HowTo',
  HowTo: 'CreativeWork',
  Book: 'CreativeWork',
  Movie: 'CreativeWork',
  TVSeries: 'CreativeWork',
  MusicRecording: 'CreativeWork',
  MusicAlbum: 'CreativeWork',
  VideoObject: 'CreativeWork',
  ImageObject: 'CreativeWork',
  Review: 'CreativeWork',
  ClaimReview: 'Review',
  Course: 'CreativeWork',
  SoftwareApplication: 'CreativeWork',
  VideoGame: 'SoftwareApplication',
  MobileApplication: 'SoftwareApplication',
  FAQPage: 'WebPage',
  AboutPage: 'WebPage',
  Blog: 'CreativeWork',
  MusicEvent: 'Event',
  TheaterEvent: 'Event',
  SportsEvent: 'Event',
  BusinessEvent: 'Event',
  Festival: 'Event',
  ScreeningEvent: 'Event',
  LocalBusiness: 'Organization',
  Corporation: 'Organization',
  NGO: 'Organization',
  EducationalOrganization: 'Organization',
  MusicGroup: 'Organization',
  SportsTeam: 'Organization',
  Store: 'LocalBusiness',
  Restaurant: 'LocalBusiness',
  Library: 'LocalBusiness',
  Hotel: 'LocalBusiness',
  TouristAttraction: 'Place',
  Museum: 'Place',
  ProductModel: 'Product',
  Vehicle: 'Product',
  Car: 'Vehicle',
  JobPosting: 'Intangible',
  Offer: 'Intangible',
  Brand: 'Intangible',
  PostalAddress: 'Intangible',
  AggregateRating: 'Intangible',
  BreadcrumbList: 'Intangible',
  ItemList: 'Intangible',
};

/** Every type name the simulator recognises, e.g. in a prompt's list of allowed types. */
export const KNOWN_TYPES: ReadonlySet<string> = new Set(['Thing', ...Object.keys(PARENT)]);

/** The types a lazy answer falls back to: correct but useless for rich results. */
export const GENERIC_TYPES = ['Thing', 'WebPage', 'CreativeWork'] as const;

/**
 * The type and its ancestors, most specific first.
 *
 * @example
 * ancestry('NewsArticle'); // ['NewsArticle', 'Article', 'CreativeWork', 'Thing']
 */
export function ancestry(type: string): string[] {
  const chain = [type];
  for (let parent = PARENT[type]; parent !== undefined; parent = PARENT[parent]) chain.push(parent);
  return chain;
}

/**
 * @example
 * isSubtypeOf('Store', 'Organization'); // true
 */
export function isSubtypeOf(type: string, ancestor: string): boolean {
  return ancestry(type).includes(ancestor);
}
