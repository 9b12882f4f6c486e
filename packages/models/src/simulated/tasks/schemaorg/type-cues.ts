// Words on a page that suggest what it is about: the simulator's reading of a page's type, cue by cue.

/** Type → [cue, weight] pairs; each cue counts once, on the lowercased title, metadata and opening text. */
export const TYPE_CUES: Readonly<Record<string, readonly (readonly [RegExp, number])[]>> = {
  Product: [
    [/add to (?:cart|basket|bag)|in den warenkorb|ajouter au panier|añadir al carrito|buy now/, 3],
    [/in stock|out of stock|free shipping|free delivery|ships in|delivery/, 1.5],
    [/\bsku\b|model number|model no|part number|\bmpn\b|\bgtin\b|\bean\b|product details|specifications|specs\b/, 2],
    [/warranty|\bqty\b|quantity|compare|customer reviews/, 1],
    [/купить|цены?\b|kaufen|\bpreis\b|comprar|precio|acheter|\bprix\b|acquista|prezzo/, 2],
  ],
  Recipe: [
    [/\bingredients?\b|zutaten|ingrédients|ingredientes|ingredienti|składniki/, 3],
    [/prep(?:aration)? time|cook(?:ing)? time|total time|servings|\byield\b|serves \d/, 2.5],
    [/recipe|rezept|recette|receta|ricetta|przepis/, 2],
    [/tablespoons?|\btbsp\b|teaspoons?|\btsp\b|\bcups?\b|\bgrams\b|\besslöffel|\bel\b/, 1],
    [/preheat|\boven\b|\bbake\b|simmer|\bstir\b|whisk/, 1],
  ],
  Article: [
    [/published|posted on|updated|min read|reading time|\bbyline\b/, 1],
    [/^by [a-z]+ [a-z]+|\nby [a-z]+ [a-z]+/, 1.5],
    [/\barticle\b|editorial|opinion|analysis/, 1],
  ],
  NewsArticle: [
    [
      /\bnews\b|times\b|\bpost\b|herald|guardian|reuters|bbc|cnn|tribune|journal|gazette|zeit|telegraph|independent|associated press|breaking|reporter|correspondent/,
      2,
    ],
  ],
  BlogPosting: [[/\bblog\b|blogger|wordpress|\bblogpost/, 2]],
  LiveBlogPosting: [[/\blive\b[^\n]{0,40}\bupdates?\b|live blog|as it happened|live coverage/, 4]],
  Event: [
    [/tickets?|venue|doors open|admission|line-?up|\bevent\b|cancelled|rescheduled/, 2],
    [
      /\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.? (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]* \d{1,2}\b/,
      2,
    ],
    [/\b\d{1,2}:\d{2} ?(?:am|pm)\b/, 1],
  ],
  MusicEvent: [
    [/concert|\bgig\b|\btour\b|\bband\b|songkick|live music|orchestra|symphony|performers|setlist|conducts/, 2],
  ],
  TheaterEvent: [[/theatre|theater|\bplay\b|shakespeare|\bstage\b|\bmusical\b/, 1.5]],
  Movie: [
    [
      /director:|directed by|starring|stars:|\bcast\b|box office|trailer|\bfilm\b|\bmovie\b|runtime|screenplay|writers:/,
      2,
    ],
  ],
  Person: [
    [
      /professor|\bborn\b|biography|\bbio\b|home page|curriculum vitae|\bphd\b|contact name|graduate students|\bfather of\b|president of/,
      2,
    ],
  ],
  JobPosting: [
    [
      /salary|responsibilities|qualifications|apply now|job title|hiring|employment|full-time|part-time|job description|equal opportunity|occupational/,
      2,
    ],
  ],
  LocalBusiness: [[/opening hours|\bopen:|\bhours:|monday|visit us|registered office|company record/, 1.5]],
  Store: [[/\bstore\b|\bshop\b|supplies|pharmacy|drugstore|boutique|newspapers/, 1.5]],
  Library: [[/library|catalog(?:ue)?\b|record details|call number|videorecording|holdings/, 3]],
  Book: [[/\bisbn\b|paperback|hardcover|\bpages\b|oclc|worldcat|\bnovel\b/, 2]],
  Organization: [
    [/company|corporation|organi[sz]ation|\binc\b|\bltd\b|members|headquarters|founded|company number/, 1],
  ],
  NGO: [[/non-?profit|\bngo\b|\.org\b|charity|foundation|yearbook/, 2]],
  EducationalOrganization: [[/\bschool\b|university|college|academy|\bcampus\b|alumni|institute/, 2]],
  ClaimReview: [[/\bclaim\b|fact[- ]check|politifact|pants on fire|mostly false|review rating|rated false/, 3]],
  Course: [[/\bcourse\b|syllabus|enrol|curriculum|method of study|\bmodules?\b|lectures?/, 2]],
  HowTo: [[/how to|step \d|necessary items|\btools\b|materials needed|you will need|\bsteps\b/, 1.5]],
  TouristAttraction: [[/attraction|tourist|sightseeing|landmark|things to do|opening times/, 2]],
  VideoGame: [[/video ?game|gameplay|\bgame\b|xbox|playstation|nintendo|\bsteam\b|app store|google play/, 2]],
};
