import { describe, expect, it } from 'vitest';
import { detectLanguage, normaliseLanguageTag } from './language.js';

describe('detectLanguage', () => {
  it('detects English, French and Arabic news text as ISO 639-1', () => {
    expect(detectLanguage('The Wagner Group announced its departure from Mali after more than three years of fighting insurgents.')).toBe('en');
    expect(detectLanguage("Le groupe Wagner a annoncé son départ du Mali après plus de trois ans de lutte contre les groupes armés.")).toBe('fr');
    expect(detectLanguage('أعلنت مجموعة فاغنر انسحابها من مالي بعد أكثر من ثلاث سنوات من القتال ضد الجماعات المسلحة.')).toBe('ar');
  });

  it('decides long English news without franc and leaves long French text to it', () => {
    const english = 'Malian soldiers and their Russian allies were accused on Thursday of killing dozens of civilians in the village of Moura, which the army said had been held by fighters of the al-Qaida affiliate JNIM. ';
    const french = "Les soldats maliens et leurs alliés russes ont été accusés jeudi d'avoir tué des dizaines de civils dans le village de Moura, que l'armée disait tenu par des combattants du JNIM, affilié à al-Qaida. ";
    expect(detectLanguage(english.repeat(3))).toBe('en');
    expect(detectLanguage(french.repeat(3))).toBe('fr');
    // curly quotes, dashes and accented names do not stop the English reading
    expect(detectLanguage('“We were not warned,” said Col. Assimi Goïta’s spokesman — the junta’s only comment. '.repeat(8))).toBe('en');
  });

  it('says und for text too short to tell', () => {
    expect(detectLanguage('Bamako, Mali')).toBe('und');
    expect(detectLanguage('')).toBe('und');
  });
});

describe('normaliseLanguageTag', () => {
  it('reduces declared tags to ISO 639-1', () => {
    expect(normaliseLanguageTag('en-GB')).toBe('en');
    expect(normaliseLanguageTag('fr_FR')).toBe('fr');
    expect(normaliseLanguageTag('fra')).toBe('fr');
    expect(normaliseLanguageTag('French')).toBe('fr');
    expect(normaliseLanguageTag('klingon')).toBeNull();
    expect(normaliseLanguageTag(null)).toBeNull();
  });
});
