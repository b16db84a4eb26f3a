import { useTranslation } from 'react-i18next';
import type { ViewId } from '../../state/url-hash';
import './coming-next.css';

/** Props of ComingNext. */
export interface ComingNextProps {
  view: Extract<ViewId, 'pivot' | 'map' | 'trends' | 'shortlist'>;
}

/** A page not built yet: says what it will do, never a broken screen. */
export function ComingNext({ view }: ComingNextProps) {
  const { t } = useTranslation();
  const name = t(`nav.${view}`);
  return (
    <section className="coming card" aria-labelledby="coming-title" data-coming={view}>
      <span className="coming__badge">{t('coming.badge')}</span>
      <h2 id="coming-title">{t('coming.title', { view: name })}</h2>
      <p className="coming__what">{t(`coming.${view}`)}</p>
      <p className="coming__meanwhile">{t('coming.meanwhile')}</p>
    </section>
  );
}
