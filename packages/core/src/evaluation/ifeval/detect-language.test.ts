import { describe, expect, it } from 'vitest';
import { detectLanguage } from './detect-language.js';

describe('detectLanguage', () => {
  it('names languages with a script of their own', () => {
    expect(detectLanguage('ಹೌದು, ಹ್ಯಾಂಬರ್ಗರ್ಗಳು ಸ್ಯಾಂಡ್ವಿಚ್ಗಳು.')).toBe('kn');
    expect(detectLanguage('ฉันเป็นสิ่งที่คุณใช้เพื่อจัดระเบียบข้อมูล')).toBe('th');
    expect(detectLanguage('제방과 방조제의 차이점은 무엇일까요?')).toBe('ko');
    expect(detectLanguage('ਕੋਡਿੰਗ ਦੇ ਯੋਗਤਾਵਾਂ')).toBe('pa');
    expect(detectLanguage('તમે ગુજરાતમાં કયા ભાગમાં રહેશો છો?')).toBe('gu');
    expect(detectLanguage('গুগল তার প্রযুক্তি এবং সেবাগুলিতে')).toBe('bn');
    expect(detectLanguage('பாகுபலி இந்த படம்')).toBe('ta');
    expect(detectLanguage('మేము సృష్టికర్తల ఒక జట్టు')).toBe('te');
  });

  it('tells Chinese from Japanese by kana', () => {
    expect(detectLanguage('我们今天去公园散步。')).toBe('zh-cn');
    expect(detectLanguage('私は東京に住んでいます。')).toBe('ja');
  });

  it('tells Hindi, Marathi and Nepali apart', () => {
    expect(detectLanguage('मैं आपके खानपान की गुणवत्ता के बारे में यह पत्र लिख रहा हूं।')).toBe('hi');
    expect(detectLanguage('कॉशी-श्वार्ज असमानता ही गणितातील एक महत्त्वपूर्ण असमानता आहे आणि ती सोपी नाही.')).toBe('mr');
    expect(detectLanguage('बिहान उडानले काठमाडौंबाट बिराटनगर जानुहोस्। होटलमा विश्राम गर्नुहोस् र सहर पनि हेर्नुहोस्।')).toBe('ne');
  });

  it('tells Arabic, Persian and Urdu apart', () => {
    expect(detectLanguage('تسعى الشركة إلى توسيع نطاق عملياتها في الأسواق الجديدة.')).toBe('ar');
    expect(detectLanguage('یودا، مرد کوچک سبز، در جهانی دیگر با قدرتی بیکران است.')).toBe('fa');
    expect(detectLanguage('یہ کتاب بہت اچھی ہے اور میں نے اسے پڑھا ہے۔')).toBe('ur');
  });

  it('tells Russian, Ukrainian and Bulgarian apart', () => {
    expect(detectLanguage('Решетка - это что-то вроде сетки, которую можно нарисовать на бумаге.')).toBe('ru');
    expect(detectLanguage('Це дуже гарний день, і ми підемо гуляти.')).toBe('uk');
    expect(detectLanguage('Бронкос толкова се провалиха в NRL тази година, че върху витрината се събира прах.')).toBe(
      'bg',
    );
  });

  it('uses function words and letters for Latin-script languages, in any case', () => {
    expect(detectLanguage('THE QUICK BROWN FOX JUMPS OVER THE LAZY DOG AND RUNS AWAY.')).toBe('en');
    expect(detectLanguage('Sie machen einen Fehler, wenn Sie unsere Käseprodukte nicht kaufen.')).toBe('de');
    expect(detectLanguage('Adão e Eva são figuras centrais nas tradições judaicas, cristãs e islâmicas.')).toBe('pt');
    expect(detectLanguage('Nave bianca danza sul mare in notte stellata, un sogno che naviga.')).toBe('it');
    expect(detectLanguage('Kun haistat kukkaa, tapahtuu monia asioita ja se on kaunista.')).toBe('fi');
    expect(detectLanguage('Chúng tôi có thể có khả năng cải thiện mô hình của mình cho năm sau.')).toBe('vi');
    expect(detectLanguage('Kwa nini pete ya uchumba ni kama mpira wa miguu?')).toBe('sw');
    expect(detectLanguage('Le chat est sur la table et il dort.')).toBe('fr');
    expect(detectLanguage('El perro está en la casa y no quiere salir.')).toBe('es');
  });

  it('reads romanised Urdu as no language it can name rather than as Urdu', () => {
    expect(detectLanguage('Salam, kya haal hai? Maine suna hai ke tumne nayi kitab parhi hai.')).not.toBe('ur');
  });

  it('follows the script with the most letters in a mixed text', () => {
    expect(detectLanguage('[Section 1: Description]\nकॉशी-श्वार्ज असमानता ही गणितातील एक महत्त्वपूर्ण असमानता आहे.')).toBe(
      'mr',
    );
  });

  it('returns "und" for letters without evidence and null for no letters', () => {
    expect(detectLanguage('Fare Insight Analytics')).toBe('und');
    expect(detectLanguage('12:30 — 42!')).toBeNull();
    expect(detectLanguage('')).toBeNull();
  });
});
