/**
 * The skill gap between a worker and a target occupation, computed from data already read:
 * the occupation's ESCO skills, the worker's skills, one level of the ESCO skill hierarchy
 * and the catalogue courses that teach some of them. No I/O: every rule of the answer is here but
 * whether a course can still be joined, which is training's.
 */
import { joinableOn } from '../training/index.js';

export interface LabelledSkill {
  uri: string;
  label: string;
  labelLanguage: 'it' | 'en';
}

export interface TargetSkill extends LabelledSkill {
  essential: boolean;
}

/** A catalogue course as training publishes it (coursesTeachingSkills). */
export interface CourseOffer {
  id: string;
  title: string;
  /** The training provider (ente di formazione) running the course. */
  providerName: string;
  hours: number;
  /** Seats not yet taken; a full course still takes names on its waiting list. */
  seatsLeft: number;
  /** 'YYYY-MM-DD', or null when the course has no fixed start (open enrolment). */
  startDate: string | null;
  /** Enrolment open now: a course already started may still be joined. */
  enrolmentOpen: boolean;
  /** 'YYYY-MM-DD', the last day to enrol, or null when there is none. */
  enrolmentDeadline: string | null;
  skillUris: readonly string[];
}

export interface MissingSkill extends LabelledSkill {
  essential: boolean;
  /** A skill the worker has next to this one in the ESCO hierarchy ("vicina"), if any. */
  near: (LabelledSkill & { relation: 'broader' | 'sibling' }) | null;
}

export interface RankedCourse {
  id: string;
  title: string;
  providerName: string;
  hours: number;
  seatsLeft: number;
  startDate: string | null;
  enrolmentOpen: boolean;
  /** The missing skills it teaches, essential first. */
  closes: LabelledSkill[];
  closesEssential: number;
}

export interface SkillGap {
  essentialTotal: number;
  optionalTotal: number;
  /** Skills of the occupation the worker has. */
  held: LabelledSkill[];
  missingEssential: MissingSkill[];
  missingOptional: MissingSkill[];
  courses: RankedCourse[];
}

export interface SkillGapInput {
  occupationSkills: readonly TargetSkill[];
  workerSkills: ReadonlySet<string>;
  /** One level up the hierarchy, for the missing skills and the worker's skills. */
  broader: ReadonlyMap<string, readonly string[]>;
  /** Labels of the worker's skills (to say which one is near). */
  workerSkillLabels: ReadonlyMap<string, LabelledSkill>;
  courses: readonly CourseOffer[];
  /** Europe/Rome today, 'YYYY-MM-DD'. */
  today: string;
  maxCourses?: number;
}

// One collator for every comparison: localeCompare(…, 'it') builds one per call (the same order, several times slower).
const italian = new Intl.Collator('it');
const byLabel = (a: LabelledSkill, b: LabelledSkill) => italian.compare(a.label, b.label);

/**
 * The nearest skill the worker has: the missing skill's broader skill itself first (knowing
 * "welding techniques" is close to "TIG welding"), then a sibling under the same broader skill or
 * group. Ties go to the alphabet so the answer is stable.
 */
export function nearSkill(
  missingUri: string,
  workerSkills: ReadonlySet<string>,
  broader: ReadonlyMap<string, readonly string[]>,
  labels: ReadonlyMap<string, LabelledSkill>,
): MissingSkill['near'] {
  const parents = broader.get(missingUri) ?? [];
  const label = (uri: string): LabelledSkill => labels.get(uri) ?? { uri, label: uri, labelLanguage: 'en' };
  const broaderHeld = parents
    .filter((p) => workerSkills.has(p))
    .map(label)
    .sort(byLabel);
  if (broaderHeld[0]) return { ...broaderHeld[0], relation: 'broader' };
  const parentSet = new Set(parents);
  const siblings = [...workerSkills]
    .filter((w) => w !== missingUri && (broader.get(w) ?? []).some((p) => parentSet.has(p)))
    .map(label)
    .sort(byLabel);
  return siblings[0] ? { ...siblings[0], relation: 'sibling' } : null;
}

/**
 * A course a worker can still join: training's one rule (joinableOn: open for enrolment, or not
 * started yet; never one whose enrolment deadline has passed), the one its enrolment checks too.
 */
export function isJoinable(course: CourseOffer, today: string): boolean {
  return joinableOn(course, today);
}

export function computeSkillGap(input: SkillGapInput): SkillGap {
  const { occupationSkills, workerSkills, broader, workerSkillLabels, today } = input;
  // An occupation may list a skill twice (essential and optional in different sources): essential wins.
  const target = new Map<string, TargetSkill>();
  for (const s of occupationSkills) {
    const seen = target.get(s.uri);
    if (!seen || (s.essential && !seen.essential)) target.set(s.uri, s);
  }
  const skills = [...target.values()];
  const held = skills.filter((s) => workerSkills.has(s.uri));
  const missing = skills
    .filter((s) => !workerSkills.has(s.uri))
    .map((s) => ({
      uri: s.uri,
      label: s.label,
      labelLanguage: s.labelLanguage,
      essential: s.essential,
      near: nearSkill(s.uri, workerSkills, broader, workerSkillLabels),
    }));
  const missingByUri = new Map(missing.map((m) => [m.uri, m]));

  const courses = input.courses
    .filter((c) => isJoinable(c, today))
    .map((c) => {
      const closes = [...new Set(c.skillUris)].flatMap((u) => {
        const m = missingByUri.get(u);
        return m ? [m] : [];
      });
      closes.sort((a, b) => Number(b.essential) - Number(a.essential) || byLabel(a, b));
      return {
        id: c.id,
        title: c.title,
        providerName: c.providerName,
        hours: c.hours,
        seatsLeft: c.seatsLeft,
        startDate: c.startDate,
        enrolmentOpen: c.enrolmentOpen,
        closes: closes.map(({ uri, label, labelLanguage }) => ({ uri, label, labelLanguage })),
        closesEssential: closes.filter((m) => m.essential).length,
      };
    })
    .filter((c) => c.closes.length > 0)
    // Most gaps closed, then fewer hours, then the sooner start (an open course with no date counts as now).
    .sort(
      (a, b) =>
        b.closes.length - a.closes.length ||
        a.hours - b.hours ||
        (a.startDate ?? today).localeCompare(b.startDate ?? today) ||
        italian.compare(a.title, b.title),
    )
    .slice(0, input.maxCourses ?? 20);

  return {
    essentialTotal: skills.filter((s) => s.essential).length,
    optionalTotal: skills.filter((s) => !s.essential).length,
    held: held.map(({ uri, label, labelLanguage }) => ({ uri, label, labelLanguage })).sort(byLabel),
    missingEssential: missing.filter((m) => m.essential).sort(byLabel),
    missingOptional: missing.filter((m) => !m.essential).sort(byLabel),
    courses,
  };
}
