import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../format/numbers';
import { useLang } from '../../i18n';
import { safeName } from './csv';
import { downloadText } from './download';
import { ImportErrorBox } from './ImportErrorBox';
import { rejectText } from './reject-reasons';
import { pageOf, rejectsCsv } from './rejects-data';
import { useRejects } from './use-rejects';

/** Props of RejectsPanel. */
export interface RejectsPanelProps {
  importId: number;
  fileName: string;
  sheet: string;
  /** How many rows the report says were rejected. */
  count: number;
}

const PAGE_SIZE = 50;

/** The rejected rows of one sheet: row, column, reason in words, value; paged; exportable to CSV. */
export function RejectsPanel({ importId, fileName, sheet, count }: RejectsPanelProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const { rows, loading, error, retry } = useRejects(importId);
  const [page, setPage] = useState(0);
  if (error) return <ImportErrorBox error={error} context="preview" onRetry={retry} />;
  if (loading || !rows) {
    return (
      <div className="state state--loading state--compact" role="status">
        <span className="spinner" aria-hidden="true" />
        <span>{t('state.loading')}</span>
      </div>
    );
  }
  const view = pageOf(rows, page, PAGE_SIZE);
  const exportCsv = () => {
    const base =
      sheet && sheet !== fileName ? `${safeName(fileName)}-${safeName(sheet)}` : safeName(fileName);
    downloadText(`${base}-${t('import.rejects.fileSuffix')}.csv`, rejectsCsv(rows, t));
  };
  return (
    <div className="import-rejects" data-testid="rejects-panel">
      <div className="import-rejects__bar">
        <p className="import-rejects__count">
          {sheet && sheet !== fileName && `${t('import.rejects.ofSheet', { sheet })} `}
          {t('import.rejects.count', { count: rows.length, n: formatNumber(rows.length, lang) })}
          {rows.length < count && ` ${t('import.rejects.truncated', { n: formatNumber(count, lang) })}`}
        </p>
        <button type="button" className="button" onClick={exportCsv} data-testid="rejects-export">
          {t('import.rejects.export')}
        </button>
      </div>
      <table className="import-rejects__table">
        <caption className="visually-hidden">
          {t('import.rejects.caption', { file: fileName, sheet })}
        </caption>
        <colgroup>
          <col className="import-rejects__col-row" />
          <col className="import-rejects__col-column" />
          <col className="import-rejects__col-reason" />
          <col />
        </colgroup>
        <thead>
          <tr>
            <th scope="col">{t('import.rejects.row')}</th>
            <th scope="col">{t('import.rejects.column')}</th>
            <th scope="col">{t('import.rejects.reason')}</th>
            <th scope="col">{t('import.rejects.value')}</th>
          </tr>
        </thead>
        <tbody>
          {view.rows.map((r, i) => (
            <tr key={`${r.row ?? 'x'}-${i}`} data-reject-row={r.row ?? undefined}>
              <td className="import-rejects__num">{r.row === null ? '–' : formatNumber(r.row, lang)}</td>
              <td>{r.column ?? '–'}</td>
              <td data-reason={r.reason}>{rejectText(r.reason, t)}</td>
              <td className="import-rejects__value">{r.value ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {view.pages > 1 && (
        <div className="import-rejects__pager">
          <button
            type="button"
            className="button"
            disabled={view.page === 0}
            onClick={() => setPage(view.page - 1)}
          >
            {t('import.rejects.prev')}
          </button>
          <span>{t('import.rejects.page', { page: view.page + 1, pages: view.pages })}</span>
          <button
            type="button"
            className="button"
            disabled={view.page >= view.pages - 1}
            onClick={() => setPage(view.page + 1)}
          >
            {t('import.rejects.next')}
          </button>
        </div>
      )}
    </div>
  );
}
