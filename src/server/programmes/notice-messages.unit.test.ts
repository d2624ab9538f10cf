import { describe, expect, it } from 'vitest';
import { noticeText, type NoticeNames } from './notice-messages.js';

const names = (over: Partial<NoticeNames> = {}): NoticeNames => ({
  workerName: 'Malagoli Rocco',
  workerId: '6b1f0c9e-2d4a-4f7b-9c3e-5a8d7e6f1b20',
  vacancyTitle: null,
  vacancyId: null,
  hiredForTitle: null,
  programmeName: 'Ricollocazione CIGS 2026',
  programmeId: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
  ...over,
});

describe('the sentence of an early end, as the consultant reads it in «Avvisi»', () => {
  it('says whether the path was reopened, queued or left closed', () => {
    expect(noticeText('enrollment.early_end', names({ outcome: 'reopened' })).it).toBe(
      'L’assunzione di Malagoli Rocco è finita in anticipo: il percorso in «Ricollocazione CIGS 2026» è riaperto, con un posto.',
    );
    expect(noticeText('enrollment.early_end', names({ outcome: 'waiting' })).it).toContain(
      'è al completo, il lavoratore è in lista d’attesa',
    );
    expect(noticeText('enrollment.early_end', names({ outcome: 'not_reopened' })).en).toBe(
      'Malagoli Rocco’s hire ended early: the path in «Ricollocazione CIGS 2026» stays closed.',
    );
  });

  it('names no one to a reader outside the worker’s office, and links to the programme instead', () => {
    const text = noticeText('enrollment.early_end', names({ workerName: null, workerId: null, outcome: 'reopened' }));
    expect(text.it).toContain('L’assunzione di un lavoratore');
    expect(text.link).toEqual({ to: 'programme', id: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f' });
  });
});
