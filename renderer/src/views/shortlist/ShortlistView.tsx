import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SHORTLIST_STATUSES, type ShortlistEntry, type ShortlistStatus } from '../../../../shared/shortlist';
import { DataState } from '../../components/DataState';
import { ExportMenu } from '../../export/ExportMenu';
import { usePresentable } from '../../export/registry';
import { shortlistTableData } from '../../export/tables/list-tables';
import type { TableItem } from '../../export/types';
import { formatNumber } from '../../format/numbers';
import { useLang } from '../../i18n';
import { toUiError } from '../../errors/ui-error';
import { BriefExport } from './BriefExport';
import { CoveragePanel } from './CoveragePanel';
import { useShortlist } from './shortlist-store';
import './shortlist.css';

/** One shortlisted model: status, owner, a note to add, removal. Every change is saved in the workspace. */
function EntryRow({ e, selected, onSelect }: { e: ShortlistEntry; selected: boolean; onSelect: () => void }) {
  const { t } = useTranslation();
  const set = useShortlist((s) => s.set);
  const remove = useShortlist((s) => s.remove);
  const [owner, setOwner] = useState(e.owner ?? '');
  const [note, setNote] = useState(e.notes[0]?.note ?? '');
  const [status, setStatus] = useState('');
  const name = e.name ?? e.modelId;
  const save = async (p: { status?: ShortlistStatus; owner?: string; note?: string }) => {
    try {
      await set({ modelId: e.modelId, ...p });
      setStatus(t('shortlist.saved'));
    } catch (err) {
      setStatus(t('shortlist.failed', { code: toUiError(err).code }));
    }
  };
  return (
    <tr
      className={`shortlist-table__row${selected ? ' shortlist-table__row--selected' : ''}`}
      data-model-id={e.modelId}
    >
      <td>
        <button type="button" className="shortlist-table__name" onClick={onSelect} aria-pressed={selected}>
          {name}
        </button>
        <span className="shortlist-table__id">{e.name ? e.modelId : t('shortlist.removedModel')}</span>
        <button
          type="button"
          className="button button--ghost shortlist-table__remove"
          aria-label={t('shortlist.removeOf', { name })}
          onClick={() => void remove(e.modelId)}
        >
          {t('shortlist.remove')}
        </button>
      </td>
      <td>{e.unitName ?? '–'}</td>
      <td>{e.field ?? '–'}</td>
      <td>
        <select
          value={e.status}
          aria-label={t('shortlist.statusOf', { name })}
          onChange={(ev) => void save({ status: ev.target.value as ShortlistStatus })}
          data-testid="shortlist-status"
        >
          {SHORTLIST_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`shortlist.status.${s}`)}
            </option>
          ))}
        </select>
      </td>
      <td>
        <input
          value={owner}
          maxLength={200}
          aria-label={t('shortlist.ownerOf', { name })}
          onChange={(ev) => setOwner(ev.target.value)}
          onBlur={() => owner !== (e.owner ?? '') && void save({ owner })}
          data-testid="shortlist-owner"
        />
      </td>
      <td className="shortlist-table__note">
        <textarea
          value={note}
          maxLength={5000}
          rows={2}
          aria-label={t('shortlist.noteOf', { name })}
          onChange={(ev) => setNote(ev.target.value)}
          data-testid="shortlist-note"
        />
        <button
          type="button"
          className="button"
          disabled={!note.trim() || note.trim() === (e.notes[0]?.note ?? '')}
          onClick={() => void save({ note: note.trim(), ...(owner ? { owner } : {}) })}
          data-testid="shortlist-save-note"
        >
          {t('shortlist.saveNote')}
        </button>
        {e.notes.length > 1 && (
          <details className="shortlist-table__history">
            <summary>{t('shortlist.history')}</summary>
            <ul>
              {e.notes.slice(1).map((n, i) => (
                <li key={i}>
                  {n.note} <span className="shortlist-table__id">{n.created.slice(0, 16)}</span>
                </li>
              ))}
            </ul>
          </details>
        )}
        <span role="status" className="shortlist-table__status">
          {status}
        </span>
      </td>
    </tr>
  );
}

const COLUMNS = ['name', 'unit', 'field', 'status', 'owner', 'note'] as const;

/** Shortlist page: the saved shortlist with statuses, owners and notes, the coverage panel and the brief export. */
export function ShortlistView() {
  const { t } = useTranslation();
  const lang = useLang();
  const entries = useShortlist((s) => s.entries);
  const error = useShortlist((s) => s.error);
  const load = useShortlist((s) => s.load);
  const [selected, setSelected] = useState<string | null>(null);
  useEffect(() => {
    void load();
  }, [load]);
  const current = entries?.find((e) => e.modelId === selected && e.name !== null);
  const tableItem = useMemo<TableItem>(
    () => ({
      kind: 'table',
      id: 'shortlist-table',
      title: t('export.tables.shortlist'),
      // Entries are replaced on every save, so their identity is the version.
      version: `${entries?.map((e) => `${e.modelId}:${e.updated}`).join(',') ?? ''}|${lang}`,
      getTable: () =>
        entries
          ? shortlistTableData(entries, {
              modelId: t('export.tables.modelId'),
              name: t('shortlist.columns.name'),
              unit: t('shortlist.columns.unit'),
              field: t('shortlist.columns.field'),
              status: t('shortlist.columns.status'),
              owner: t('shortlist.columns.owner'),
              note: t('shortlist.columns.note'),
              statusLabel: (s) => t(`shortlist.status.${s}`),
            })
          : null,
    }),
    [t, lang, entries],
  );
  usePresentable(tableItem);
  return (
    <div className={`shortlist${current ? ' shortlist--with-detail' : ''}`}>
      <section className="card shortlist__list" aria-labelledby="shortlist-title">
        <header className="card__header shortlist__header">
          <div>
            <h2 className="card__title" id="shortlist-title" data-testid="shortlist-count">
              {t('shortlist.title')}
              {entries ? ` · ${t('shortlist.count', { n: formatNumber(entries.length, lang) })}` : ''}
            </h2>
            <p className="card__hint">{t('shortlist.intro')}</p>
          </div>
          <div className="shortlist__exports">
            <ExportMenu item={tableItem} inline />
            <BriefExport disabled={!entries?.length} />
          </div>
        </header>
        <DataState
          loading={entries === null && error === null}
          error={error}
          hasData={entries !== null}
          empty={false}
          onRetry={() => void load()}
        >
          {entries?.length === 0 ? (
            <p className="shortlist__empty">{t('shortlist.empty')}</p>
          ) : (
            <table className="shortlist-table" data-testid="shortlist-table">
              <colgroup>
                {COLUMNS.map((c) => (
                  <col key={c} className={`shortlist-table__col--${c}`} />
                ))}
              </colgroup>
              <thead>
                <tr>
                  {COLUMNS.map((c) => (
                    <th key={c} scope="col">
                      {t(`shortlist.columns.${c}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {entries?.map((e) => (
                  <EntryRow
                    key={e.modelId}
                    e={e}
                    selected={e.modelId === selected}
                    onSelect={() => setSelected(e.modelId === selected ? null : e.modelId)}
                  />
                ))}
              </tbody>
            </table>
          )}
        </DataState>
      </section>
      {current ? (
        <CoveragePanel entry={current} />
      ) : entries?.length ? (
        <p className="shortlist__hint">{t('shortlist.coverageHint')}</p>
      ) : null}
    </div>
  );
}
