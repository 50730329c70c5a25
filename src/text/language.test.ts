import { describe, expect, it } from 'vitest';
import { detectLanguage, normaliseLanguageTag } from './language.js';

describe('detectLanguage', () => {
  it('detects English, French and Arabic news text as ISO 639-1', () => {
    expect(detectLanguage('The Wagner Group announced its departure from Mali after more than three years of fighting insurgents.')).toBe('en');
    expect(detectLanguage("Le groupe Wagner a annoncé son départ du Mali après plus de trois ans de lutte contre les groupes armés.")).toBe('fr');
    expect(detectLanguage('أعلنت مجموعة فاغنر انسحابها من مالي بعد أكثر من ثلاث سنوات من القتال ضد الجماعات المسلحة.')).toBe('ar');
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
