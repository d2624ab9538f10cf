import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProfileDocument } from '../../../shared/schemas/profiles.schema';

type EntrySection = 'work' | 'education' | 'languages' | 'skills' | 'certificates' | 'additional';

/** What each listed entry is called in the list: enough to tell it from its neighbours. */
function entriesOf(
  doc: ProfileDocument,
  languageName: (code: string) => string,
): Array<[EntrySection, Array<{ id: string; text: string }>]> {
  const dates = (start?: string, end?: string) => [start, end].filter(Boolean).join(' – ');
  return [
    [
      'work',
      doc.work.map((w) => ({ id: w.id, text: [w.jobTitle, w.employer, dates(w.startDate, w.endDate)].filter(Boolean).join(' · ') })),
    ],
    ['education', doc.education.map((e) => ({ id: e.id, text: [e.title, e.institution, e.endDate].filter(Boolean).join(' · ') }))],
    ['languages', doc.languages.map((l) => ({ id: l.id, text: languageName(l.code) }))],
    ['skills', doc.skills.map((s) => ({ id: s.id, text: s.label }))],
    ['certificates', doc.certificates.map((c) => ({ id: c.id, text: [c.name, c.issuer].filter(Boolean).join(' · ') }))],
    ['additional', doc.additional.map((a) => ({ id: a.id, text: [a.title, a.organisation].filter(Boolean).join(' · ') }))],
  ];
}

/**
 * The profile's entries, section by section, each with a tick "leave out of this CV": what the CV
 * holds in `hiddenEntryIds`. The profile itself is not changed.
 */
export function CvHiddenEntries({
  profile,
  hidden,
  onChange,
}: {
  profile: ProfileDocument;
  hidden: ReadonlySet<string>;
  onChange(next: Set<string>): void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const sections = entriesOf(profile, (c) => t(`profiles.languages.names.${c}`, { defaultValue: c })).filter(
    ([, items]) => items.length > 0,
  );
  const toggle = (entryId: string, leaveOut: boolean) => {
    const next = new Set(hidden);
    if (leaveOut) next.add(entryId);
    else next.delete(entryId);
    onChange(next);
  };
  return (
    <fieldset className="mb-3">
      <legend className="h6">{t('cv.hidden.legend')}</legend>
      <p className="small">{t('cv.hidden.help')}</p>
      {sections.length === 0 && <p className="small text-secondary">{t('cv.hidden.none')}</p>}
      {sections.map(([section, items]) => (
        <div key={section} className="mb-2">
          <p className="small fw-semibold mb-1">{t(`cv.sectionNames.${section}`)}</p>
          <ul className="list-unstyled mb-0">
            {items.map((item) => (
              <li key={item.id} className="form-check mb-1">
                <input
                  id={`${id}-${item.id}`}
                  type="checkbox"
                  className="form-check-input"
                  checked={hidden.has(item.id)}
                  onChange={(e) => toggle(item.id, e.target.checked)}
                />
                <label htmlFor={`${id}-${item.id}`} className="form-check-label">
                  {t('cv.hidden.leaveOut', { entry: item.text })}
                </label>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </fieldset>
  );
}
