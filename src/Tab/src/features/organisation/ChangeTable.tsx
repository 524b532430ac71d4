import type { ImportChange } from '../../shared/api/types';
import { useI18n } from '../../shared/i18n/i18n';
import { ScrollRegion } from '../../shared/ui/ScrollRegion';
import { useTableStyles } from '../../shared/ui/tableStyles';

/** What a change did, field by field, before and after; long values scroll sideways in a region the keyboard reaches. */
export function ChangeTable({ changes, caption }: { changes: ImportChange[]; caption: string }) {
  const { t } = useI18n();
  const table = useTableStyles();
  return (
    <ScrollRegion label={caption}>
      <table className={table.table}>
        <caption className={table.caption}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.organisationWhat}</th>
            <th scope="col">{t.organisationField}</th>
            <th scope="col">{t.organisationBefore}</th>
            <th scope="col">{t.organisationAfter}</th>
          </tr>
        </thead>
        <tbody>
          {changes.map((c, i) => (
            <tr key={i}>
              <th scope="row">
                {t.organisationChangeKind[c.kind]}: {t.organisationSubject[c.subject]} {c.id}
              </th>
              <td>{c.field ?? c.note ?? ''}</td>
              <td>{c.before ?? ''}</td>
              <td>{c.after ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
