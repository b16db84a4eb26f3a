import { useEffect, useMemo, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { toRows } from '../../api/arrow';
import { DataState } from '../../components/DataState';
import { formatDate, formatNumber } from '../../format/numbers';
import { useLang } from '../../i18n';
import { vocabLabelOrNull } from '../../i18n/vocab';
import { useQuery } from '../../state/use-query';
import { ModelTrendChart } from '../trends/ModelTrendChart';
import { IndicatorList } from './IndicatorList';
import { modelDetailSpec, modelValuesSpec } from './models-specs';
import './model-detail.css';

/** Props of ModelDetail. */
export interface ModelDetailProps {
  modelId: string;
  onClose: () => void;
  onOpenModel: (id: string) => void;
}

/** The side panel of one model: its attributes and a sparkline per reported indicator. */
export function ModelDetail({ modelId, onClose, onOpenModel }: ModelDetailProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const heading = useRef<HTMLHeadingElement>(null);
  const detailSpec = useMemo(() => modelDetailSpec(modelId), [modelId]);
  const valuesSpec = useMemo(() => modelValuesSpec(modelId), [modelId]);
  const detail = useQuery(detailSpec, 'models.detail');
  const values = useQuery(valuesSpec, 'models.values');
  const row = useMemo(
    () => (detail.data && detail.data.numRows > 0 ? toRows(detail.data)[0] : undefined),
    [detail.data],
  );

  useEffect(() => {
    heading.current?.focus();
  }, [modelId]);

  const text = (v: unknown) => (v === null || v === undefined || v === '' ? '–' : String(v));
  const attrs: [string, ReactNode][] = row
    ? [
        [t('models.columns.model_id'), text(row.model_id)],
        [
          t('models.columns.unit_name'),
          `${text(row.unit_name)}${row.unit_code ? ` (${String(row.unit_code)})` : ''}`,
        ],
        [t('models.columns.province'), text(row.province)],
        [t('models.columns.field'), text(vocabLabelOrNull('field', row.field as string | null, lang))],
        [t('models.columns.sponsor'), text(vocabLabelOrNull('sponsor', row.sponsor as string | null, lang))],
        [
          t('models.columns.start_date'),
          typeof row.start_date === 'string' ? formatDate(row.start_date, lang) : '–',
        ],
        [t('models.columns.status'), text(vocabLabelOrNull('status', row.status as string | null, lang))],
        [
          t('models.columns.recognition'),
          text(vocabLabelOrNull('recognition', row.recognition as string | null, lang)),
        ],
        [
          t('models.columns.replicated_from'),
          typeof row.replicated_from === 'string' ? (
            <button
              type="button"
              className="link-button"
              onClick={() => onOpenModel(row.replicated_from as string)}
            >
              {row.replicated_from}
            </button>
          ) : (
            '–'
          ),
        ],
        [
          t('models.detail.coordinates'),
          typeof row.lat === 'number' && typeof row.lon === 'number'
            ? `${formatNumber(row.lat, lang, 5)} · ${formatNumber(row.lon, lang, 5)}`
            : '–',
        ],
      ]
    : [];

  return (
    <aside
      className="model-detail card"
      aria-labelledby="model-detail-title"
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose();
      }}
    >
      <header className="model-detail__header">
        <div>
          <p className="model-detail__kicker">{t('models.detail.title')}</p>
          <h2 id="model-detail-title" ref={heading} tabIndex={-1}>
            {row ? String(row.name) : modelId}
          </h2>
        </div>
        <button
          type="button"
          className="button button--ghost model-detail__close"
          onClick={onClose}
          aria-label={t('models.detail.close')}
        >
          ✕
        </button>
      </header>
      <DataState
        loading={detail.loading}
        error={detail.error}
        hasData={detail.data !== null}
        empty={!row}
        onRetry={detail.retry}
      >
        {row ? (
          <>
            <h3 className="model-detail__section">{t('models.detail.attributes')}</h3>
            <dl className="model-detail__attrs">
              {attrs.map(([k, v]) => (
                <div key={k} className="model-detail__attr">
                  <dt>{k}</dt>
                  <dd>{v}</dd>
                </div>
              ))}
            </dl>
            <h3 className="model-detail__section">{t('models.detail.indicators')}</h3>
            <IndicatorList query={values} />
            <h3 className="model-detail__section">{t('trends.detailTitle')}</h3>
            <ModelTrendChart
              modelId={modelId}
              modelName={String(row.name)}
              field={typeof row.field === 'string' ? row.field : null}
              values={values}
            />
          </>
        ) : (
          <p className="model-detail__missing">{t('models.detail.notFound')}</p>
        )}
      </DataState>
    </aside>
  );
}
