import { useState } from 'react';
import type { ApiError } from '../../shared/api/ApiError';
import { asApiError } from '../../shared/api/useApi';
import { useI18n } from '../../shared/i18n/i18n';

/**
 * One change to the board at a time, said in words afterwards (for the `role="status"` region) and followed by the
 * unit as it now is. Someone else's change first (412) or a move the lifecycle no longer allows (409) is said in the
 * user's language and the board read again; any other failure is kept to show.
 */
export function useBoardChange(refresh: () => Promise<void>) {
  const { t } = useI18n();
  const [announcement, setAnnouncement] = useState('');
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  async function run(change: () => Promise<unknown>, done: string): Promise<boolean> {
    setFailure(null);
    setBusy(true);
    try {
      await change();
      // Said once the board shows it, so that what is read out and what the next click acts on agree.
      await refresh();
      setAnnouncement(done);
      return true;
    } catch (error) {
      const apiError = asApiError(error);
      if (apiError.status === 412 || apiError.status === 409) {
        setAnnouncement(apiError.status === 412 ? t.improvementChangedMeanwhile : t.improvementMoveRefused);
        await refresh();
      } else {
        setFailure(apiError);
      }
      return false;
    } finally {
      setBusy(false);
    }
  }

  /** A change a dialog made and answered for itself: the board is read again, then the change is said. */
  async function after(done: string) {
    await refresh();
    setAnnouncement(done);
  }

  return { run, after, announcement, failure, busy };
}
