/** Props of ProgressBar. */
export interface ProgressBarProps {
  /** 0..1 */
  fraction: number;
  label: string;
  /** Extra text beside the bar (e.g. "2/3"). */
  detail?: string;
  /** Work goes on between updates: the track moves so the screen does not look stuck. */
  busy?: boolean;
}

/** A labelled determinate progress bar (role=progressbar, percentage for assistive tech). */
export function ProgressBar({ fraction, label, detail, busy }: ProgressBarProps) {
  const pct = Math.round(Math.min(1, Math.max(0, fraction)) * 100);
  return (
    <div className="import-progress">
      <div className="import-progress__text">
        <span>{label}</span>
        <span className="import-progress__pct">{detail ?? `${pct}%`}</span>
      </div>
      <div
        className={`import-progress__track${busy ? ' import-progress__track--busy' : ''}`}
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct}
      >
        <div className="import-progress__fill" style={{ width: `${pct}%` }} />
      </div>
    </div>
  );
}
