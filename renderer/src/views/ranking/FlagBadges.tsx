import { useTranslation } from 'react-i18next';
import type { FlagCode } from '../../../../shared/rank-spec';

/** Small badges naming a model's integrity flags (words from i18n). */
export function FlagBadges({ codes }: { codes: readonly FlagCode[] }) {
  const { t } = useTranslation();
  if (!codes.length) return null;
  return (
    <span className="flag-badges">
      {codes.map((c) => (
        <span key={c} className={`flag-badge flag-badge--${c}`} data-flag={c}>
          {t(`ranking.flag.${c}.label`)}
        </span>
      ))}
    </span>
  );
}
