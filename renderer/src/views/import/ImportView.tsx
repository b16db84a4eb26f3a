import { CommitProgress } from './CommitProgress';
import { FileChooser } from './FileChooser';
import { useImport } from './import-store';
import { ImportSteps, type ImportStep } from './ImportSteps';
import { PreviewStep } from './PreviewStep';
import { ReportStep } from './ReportStep';
import './import.css';
import './import-tables.css';

/**
 * The import screen: (1) choose or drop files → (2) preview and mapping per file and sheet → (3) the
 * import with progress and cancel → (4) the report with rejected rows. Files dropped anywhere on the
 * window land here (see WindowDropTarget).
 */
export function ImportView() {
  const phase = useImport((s) => s.phase);
  const hasFiles = useImport((s) => s.files.length > 0);
  const step: ImportStep =
    phase === 'committing' ? 'commit' : phase === 'done' ? 'report' : hasFiles ? 'preview' : 'choose';
  return (
    <div className="import" data-step={step}>
      <ImportSteps current={step} />
      {step === 'choose' && <FileChooser />}
      {step === 'preview' && <PreviewStep />}
      {step === 'commit' && <CommitProgress />}
      {step === 'report' && <ReportStep />}
    </div>
  );
}
