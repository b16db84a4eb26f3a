import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../format/numbers';
import { useLang } from '../../i18n';
import { removeFile, retryPreview, setEncoding } from './import-actions';
import type { FileEntry } from './import-store';
import { isRetryable } from './import-errors';
import { ImportErrorBox } from './ImportErrorBox';
import { ProgressBar } from './ProgressBar';
import { previewProblems } from './problem-text';
import { ProblemList } from './ProblemList';
import { SheetEditor } from './SheetEditor';
import { BoundaryMatchSummary } from './BoundaryMatchSummary';
import { delimiterKey, fileSize } from './file-facts';

/** One file of the import: how it was read (format, encoding with a chooser), then its sheets. */
export function FileCard({ file }: { file: FileEntry }) {
  const { t } = useTranslation();
  const lang = useLang();
  const p = file.preview;
  const workbook = p?.format === 'xlsx' || p?.format === 'xls';
  const encodingName = (e: string) => t(`import.encodings.${e}`, { defaultValue: e.toUpperCase() });
  const choices = p?.encodingChoices ?? [];
  const size = fileSize(file.size ?? file.upload?.total ?? null);
  return (
    <article className="import-file card" data-file={file.name} data-status={file.status}>
      <header className="import-file__head">
        <div className="import-file__name">
          <h2 className="import-file__title">{file.name}</h2>
          {size && (
            <span className="import-file__size">
              {t(`import.file.size.${size.unit}`, { n: formatNumber(size.value, lang, size.digits) })}
            </span>
          )}
        </div>
        {p && (
          <dl className="import-file__facts">
            <div>
              <dt>{t('import.file.format')}</dt>
              <dd data-testid="file-format">{t(`import.formats.${p.format}`)}</dd>
            </div>
            {p.encoding && (
              <div>
                <dt>{t('import.file.encoding')}</dt>
                <dd>
                  {choices.length > 0 ? (
                    <select
                      className="import-select"
                      value={file.encoding ?? p.encoding}
                      aria-label={t('import.file.encoding')}
                      disabled={file.status !== 'ready'}
                      onChange={(e) => setEncoding(file.key, e.target.value)}
                    >
                      {[...new Set([p.encoding, ...choices])].map((c) => (
                        <option key={c} value={c}>
                          {encodingName(c)}
                        </option>
                      ))}
                    </select>
                  ) : (
                    encodingName(p.encoding)
                  )}
                </dd>
              </div>
            )}
            {p.delimiter && (
              <div>
                <dt>{t('import.file.delimiter')}</dt>
                <dd>{t(`import.delimiters.${delimiterKey(p.delimiter)}`, { char: p.delimiter })}</dd>
              </div>
            )}
          </dl>
        )}
        <button
          type="button"
          className="button button--ghost import-file__remove"
          onClick={() => removeFile(file.key)}
          aria-label={t('import.file.removeNamed', { name: file.name })}
        >
          {t('import.file.remove')}
        </button>
      </header>
      {file.status === 'uploading' && file.upload && (
        <ProgressBar
          fraction={file.upload.total > 0 ? file.upload.sent / file.upload.total : 0}
          label={t('import.file.uploading')}
        />
      )}
      {(file.status === 'previewing' || (file.status === 'uploading' && !file.upload)) && (
        <div className="state state--loading state--compact" role="status">
          <span className="spinner" aria-hidden="true" />
          <span>{t('import.file.reading')}</span>
        </div>
      )}
      {file.status === 'error' && file.error && (
        <ImportErrorBox
          error={file.error}
          context="preview"
          {...(file.path && isRetryable(file.error.code) ? { onRetry: () => retryPreview(file.key) } : {})}
        />
      )}
      {p && file.status === 'ready' && (
        <>
          <ProblemList problems={previewProblems(p.problems)} />
          {p.sheets.length === 0 && <p className="import-note">{t('import.file.noSheets')}</p>}
          {p.boundaryMatch && <BoundaryMatchSummary report={p.boundaryMatch} phase="preview" />}
          {p.sheets.map((sp) => {
            const draft = file.drafts.find((d) => d.sheet === sp.sheet);
            return draft ? (
              <SheetEditor key={sp.sheet} fileKey={file.key} workbook={workbook} preview={sp} draft={draft} />
            ) : null;
          })}
        </>
      )}
    </article>
  );
}
