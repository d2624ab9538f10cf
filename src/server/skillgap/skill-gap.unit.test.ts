import { describe, expect, it } from 'vitest';
import { computeSkillGap, isJoinable, nearSkill, type CourseOffer, type LabelledSkill, type TargetSkill } from './skill-gap.js';

const esco = (id: string) => `http://data.europa.eu/esco/skill/${id}`;
const TIG = esco('a51adea8-bf02-488a-a0d8-b0961caca5b0');
const MIG = esco('f015c5d5-6a1c-4f63-9012-a05f4f34105e');
const MAG = esco('60ff3eac-7d4d-4e51-87b8-74c3b5d62498');
const DRAWING = esco('68b6ef08-d823-489d-a95c-752ae6f6e6a7');
const PPE = esco('51754b8a-3e2c-4cc1-86e6-cf510d9c6fe4');
const FORKLIFT = esco('28cb374e-6261-4133-8371-f9a5470145da');
const WELDING_GROUP = esco('24a39c1b-b8cc-4210-8b74-b388a90e8f59');
const WELDING_TECHNIQUES = esco('530cb489-d900-46ab-9350-4d50ccd49eea');

const it_ = (uri: string, label: string): LabelledSkill => ({ uri, label, labelLanguage: 'it' });
const target = (uri: string, label: string, essential: boolean): TargetSkill => ({ ...it_(uri, label), essential });

const welderSkills: TargetSkill[] = [
  target(TIG, 'eseguire saldature TIG', true),
  target(MIG, 'eseguire saldature MIG', true),
  target(DRAWING, 'leggere il disegno tecnico', true),
  target(PPE, 'usare i dispositivi di protezione individuale', false),
  target(FORKLIFT, 'condurre il carrello elevatore', false),
];
const labels = new Map([
  [MAG, it_(MAG, 'eseguire saldature MAG')],
  [MIG, it_(MIG, 'eseguire saldature MIG')],
  [WELDING_TECHNIQUES, it_(WELDING_TECHNIQUES, 'tecniche di saldatura')],
]);
const broader = new Map([
  [TIG, [WELDING_GROUP]],
  [MIG, [WELDING_GROUP]],
  [MAG, [WELDING_GROUP]],
  [DRAWING, ['http://data.europa.eu/esco/isced-f/0732']],
]);

const course = (over: Partial<CourseOffer> & Pick<CourseOffer, 'id' | 'title'>): CourseOffer => ({
  providerName: 'Ente di formazione Cesvip Modena',
  hours: 40,
  seatsLeft: 12,
  startDate: '2027-01-18',
  enrolmentOpen: false,
  enrolmentDeadline: null,
  skillUris: [],
  ...over,
});

