/**
 * Native HTML5 drag-and-drop payloads of the field list and the wells (mouse only; every drag has a
 * button and keyboard equivalent). The payload travels under one private MIME type.
 */
import type { DragEvent } from 'react';
import { DIMENSIONS, MeasureSchema, type Dimension, type Measure } from '../../../../shared/specs';

const MIME = 'application/x-dvk-pivot-field';

/** What is being dragged: a dimension or a measure (new, or value `from` being moved). */
export type DragPayload =
  { kind: 'dim'; dim: Dimension } | { kind: 'measure'; measure: Measure; from?: number };

/** Start dragging `p`. */
export function startDrag(e: DragEvent, p: DragPayload): void {
  e.dataTransfer.setData(MIME, JSON.stringify(p));
  e.dataTransfer.effectAllowed = 'move';
}

/** True when the drag carries a pivot field (lets a well accept the drop). */
export function isFieldDrag(e: DragEvent): boolean {
  return e.dataTransfer.types.includes(MIME);
}

/** The payload of a drop, validated; null for anything else. */
export function readDrop(e: DragEvent): DragPayload | null {
  try {
    const p = JSON.parse(e.dataTransfer.getData(MIME)) as {
      kind?: unknown;
      dim?: unknown;
      measure?: unknown;
      from?: unknown;
    };
    if (p.kind === 'dim' && (DIMENSIONS as readonly unknown[]).includes(p.dim))
      return { kind: 'dim', dim: p.dim as Dimension };
    const m = MeasureSchema.safeParse(p.measure);
    if (p.kind === 'measure' && m.success) {
      return typeof p.from === 'number'
        ? { kind: 'measure', measure: m.data, from: p.from }
        : { kind: 'measure', measure: m.data };
    }
  } catch {
    // Not our payload (a file or text dragged in): ignore it.
  }
  return null;
}
