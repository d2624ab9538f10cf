import { useCallback, useEffect, useState } from 'react';
import { profileEndpoints } from '../../../../shared/api/profiles.endpoints';
import type { ProfileResponse, SkillSuggestions, UpdateProfileSectionsRequest } from '../../../../shared/schemas/profile-api.schema';
import type { ProfileDocument } from '../../../../shared/schemas/profiles.schema';
import { ApiError, call } from '../../../api/client';
import { fieldErrorsFromProblem, type FieldErrors } from '../../../api/validate';

export type SectionPatch = Omit<UpdateProfileSectionsRequest, 'baseVersion'>;

/** A new entry id, as the server expects (a UUID the client makes, so versions can say what changed). */
export const newEntryId = () => crypto.randomUUID();

/**
 * The profile being edited: the last version read, and `save(patch)` that replaces the sections
 * given on that version. A 409 (someone saved in between) is kept as the error with nothing lost
 * on the server; `reload()` reads the newest version.
 */
export function useProfileEditor(workerId: string, language: 'it' | 'en') {
  const [profile, setProfile] = useState<ProfileResponse | null>(null);
  const [suggestions, setSuggestions] = useState<SkillSuggestions | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [saving, setSaving] = useState(false);
  const [changes, setChanges] = useState(0);

  const loadSuggestions = useCallback(() => {
    call(profileEndpoints.skillSuggestions, { params: { workerId }, query: { lang: language } }).then(setSuggestions, setError);
  }, [workerId, language]);

  const reload = useCallback(() => {
    setError(null);
    setFieldErrors({});
    call(profileEndpoints.get, { params: { workerId } }).then((p) => {
      setProfile(p);
      setChanges((c) => c + 1);
    }, setError);
    loadSuggestions();
  }, [workerId, loadSuggestions]);

  useEffect(reload, [reload]);

  const save = useCallback(
    async (patch: SectionPatch): Promise<boolean> => {
      if (!profile) return false;
      setSaving(true);
      setError(null);
      setFieldErrors({});
      try {
        const next = await call(profileEndpoints.updateSections, {
          params: { workerId },
          body: { baseVersion: profile.version, ...patch } as UpdateProfileSectionsRequest,
        });
        setProfile(next);
        setChanges((c) => c + 1);
        loadSuggestions();
        return true;
      } catch (e) {
        setError(e);
        setFieldErrors(fieldErrorsFromProblem(e));
        return false;
      } finally {
        setSaving(false);
      }
    },
    [profile, workerId, loadSuggestions],
  );

  const stale = error instanceof ApiError && error.code === 'PROFILE_VERSION_CONFLICT';
  return { profile, suggestions, error, fieldErrors, saving, save, reload, stale, changes };
}

export type ProfileEditor = ReturnType<typeof useProfileEditor>;

/** The field errors of the entry at `index` of a section (`work/2/endDate` → `endDate`). */
export function entryErrors(errors: FieldErrors, section: keyof ProfileDocument, index: number): FieldErrors {
  const prefix = `${section}/${index}/`;
  return Object.fromEntries(
    Object.entries(errors).flatMap(([path, m]) => (path.startsWith(prefix) ? [[path.slice(prefix.length), m]] : [])),
  );
}
