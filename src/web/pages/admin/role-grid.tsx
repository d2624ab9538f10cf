import { useTranslation } from 'react-i18next';
import { ROLES } from '../../../shared/schemas/common.schema';
import type { Office } from '../../../shared/schemas/office.schema';
import type { RoleAssignment } from '../../../shared/schemas/staff.schema';

/** Roles per office as a grid of checkboxes: one row per office, one column per role. */
export function RoleGrid({
  offices,
  value,
  onChange,
}: {
  offices: Office[];
  value: RoleAssignment[];
  onChange(next: RoleAssignment[]): void;
}) {
  const { t } = useTranslation();
  const has = (officeId: string, role: string) => value.some((r) => r.officeId === officeId && r.role === role);
  const toggle = (officeId: string, role: RoleAssignment['role']) =>
    onChange(has(officeId, role) ? value.filter((r) => !(r.officeId === officeId && r.role === role)) : [...value, { officeId, role }]);
  return (
    <fieldset className="mb-4">
      <legend className="h5">{t('staff.rolesLegend')}</legend>
      <p className="form-text">{t('staff.rolesHelp')}</p>
      <div className="table-responsive">
        <table className="table table-sm align-middle">
          <thead>
            <tr>
              <th scope="col">{t('offices.name')}</th>
              {ROLES.map((role) => (
                <th key={role} scope="col" className="text-center">
                  {t(`roles.${role}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {offices.map((office) => (
              <tr key={office.id}>
                <th scope="row" className="fw-normal">
                  {office.name}
                </th>
                {ROLES.map((role) => (
                  <td key={role} className="text-center">
                    <input
                      type="checkbox"
                      className="role-checkbox"
                      checked={has(office.id, role)}
                      onChange={() => toggle(office.id, role)}
                      aria-label={t('staff.officeRoleCheckbox', { role: t(`roles.${role}`), office: office.name })}
                    />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </fieldset>
  );
}
