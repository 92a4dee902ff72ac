import { describe, expect, it } from 'vitest';
import { foldText, toLatin } from '@/lib/model/names';

// toLatin: the one transliteration every name and company key is built on (import, panel, search).

describe('toLatin', () => {
  it('transliterates Cyrillic letter by letter, the multi-letter ones whole, the signs dropped', () => {
    expect(toLatin('Щукин Чернышёв')).toBe('shchukin chernyshev');
    expect(toLatin('Объедков Ильич')).toBe('obedkov ilich');
    expect(toLatin('Юлия Хворостьянова')).toBe('yuliya khvorostyanova');
    expect(toLatin('Ґанна Їжак Єва Ўладзіслаў')).toBe('ganna izhak yeva uladzislau');
  });

  it('takes й and ё apart before the table (their marks dropped), as keys already stored were made', () => {
    expect(toLatin('Сергей Королёв')).toBe('sergei korolev');
  });

  it('folds the Latin letters NFKD leaves whole, and strips the accents it takes apart', () => {
    expect(toLatin('Straße Łódź Ærø Œuvre Þór Đorđe ı')).toBe('strasse lodz aero oeuvre thor dorde i');
    expect(toLatin('Guðrún Jónsdóttir')).toBe('gudrun jonsdottir');
  });

  it('keeps every character no table names, in place, between the ones it replaces', () => {
    expect(toLatin('ООО "Вектор" 292')).toBe('ooo "vektor" 292');
    expect(toLatin('Иван 😀 王 Li')).toBe('ivan 😀 王 li');
    expect(toLatin('😀я😀')).toBe('😀ya😀');
    expect(toLatin('ABC-def')).toBe('abc-def');
    expect(toLatin('')).toBe('');
  });

  it('gives one company key to the name in either script', () => {
    expect(foldText('Вектор Групп')).toBe(foldText('Vektor Grupp'));
  });
});
