import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getApi } from '../../api';
import { toUiError } from '../../errors/ui-error';
import { useLang } from '../../i18n';
import { saveBytes } from '../../export/save';

/** Export the replication brief of the saved shortlist (XLSX or PPTX, built by the engine offline). */
export function BriefExport({ disabled }: { disabled: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const run = async (format: 'xlsx' | 'pptx') => {
    setBusy(true);
    setStatus(t('shortlist.exporting'));
    try {
      const api = await getApi();
      const f = await api.call('export.brief', { format, locale: lang });
      saveBytes(f.fileName, f.bytes, f.mime);
      setStatus(t('shortlist.exported', { file: f.fileName }));
    } catch (e) {
      setStatus(t('shortlist.exportFailed', { code: toUiError(e).code }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="brief-export" role="group" aria-label={t('shortlist.export')}>
      <span className="brief-export__label">{t('shortlist.export')}</span>
      <button
        type="button"
        className="button"
        disabled={disabled || busy}
        onClick={() => void run('xlsx')}
        data-testid="brief-xlsx"
      >
        {t('shortlist.exportXlsx')}
      </button>
      <button
        type="button"
        className="button"
        disabled={disabled || busy}
        onClick={() => void run('pptx')}
        data-testid="brief-pptx"
      >
        {t('shortlist.exportPptx')}
      </button>
      <span role="status" className="brief-export__status">
        {status}
      </span>
    </div>
  );
}
