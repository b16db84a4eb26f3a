import { useTranslation } from 'react-i18next';
import type { ImportReport } from '../../../../shared/import-types';
import { useLang } from '../../i18n';
import { useWorkspace } from '../../state/workspace';
import { blankValuesText } from './blank-text';

/**
 * How many value cells of a file were left blank (not reported), which the import skips rather than
 * counting as zero, and the indicators most often blank. Without it an analyst sees only the rows imported
 * and cannot tell how much of the sheet was never reported. Values files only.
 */
export function BlankValuesNote({ report }: { report: ImportReport }) {
  const { t } = useTranslation();
  const lang = useLang();
  const ws = useWorkspace((w) => w.state);
  const text = blankValuesText(report, t, lang, ws.status === 'ready' ? ws.catalog.indicators : []);
  if (!text) return null;
  return (
    <div className="import-note" data-testid="values-blank">
      <p className="import-blank__text">{text.sentence}</p>
      {text.top && (
        <p className="import-blank__top" data-testid="values-blank-top">
          {text.top}
        </p>
      )}
    </div>
  );
}
