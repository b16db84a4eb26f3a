import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Dimension } from '../../../../shared/specs';
import { startDrag } from './drag';
import type { Axis } from './pivot-layout';

/** Props of DimChip. */
export interface DimChipProps {
  dim: Dimension;
  axis: Axis;
  name: string;
  first: boolean;
  last: boolean;
  onShift: (delta: -1 | 1) => void;
  onFlip: () => void;
  onRemove: () => void;
}

/** Focus a chip again after it moved (its element is re-rendered elsewhere). */
export function refocusChip(selector: string): void {
  requestAnimationFrame(() => document.querySelector<HTMLElement>(selector)?.focus());
}

/**
 * A dimension in a well: draggable, and keyboard-operable on its name (arrows reorder, Delete removes)
 * with the same actions as small buttons.
 */
export function DimChip({ dim, axis, name, first, last, onShift, onFlip, onRemove }: DimChipProps) {
  const { t } = useTranslation();
  const sel = `[data-chip="${dim}"]`;
  const onKey = (e: KeyboardEvent) => {
    if ((e.key === 'ArrowUp' || e.key === 'ArrowLeft') && !first) onShift(-1);
    else if ((e.key === 'ArrowDown' || e.key === 'ArrowRight') && !last) onShift(1);
    else if (e.key === 'Delete' || e.key === 'Backspace') onRemove();
    else return;
    e.preventDefault();
    refocusChip(sel);
  };
  return (
    <li
      className="pivot-chip"
      draggable
      onDragStart={(e) => startDrag(e, { kind: 'dim', dim })}
      data-axis={axis}
    >
      <button
        type="button"
        className="pivot-chip__name"
        data-chip={dim}
        onKeyDown={onKey}
        title={t('pivot.keyboardHint')}
      >
        {name}
      </button>
      <span className="pivot-chip__actions">
        <button
          type="button"
          disabled={first}
          aria-label={t('pivot.moveUp', { name })}
          onClick={() => onShift(-1)}
        >
          ↑
        </button>
        <button
          type="button"
          disabled={last}
          aria-label={t('pivot.moveDown', { name })}
          onClick={() => onShift(1)}
        >
          ↓
        </button>
        <button type="button" aria-label={t('pivot.flip', { name })} onClick={onFlip}>
          ⇄
        </button>
        <button type="button" aria-label={t('pivot.remove', { name })} onClick={onRemove}>
          ×
        </button>
      </span>
    </li>
  );
}