describe('computeSkillGap', () => {
  it('lists the essential then the optional skills the worker lacks, and what they hold', () => {
    const gap = computeSkillGap({
      occupationSkills: welderSkills,
      workerSkills: new Set([MIG, PPE]),
      broader,
      workerSkillLabels: labels,
      courses: [],
      today: '2026-12-02',
    });
    expect(gap.essentialTotal).toBe(3);
    expect(gap.optionalTotal).toBe(2);
    expect(gap.held.map((s) => s.label)).toEqual(['eseguire saldature MIG', 'usare i dispositivi di protezione individuale']);
    expect(gap.missingEssential.map((s) => s.label)).toEqual(['eseguire saldature TIG', 'leggere il disegno tecnico']);
    expect(gap.missingOptional.map((s) => s.label)).toEqual(['condurre il carrello elevatore']);
  });

  it('marks a missing skill as near when the worker has a sibling under the same broader skill', () => {
    const gap = computeSkillGap({
      occupationSkills: welderSkills,
      workerSkills: new Set([MAG]),
      broader,
      workerSkillLabels: labels,
      courses: [],
      today: '2026-12-02',
    });
    const tig = gap.missingEssential.find((s) => s.uri === TIG);
    expect(tig?.near).toEqual({ uri: MAG, label: 'eseguire saldature MAG', labelLanguage: 'it', relation: 'sibling' });
    expect(gap.missingEssential.find((s) => s.uri === DRAWING)?.near).toBeNull();
  });

  it('prefers the broader skill itself over a sibling', () => {
    const withBroader = new Map(broader);
    withBroader.set(TIG, [WELDING_GROUP, WELDING_TECHNIQUES]);
    const near = nearSkill(TIG, new Set([MAG, WELDING_TECHNIQUES]), withBroader, labels);
    expect(near).toEqual({ uri: WELDING_TECHNIQUES, label: 'tecniche di saldatura', labelLanguage: 'it', relation: 'broader' });
  });

  it('counts a skill listed both essential and optional once, as essential', () => {
    const gap = computeSkillGap({
      occupationSkills: [...welderSkills, target(TIG, 'eseguire saldature TIG', false)],
      workerSkills: new Set(),
      broader,
      workerSkillLabels: labels,
      courses: [],
      today: '2026-12-02',
    });
    expect(gap.missingEssential.filter((s) => s.uri === TIG)).toHaveLength(1);
    expect(gap.missingOptional.some((s) => s.uri === TIG)).toBe(false);
  });

  it('ranks courses by gaps closed, then fewer hours, then the sooner start', () => {
    const gap = computeSkillGap({
      occupationSkills: welderSkills,
      workerSkills: new Set([PPE]),
      broader,
      workerSkillLabels: labels,
      courses: [
        course({ id: 'c1', title: 'Saldatura TIG su acciaio inox', hours: 80, skillUris: [TIG] }),
        course({ id: 'c2', title: 'Saldatore MIG-TIG: corso completo', hours: 160, skillUris: [TIG, MIG, PPE] }),
        course({ id: 'c3', title: 'Saldatura TIG base', hours: 40, startDate: '2027-02-01', skillUris: [TIG] }),
        course({ id: 'c4', title: 'Saldatura TIG intensivo', hours: 40, startDate: '2027-01-11', skillUris: [TIG] }),
        course({ id: 'c5', title: 'Excel per la logistica', hours: 20, skillUris: [esco('21d2f96d-35f7-4e3f-9745-c533d2dd6e97')] }),
      ],
      today: '2026-12-02',
    });
    expect(gap.courses.map((c) => c.title)).toEqual([
      'Saldatore MIG-TIG: corso completo',
      'Saldatura TIG intensivo',
      'Saldatura TIG base',
      'Saldatura TIG su acciaio inox',
    ]);
    // The worker already has PPE: it is not counted as a gap the course closes.
    expect(gap.courses[0]?.closes.map((s) => s.label)).toEqual(['eseguire saldature MIG', 'eseguire saldature TIG']);
    expect(gap.courses[0]?.closesEssential).toBe(2);
  });

  it('leaves out courses already started unless enrolment is still open', () => {
    const started = course({ id: 'old', title: 'Carrellisti: patentino', startDate: '2026-11-23', skillUris: [FORKLIFT] });
    const open = course({
      id: 'open',
      title: 'Carrellisti: patentino (iscrizioni aperte)',
      startDate: '2026-11-30',
      enrolmentOpen: true,
      skillUris: [FORKLIFT],
    });
    const gap = computeSkillGap({
      occupationSkills: welderSkills,
      workerSkills: new Set(),
      broader,
      workerSkillLabels: labels,
      courses: [started, open],
      today: '2026-12-02',
    });
    expect(gap.courses.map((c) => c.id)).toEqual(['open']);
    expect(isJoinable(course({ id: 't', title: 'Oggi', startDate: '2026-12-02' }), '2026-12-02')).toBe(true);
    // Enrolment closed on 30 November: not offered, though the course starts in January.
    expect(isJoinable(course({ id: 'd', title: 'Carrellisti: gennaio', enrolmentDeadline: '2026-11-30' }), '2026-12-02')).toBe(false);
    expect(isJoinable(course({ id: 'd', title: 'Carrellisti: gennaio', enrolmentDeadline: '2026-12-02' }), '2026-12-02')).toBe(true);
  });

  it('answers an occupation the worker fully covers with no gaps and no courses', () => {
    const gap = computeSkillGap({
      occupationSkills: welderSkills,
      workerSkills: new Set(welderSkills.map((s) => s.uri)),
      broader,
      workerSkillLabels: labels,
      courses: [course({ id: 'c1', title: 'Saldatura TIG base', skillUris: [TIG] })],
      today: '2026-12-02',
    });
    expect(gap.missingEssential).toEqual([]);
    expect(gap.missingOptional).toEqual([]);
    expect(gap.courses).toEqual([]);
  });
});
