import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** How long Undo stays offered after a delete. */
const UNDO_MS = 15_000;

/** "Deleted. Undo": the delete has happened; Undo puts it back. Ctrl+Z works too. */
export function UndoBar({
  message,
  onUndo,
  onDismiss,
}: {
  message: string;
  onUndo: () => void;
  onDismiss: () => void;
}) {
  const { t } = useTranslation();
  useEffect(() => {
    const timer = setTimeout(onDismiss, UNDO_MS);
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (
        (event.ctrlKey || event.metaKey) &&
        event.key === 'z' &&
        target?.tagName !== 'INPUT' &&
        target?.tagName !== 'TEXTAREA'
      ) {
        event.preventDefault();
        onUndo();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => {
      clearTimeout(timer);
      document.removeEventListener('keydown', onKey);
    };
  }, [onUndo, onDismiss]);
  return (
    <div className="undo-bar" role="status">
      <span className="small">{message}</span>
      <button type="button" onClick={onUndo}>
        {t('history.undo')}
      </button>
    </div>
  );
}
