import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../format/numbers';
import { useLang } from '../../i18n';
import type { FileOutcome } from './import-store';
import { BlankValuesNote } from './BlankValuesNote';
import { ImportErrorBox } from './ImportErrorBox';
import { RejectsPanel } from './RejectsPanel';

/** A list of names (units, fields, indicators) under a heading, when there are any. */
function NameList({ title, names, testId }: { title: string; names: readonly string[]; testId: string }) {
  if (names.length === 0) return null;
  const unique = [...new Set(names)];
  return (
    <div className="import-names" data-testid={testId}>
      <p className="import-names__title">{title}</p>
      <ul className="import-names__list">
        {unique.map((n) => (
          <li key={n}>{n}</li>
        ))}
      </ul>
    </div>
  );
}

/** One file's outcome: per sheet rows imported / rejected / skipped, notes, and the rejected rows. */
export function FileReport({ outcome }: { outcome: FileOutcome }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [open, setOpen] = useState<number | null>(null);
  const r = outcome.report;
  const n = (v: number) => formatNumber(v, lang);
  return (
    <article className="import-file card" data-file={outcome.name} data-outcome={outcome.status}>
      <header className="import-file__head">
        <div className="import-file__name">
          <h2 className="import-file__title">{outcome.name}</h2>
          <span className={`import-badge import-badge--${outcome.status}`}>
            {t(`import.report.status.${outcome.status}`)}
          </span>
        </div>
      </header>
      {outcome.status === 'failed' && outcome.error && (
        <ImportErrorBox error={outcome.error} context="commit" />
      )}
      {outcome.status === 'cancelled' && <p className="import-note">{t('import.report.cancelledNote')}</p>}
      {outcome.status === 'lateImported' && (
        <p className="import-note import-note--warn">{t('import.report.lateNote')}</p>
      )}
      {outcome.status === 'notRun' && <p className="import-note">{t('import.report.notRunNote')}</p>}
      {r && (
        <>
          <table className="import-report__table">
            <colgroup>
              <col className="import-report__col-sheet" />
              <col className="import-report__col-kind" />
              <col span={4} className="import-report__col-num" />
              <col className="import-report__col-action" />
            </colgroup>
            <thead>
              <tr>
                <th scope="col">{t('import.report.sheet')}</th>
                <th scope="col">{t('import.report.kind')}</th>
                <th scope="col" className="num">
                  {t('import.report.rowsIn')}
                </th>
                <th scope="col" className="num">
                  {t('import.report.imported')}
                </th>
                <th scope="col" className="num">
                  {t('import.report.rejected')}
                </th>
                <th scope="col" className="num">
                  {t('import.report.skipped')}
                </th>
                <th scope="col">
                  <span className="visually-hidden">{t('import.report.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {r.sheets.map((s, i) => (
                <tr key={`${s.sheet}-${i}`} data-sheet={s.sheet}>
                  <th scope="row">{s.sheet}</th>
                  <td>{t(`import.kinds.${s.kind}`)}</td>
                  <td className="num">{n(s.rowsIn)}</td>
                  <td className="num" data-testid="rows-imported">
                    {n(s.rowsImported)}
                  </td>
                  <td className={`num${s.rowsRejected > 0 ? ' num--bad' : ''}`} data-testid="rows-rejected">
                    {n(s.rowsRejected)}
                  </td>
                  <td className="num">{n(s.rowsSkipped)}</td>
                  <td>
                    {s.rowsRejected > 0 && outcome.sheetImportIds[i] != null && (
                      <button
                        type="button"
                        className="button"
                        aria-expanded={open === i}
                        data-testid="show-rejects"
                        onClick={() => setOpen(open === i ? null : i)}
                      >
                        {open === i ? t('import.report.hideRejects') : t('import.report.showRejects')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
              {outcome.skippedSheets.map((s) => (
                <tr key={`skip-${s}`} className="import-report__skipped">
                  <th scope="row">{s}</th>
                  <td colSpan={6}>{t('import.report.sheetSkipped')}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <BlankValuesNote report={r} />
          {r.replacedPrevious && <p className="import-note">{t('import.report.replaced')}</p>}
          <NameList
            title={t('import.report.unregisteredUnits')}
            names={r.unregisteredUnits}
            testId="unregistered-units"
          />
          <NameList
            title={t('import.report.unknownFields')}
            names={r.unknownFields}
            testId="unknown-fields"
          />
          <NameList
            title={t('import.report.newIndicators')}
            names={r.newIndicators}
            testId="new-indicators"
          />
          {open !== null && r.sheets[open] && outcome.sheetImportIds[open] != null && (
            <RejectsPanel
              importId={outcome.sheetImportIds[open] ?? 0}
              fileName={outcome.name}
              sheet={r.sheets[open]?.sheet ?? ''}
              count={r.sheets[open]?.rowsRejected ?? 0}
            />
          )}
        </>
      )}
    </article>
  );
}
