import type { OrganisationChange } from '../../shared/api/types';
import type { Messages } from '../../shared/i18n/nb';

/**
 * The name the server gives, as the source of a change, to an edit made in the tab's forms
 * (OrganisationChangeLog.TabEdit); stored with every such change, so the history words it here in the reader's language.
 */
export const tabEditSource = '(edited in the tab)';

/** Who made a change and where it came from: a file by its name, an edit in the tab in words of the reader's language. */
export function historyEntry(t: Messages, who: string, entry: Pick<OrganisationChange, 'fileName'>): string {
  return entry.fileName === tabEditSource ? t.organisationHistoryTabEdit(who) : t.organisationHistoryEntry(who, entry.fileName);
}
