// Data of the language detector: which script names which language, and function-word profiles within a script.
import { ENGLISH_STOP_WORDS } from './english-stop-words.js';

/** Scripts that name one language of langdetect's 55 on their own (langdetect's codes). */
export const SINGLE_LANGUAGE_SCRIPTS: Readonly<Record<string, string>> = {
  Hangul: 'ko',
  Thai: 'th',
  Kannada: 'kn',
  Tamil: 'ta',
  Telugu: 'te',
  Malayalam: 'ml',
  Gujarati: 'gu',
  Gurmukhi: 'pa',
  Bengali: 'bn',
  Hebrew: 'he',
  Greek: 'el',
};

/** Scripts whose languages the detector tells apart; any other script yields no language it knows. */
export const SCRIPTS = [
  'Latin',
  'Cyrillic',
  'Arabic',
  'Devanagari',
  'Han',
  'Hiragana',
  'Katakana',
  ...Object.keys(SINGLE_LANGUAGE_SCRIPTS),
] as const;

/** A language within a shared script: its function words, and letters only it uses (each occurrence scores one). */
export interface LanguageProfile {
  readonly code: string;
  readonly words: ReadonlySet<string>;
  readonly letters?: string;
}

const profile = (code: string, words: string, letters?: string): LanguageProfile => ({
  code,
  words: new Set(words.split(' ')),
  ...(letters === undefined ? {} : { letters }),
});

/** Latin-script languages of langdetect, English first so that it wins ties. */
export const LATIN_PROFILES: readonly LanguageProfile[] = [
  { code: 'en', words: ENGLISH_STOP_WORDS },
  profile(
    'de',
    'der die das und ist nicht ein eine einen dem den des zu mit sich auf für von im ich sie es wir ihr auch als ' +
      'wie bei oder aber wenn noch nach sind wird werden kann dass über nur sehr mehr schon',
    'äöüß',
  ),
  profile(
    'fr',
    'le la les et est un une des du de dans pour que qui pas sur avec ce cette il elle nous vous ils au aux par ' +
      'plus mais sont ou être fait très comme',
    'çœàèùâêîôû',
  ),
  profile(
    'es',
    'el la los las y es un una de del en que por para con no se su sus al lo como más pero este esta son está ' +
      'también muy hay ser todo',
    'ñ¿¡',
  ),
  profile(
    'it',
    'il lo la gli le e è un una di del della dei delle in che per con non si sono da al alla come più anche ma ' +
      'questo questa nel nella ci mi ti',
  ),
  profile(
    'pt',
    'o a os as e é um uma de do da dos das em no na que para com não se por mais como mas foi são está ao ' +
      'também muito seu sua nos nas',
    'ãõç',
  ),
  profile(
    'nl',
    'de het een en is van in op dat die niet met voor zijn te er maar ook als bij aan om door worden wordt',
  ),
  profile('sv', 'och att det som en är på av för med till den har inte om ett var jag de vi så men från', 'åäö'),
  profile('da', 'og at det som en er på af for med til den har ikke om et var jeg de vi så men fra', 'æøå'),
  profile('no', 'og at det som en er på av for med til den har ikke om et var jeg de vi så men fra', 'æøå'),
  profile(
    'fi',
    'ja on ei se että oli ovat kun mutta myös tai kuin hän me te he mitä jos niin sitten vain ole olla voi ' +
      'sinun minun tämä tuo joka mikä',
    'äö',
  ),
  profile('pl', 'i w z na się nie to jest że do o jak ale po co tak za od są jego jej przez dla być oraz', 'ąćęłńśźż'),
  profile('cs', 'a v se na je že to s z do o jak ale po co tak za od jsou jeho její pro být nebo', 'ěščřžůň'),
  profile('tr', 've bir bu da de için ile çok ne ama daha gibi olan var en ki mi o ben sen biz', 'ğışç'),
  profile(
    'id',
    'dan yang di ini itu dengan untuk dari tidak ada akan dalam ke juga saya kami kita mereka atau pada oleh sudah',
  ),
  profile(
    'vi',
    'và của là có không được một những các cho này người trong với để khi thì đã sẽ rằng tôi bạn chúng mình cũng ' +
      'như nhưng rất',
    'ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ',
  ),
  profile(
    'sw',
    'na ya wa kwa ni la za katika kama hii huo hiyo lakini pia au sana kuwa si yake wake zao kila mimi wewe',
  ),
  profile('ro', 'și în de la cu pe nu este o un care mai din pentru sau ca să se sunt', 'ăâîșț'),
  profile('hu', 'a az és hogy nem is egy ez meg de van volt már csak még mint vagy ki be', 'őű'),
  profile('tl', 'ang ng sa na at mga ay ko mo siya ito hindi para kung niya nila kami tayo'),
];

/** Devanagari: Hindi, Marathi and Nepali, told apart by their function words; Hindi wins ties. */
export const DEVANAGARI_PROFILES: readonly LanguageProfile[] = [
  profile('hi', 'है हैं के की का में और से को पर यह वह नहीं था थी थे कि लिए भी इस जो करने रहा गया अपने साथ तक होता होती'),
  profile('mr', 'आहे आहेत आणि या हे ही हा च्या ची चा चे ला मध्ये नाही तर पण करून म्हणजे होते असे त्या आपण केला करणे साठी'),
  profile('ne', 'छ छन् र मा ले लाई पनि गर्न गर्नुहोस् भएको हुन्छ यो त्यो थियो गरेको तपाईं हामी मेरो लागि बाट सँग नै'),
];

/** Arabic script: Arabic, Persian and Urdu, by function words and the letters each alone uses; Arabic wins ties. */
export const ARABIC_PROFILES: readonly LanguageProfile[] = [
  profile('ar', 'في من على إلى أن التي الذي عن مع هذا هذه كان لا ما هو هي ذلك كل بين عند قد', 'ةيكى'),
  profile('fa', 'و در به از که این را با است برای آن یک تا می بر شود های هم کرد نیز بود شده', 'ژ'),
  profile('ur', 'ہے ہیں کے کی کا میں اور سے کو نہیں یہ وہ پر ایک تھا تھی گیا', 'ٹڈڑںےۓھ'),
];

/** Cyrillic: Russian, Ukrainian, Bulgarian and Macedonian; Russian wins ties. */
export const CYRILLIC_PROFILES: readonly LanguageProfile[] = [
  profile(
    'ru',
    'и в не на что с это как по он она они так но для от к из же вы ты мы то который или есть был быть',
    'ыэё',
  ),
  profile('uk', 'і в не на що з це як по він вона вони так але для від до та ми ви ти або є був', 'іїєґ'),
  profile('bg', 'и на е се за да от с в не са по това че как като той тя те ще бъде съм който която които или', 'ъѝ'),
  profile('mk', 'и на е се за да од со во не се по тоа дека како тој таа тие ќе биде сум кој која или', 'ќѓѕљњџј'),
];
