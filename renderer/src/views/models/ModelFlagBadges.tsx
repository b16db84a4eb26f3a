import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CatalogInfo } from '../../../../shared/api';
import type { FlagCode, ModelFlag } from '../../../../shared/rank-spec';
import type { UiLang } from '../../format/numbers';
import { flagText } from '../ranking/rank-text';

/** Props of ModelFlagBadges. */
export interface ModelFlagBadgesProps {
  flags: readonly ModelFlag[];
  indicators: CatalogInfo['indicators'];
  lang: UiLang;
}

/**
 * One small badge per flag code a model carries (a model flagged twice for spikes shows one "Đột biến ×2"),
 * its explanations as tooltip and accessible name. Rendered only for the rows on screen; memoised so a
 * scroll does not re-word rows that stay.
 */
export const ModelFlagBadges = memo(function ModelFlagBadges({
  flags,
  indicators,
  lang,
}: ModelFlagBadgesProps) {
  const { t } = useTranslation();
  if (!flags.length) return null;
  const byCode = new Map<FlagCode, string[]>();
  for (const f of flags) {
    const w = flagText(f, t, indicators, lang);
    const cur = byCode.get(f.code);
    if (cur) cur.push(w.text);
    else byCode.set(f.code, [w.text]);
  }
  return (
    <span className="models-flags">
      {[...byCode].map(([code, texts]) => {
        const label = t(`ranking.flag.${code}.label`);
        const explanation = `${label}: ${texts.join(' ')}`;
        return (
          <span
            key={code}
            className={`flag-badge models-flags__badge flag-badge--${code}`}
            data-flag={code}
            title={explanation}
            aria-label={explanation}
            role="img"
          >
            {texts.length > 1 ? `${label} ×${texts.length}` : label}
          </span>
        );
      })}
    </span>
  );
});
