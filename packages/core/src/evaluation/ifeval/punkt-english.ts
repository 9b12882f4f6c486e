// Parameters of NLTK's pretrained English Punkt model (Wall Street Journal), as far as they are shipped with the port.
import { FREQUENT_ENGLISH_WORDS } from './english-stop-words.js';

/** Orthographic context flags, as in NLTK's punkt.py. */
export const ORTHO_BEG_UC = 1 << 1;
export const ORTHO_MID_UC = 1 << 2;
export const ORTHO_UNK_UC = 1 << 3;
export const ORTHO_BEG_LC = 1 << 4;
export const ORTHO_MID_LC = 1 << 5;
export const ORTHO_UNK_LC = 1 << 6;
export const ORTHO_UC = ORTHO_BEG_UC + ORTHO_MID_UC + ORTHO_UNK_UC;
export const ORTHO_LC = ORTHO_BEG_LC + ORTHO_MID_LC + ORTHO_UNK_LC;

export interface PunktParameters {
  /** Abbreviation types (lowercase, without the final period): "dr", "u.s", "e.g" is absent from the WSJ model. */
  readonly abbreviations: ReadonlySet<string>;
  /** Pairs "type1 type2" where a period after type1 does not end the sentence. */
  readonly collocations: ReadonlySet<string>;
  /** Types that frequently start a sentence. */
  readonly sentenceStarters: ReadonlySet<string>;
  /** Orthographic context flags seen for a type in training. */
  readonly orthoContext: (type: string) => number;
}

// abbrev_types, collocations and sent_starters of nltk_data's `punkt_tab/english` (the same model as the
// `punkt/english.pickle` the IFEval checker loads), copied in full.
const ABBREVIATIONS =
  'ct m.j t a.c n.h ms p.a.m dr pa p.m u.k st dec u.s.a lt g.k adm p h.m ga tenn yr sen n.c j.j d.h s.g inc vs s.p.a ' +
  'a.t n feb sr jan s.a.y n.y col g.f c.o.m.b d ft va r.k e.f chg r.i a.g minn a.h k n.j m l.f f.j gen i.m.s s.a aug ' +
  'j.p okla m.d.c ltd oct s vt r.a j.c ariz w.w b.v ore h w.r e.h mrs cie corp w n.v a.d r.j ok e.m w.c ill nov u.s ' +
  'prof conn u.s.s.r mg f.g ph.d g calif messrs h.f wash tues sw bros u.n l wis mr sep d.c ave e.l co s.s reps c r.t ' +
  'h.c r wed a.s v fla jr r.h c.v m.b.a rep a.a e c.i.t l.a b.f j.b d.w j.k ala f w.va sept mich n.m j.r l.p s.c ' +
  'colo fri a.m g.d kan maj ky a.m.e n.d t.j cos nev';

const COLLOCATIONS = [
  '##number## international',
  '##number## rj',
  '##number## commodities',
  '##number## cooper',
  'b stewart',
  '##number## genentech',
  '##number## wedgestone',
  'i toussie',
  '##number## pepper',
  'j fialka',
  'o ludcke',
  '##number## insider',
  '##number## aes',
  'i magnin',
  '##number## credit',
  '##number## corrections',
  '##number## financing',
  '##number## henley',
  '##number## business',
  '##number## pay-fone',
  'b wigton',
  'b edelman',
  'b levine',
  '##number## leisure',
  'b smith',
  'j walter',
  '##number## pegasus',
  '##number## dividend',
  'j aron',
  '##number## review',
  '##number## abreast',
  '##number## who',
  '##number## letters',
  '##number## colgate',
  '##number## cbot',
  '##number## notable',
  '##number## zimmer',
];

const SENTENCE_STARTERS =
  'most he since so both these it nevertheless this indeed however instead under similarly some though while when in ' +
  'despite although nonetheless thus there if the nor separately moreover but they yet many according sales among ' +
  'meanwhile even i';

/**
 * The model's orthographic table (25,000 WSJ word types, 236 KB) is not shipped. Its stand-in: frequent English
 * words were seen lowercase mid-sentence and capitalised at sentence starts, every other type (names, rare words) was
 * never seen. The table only matters after abbreviations, ellipses, initials and ordinals, where a capitalised
 * frequent word then reads as a sentence start and an unknown capitalised word (a name) does not.
 */
function orthoContext(type: string): number {
  return FREQUENT_ENGLISH_WORDS.has(type) ? ORTHO_MID_LC | ORTHO_BEG_UC : 0;
}

export const PUNKT_ENGLISH: PunktParameters = {
  abbreviations: new Set(ABBREVIATIONS.split(' ')),
  collocations: new Set(COLLOCATIONS),
  sentenceStarters: new Set(SENTENCE_STARTERS.split(' ')),
  orthoContext,
};
