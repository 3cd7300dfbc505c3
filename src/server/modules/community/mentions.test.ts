import { describe, expect, it } from 'vitest';
import { mentionCandidates } from './mentions.js';

describe('mention candidates', () => {
  it('are the phrases of one to five words after each @, lower-cased, punctuation left out', () => {
    expect(mentionCandidates('Mohon saran @Baiq Rina, dan @Pak Wayan: terima kasih')).toEqual([
      ['baiq', 'baiq rina', 'baiq rina dan'],
      ['pak', 'pak wayan', 'pak wayan terima', 'pak wayan terima kasih'],
    ]);
  });

  it('ignore an @ inside a word (an email address) and an @ followed by nothing', () => {
    expect(mentionCandidates('tulis ke ayu@example.id atau @ saja')).toEqual([]);
  });

  it('keep names in other scripts and at the start of the text', () => {
    expect(mentionCandidates('@佐藤 花子 さん')).toEqual([['佐藤', '佐藤 花子', '佐藤 花子 さん']]);
  });
});
