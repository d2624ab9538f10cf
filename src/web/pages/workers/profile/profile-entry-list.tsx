import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProfileDocument } from '../../../../shared/schemas/profiles.schema';
import { RemoveButton } from './profile-fields';
import type { ProfileEditor, SectionPatch } from './profile-editor';

export interface SectionProps {
  editor: ProfileEditor;
  doc: ProfileDocument;
  canEdit: boolean;
}

export const optional = (s: string) => (s.trim() ? s.trim() : undefined);

type EntrySection = 'work' | 'education' | 'languages' | 'certificates';
type EntryOf<S extends EntrySection> = ProfileDocument[S][number];

/**
 * The entries of one section, added, corrected in place and removed: each save replaces the
 * section on the version read (the editor's `save`), so a save made on an older version is refused
 * and the page offers to reload. `formKey` changes after an entry is added, so the add form
 * starts empty again.
 */
export function useSectionEntries<S extends EntrySection>(editor: ProfileEditor, doc: ProfileDocument, section: S) {
  const [editingId, setEditingId] = useState<string | null>(null);
  const [formKey, setFormKey] = useState(0);
  const list = doc[section] as Array<EntryOf<S>>;
  const patch = (next: Array<EntryOf<S>>) => ({ [section]: next }) as SectionPatch;
  return {
    editingId,
    formKey,
    edit: setEditingId,
    /** The index whose field errors a form shows: the entry's own, or the next one for a new entry. */
    indexOf: (id: string | null) => (id ? list.findIndex((e) => e.id === id) : list.length),
    entry: (id: string) => list.find((e) => e.id === id),
    async submit(entry: EntryOf<S>): Promise<boolean> {
      const exists = list.some((e) => e.id === entry.id);
      const ok = await editor.save(patch(exists ? list.map((e) => (e.id === entry.id ? entry : e)) : [...list, entry]));
      if (ok && exists) setEditingId(null);
      if (ok && !exists) setFormKey((k) => k + 1);
      return ok;
    },
    remove: (id: string) => void editor.save(patch(list.filter((e) => e.id !== id))),
  };
}

/** The buttons under a section's form: add, or save the correction and cancel it. */
export function FormButtons({
  saving,
  unready = false,
  editing,
  onCancel,
  className = 'col-12',
}: {
  saving: boolean;
  unready?: boolean;
  editing: boolean;
  onCancel?(): void;
  className?: string;
}) {
  const { t } = useTranslation();
  return (
    <div className={`${className} d-flex flex-wrap gap-2`}>
      <button type="submit" className="btn btn-primary btn-sm" disabled={saving || unready}>
        {editing ? t('profiles.saveEntry') : t('profiles.add')}
      </button>
      {editing && (
        <button type="button" className="btn btn-outline-secondary btn-sm" onClick={onCancel}>
          {t('profiles.cancelEdit')}
        </button>
      )}
    </div>
  );
}

/** A "Modifica" button that names the entry it opens for screen readers. */
function EditButton({ what, onClick, disabled }: { what: string; onClick(): void; disabled?: boolean }) {
  const { t } = useTranslation();
  return (
    <button
      type="button"
      className="btn btn-sm btn-outline-primary"
      onClick={onClick}
      disabled={disabled}
      aria-label={t('profiles.editEntry', { what })}
    >
      {t('profiles.editEntry', { what: '' }).trim()}
    </button>
  );
}

/** The entries of a section; the one being corrected shows its form (`renderEdit`) in its place. */
export function EntryList({
  items,
  canEdit,
  disabled,
  onRemove,
  editingId = null,
  onEdit,
  renderEdit,
}: {
  items: Array<{ id: string; text: string; detail?: string }>;
  canEdit: boolean;
  disabled: boolean;
  onRemove(id: string): void;
  editingId?: string | null;
  onEdit?(id: string): void;
  renderEdit?(id: string): ReactNode;
}) {
  const { t } = useTranslation();
  if (items.length === 0) return <p className="text-secondary">{t('profiles.none')}</p>;
  return (
    <ul className="list-unstyled mb-3">
      {items.map((item) =>
        item.id === editingId && renderEdit ? (
          <li key={item.id} className="border rounded p-3 my-2" aria-label={t('profiles.editing', { what: item.text })}>
            {renderEdit(item.id)}
          </li>
        ) : (
          <li key={item.id} className="d-flex flex-wrap justify-content-between align-items-start gap-2 border-bottom py-2">
            <div>
              <span>{item.text}</span>
              {item.detail && <p className="small mb-0 text-secondary">{item.detail}</p>}
            </div>
            {canEdit && (
              <div className="d-flex gap-2">
                {onEdit && <EditButton what={item.text} onClick={() => onEdit(item.id)} disabled={disabled} />}
                <RemoveButton what={item.text} onClick={() => onRemove(item.id)} disabled={disabled} />
              </div>
            )}
          </li>
        ),
      )}
    </ul>
  );
}
