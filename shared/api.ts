/**
 * The one service interface between the UI (or CLI, or a test) and the engine, and the wire protocol
 * that carries it over any transport (Electron MessagePort, WebSocket, in-process).
 */
import { z } from 'zod';
import type { ErrorPayload } from './errors';
import type { GeoReview, ImportPreview, ImportReport } from './import-types';
import { PivotSpecSchema } from './pivot-spec';
import type { BoundaryCollection } from './map-spec';
import { SpecSchema } from './specs';
import { FlagOptionsSchema, RankSpecSchema, type ModelFlag } from './rank-spec';
import { ShortlistSetSchema, type ShortlistCoverage, type ShortlistEntry } from './shortlist';

/** Tabular results travel as Arrow IPC (stream format) bytes. */
export interface TableResult {
  arrow: Uint8Array;
  rowCount: number;
  dataVersion: number;
  /** Engine time in ms (compile + execute + encode). */
  ms: number;
}

export interface WorkspaceInfo {
  path: string;
  schemaVersion: number;
  dataVersion: number;
  counts: Record<string, number>;
  periodRange: { from: string | null; to: string | null };
  imports: {
    id: number;
    file: string;
    sheet: string | null;
    kind: string | null;
    rowsIn: number;
    rowsImported: number;
    rowsRejected: number;
    status: string;
    finished: string | null;
  }[];
}

export interface CatalogInfo {
  indicators: {
    code: string;
    name_vi: string;
    name_en: string | null;
    unit: string | null;
    aggregation: string;
    higher_is_better: boolean;
  }[];
  fields: string[];
  sponsors: string[];
  statuses: string[];
  provinces: string[];
  units: { code: string; name: string; type: string | null; province: string | null }[];
}

const SheetChoiceSchema = z
  .object({
    sheet: z.string().max(500),
    kind: z.enum(['models', 'values_long', 'values_wide', 'units', 'boundaries', 'crosswalk', 'unknown']),
    headerRow: z.number().int().min(0).max(1_048_576),
    headerRows: z.number().int().min(1).max(2),
    columns: z
      .array(
        z
          .object({
            index: z.number().int().min(0).max(20_000),
            target: z.string().max(40).nullable(),
            indicator: z.string().max(64).optional(),
          })
          .strict(),
      )
      .max(20_000),
    skip: z.boolean().optional(),
  })
  .strict();

/** Views that can be saved by name. */
export const SavedViewKind = z.enum(['pivot', 'map', 'trends', 'models', 'overview', 'ranking']);

/** A saved view as listed. `spec` is the JSON the view stored. */
export interface SavedView {
  name: string;
  view: z.infer<typeof SavedViewKind>;
  spec: unknown;
  updated: string;
}

/** A file produced by the engine, to be saved by the caller. */
export interface FileResult {
  bytes: Uint8Array;
  fileName: string;
  mime: string;
}

/** Parameter schemas per method: every incoming request is validated with these before use. */
export const ParamSchemas = {
  'workspace.info': z.object({}).strict(),
  'catalog.get': z.object({}).strict(),
  'import.preview': z
    .object({ file: z.string().min(1).max(4096), encoding: z.string().max(40).optional() })
    .strict(),
  'import.commit': z
    .object({
      file: z.string().min(1).max(4096),
      encoding: z.string().max(40).optional(),
      sheets: z.array(SheetChoiceSchema).max(1000).optional(),
    })
    .strict(),
  'import.rejects': z
    .object({ importId: z.number().int().min(0), limit: z.number().int().min(1).max(1_000_000).optional() })
    .strict(),
  /** Boundary features and models waiting for a person's decision after boundary/crosswalk imports. */
  'geo.review': z.object({}).strict(),
  /** Confirm units for pending boundary features and for models naming a split pre-2025 unit. */
  'geo.confirm': z
    .object({
      boundaries: z
        .array(
          z
            .object({
              importId: z.number().int().min(0),
              index: z.number().int().min(0),
              unitCode: z.string().min(1).max(64),
            })
            .strict(),
        )
        .max(10_000)
        .optional(),
      reassignments: z
        .array(
          z.object({ modelId: z.string().min(1).max(200), unitCode: z.string().min(1).max(64) }).strict(),
        )
        .max(100_000)
        .optional(),
    })
    .strict(),
  /**
   * Upload a file in chunks (the web harness, where the page has bytes but no path). The first chunk
   * omits `uploadId`; the answer names the upload; the last chunk sets `done` and gets the staged path
   * to pass to import.preview / import.commit.
   */
  'import.upload': z
    .object({
      uploadId: z
        .string()
        .regex(/^[a-f0-9-]{36}$/)
        .optional(),
      name: z.string().min(1).max(255),
      offset: z
        .number()
        .int()
        .min(0)
        .max(4 * 1024 ** 3),
      bytes: z.instanceof(Uint8Array),
      done: z.boolean(),
    })
    .strict(),
  query: SpecSchema,
  /** Save (or replace, by name and view) a named view; a pivot's spec must be a valid PivotSpec. */
  'views.save': z
    .object({ name: z.string().trim().min(1).max(200), view: SavedViewKind, spec: z.unknown() })
    .strict(),
  'views.list': z.object({ view: SavedViewKind.optional() }).strict(),
  'views.delete': z.object({ name: z.string().min(1).max(200), view: SavedViewKind }).strict(),
  /** The replication shortlist, with each model's notes (newest first). */
  'shortlist.list': z.object({}).strict(),
  /** Add a model to the shortlist or update its status, owner or note (one write transaction). */
  'shortlist.set': ShortlistSetSchema,
  'shortlist.remove': z.object({ modelId: z.string().min(1).max(200) }).strict(),
  /** Lineage and missing units per shortlisted model (or for one model). */
  'shortlist.coverage': z.object({ modelId: z.string().min(1).max(200).optional() }).strict(),
  /** The replication brief of the saved shortlist: XLSX (list, scores, breakdowns, flags, notes) or PPTX. */
  'export.brief': z
    .object({
      format: z.enum(['xlsx', 'pptx']),
      locale: z.enum(['vi', 'en']).optional(),
      rank: z.lazy(() => RankSpecSchema).optional(),
    })
    .strict(),
  /** Integrity flags (all models, or the ones listed), explained by the UI from code + params. */
  'flags.list': z
    .object({
      modelIds: z.array(z.string().max(200)).max(20_000).optional(),
      options: FlagOptionsSchema.optional(),
    })
    .strict(),
  /** A pivot as a file: XLSX (formatted, frozen headers, a filters sheet) or CSV (UTF-8 with BOM). */
  /** The unit boundaries for the map, as GeoJSON with label points (cached per data version). */
  'geo.boundaries': z.object({}).strict(),
  'export.pivot': z
    .object({
      spec: z.lazy(() => PivotSpecSchema),
      format: z.enum(['xlsx', 'csv']),
      title: z.string().max(200).optional(),
      filtersText: z.string().max(5000).optional(),
      locale: z.enum(['vi', 'en']).optional(),
    })
    .strict(),
  /** A table as the UI shows it, as a file: XLSX (frozen header, units, notes sheet) or CSV (BOM). */
  'export.table': z
    .object({
      title: z.string().trim().min(1).max(200),
      format: z.enum(['xlsx', 'csv']),
      columns: z
        .array(
          z
            .object({
              name: z.string().max(200),
              kind: z.enum(['text', 'number']),
              unit: z.string().max(60).optional(),
            })
            .strict(),
        )
        .min(1)
        .max(500),
      rows: z.array(z.array(z.union([z.string().max(10_000), z.number(), z.null()])).max(500)).max(200_000),
      filtersText: z.string().max(5000).optional(),
      dataDate: z.string().max(100).optional(),
      source: z.string().max(500).optional(),
      locale: z.enum(['vi', 'en']).optional(),
    })
    .strict(),
} as const;

export type Method = keyof typeof ParamSchemas;
export type Params<M extends Method> = z.infer<(typeof ParamSchemas)[M]>;

export interface Results {
  'workspace.info': WorkspaceInfo;
  'catalog.get': CatalogInfo;
  'import.preview': ImportPreview;
  'import.commit': ImportReport;
  'import.rejects': TableResult;
  'geo.review': GeoReview;
  'geo.confirm': GeoReview;
  'import.upload': { uploadId: string; received: number; file: string | null };
  query: TableResult;
  'views.save': SavedView;
  'views.list': SavedView[];
  'views.delete': { deleted: boolean };
  'shortlist.list': ShortlistEntry[];
  'shortlist.set': ShortlistEntry;
  'shortlist.remove': { removed: boolean };
  'shortlist.coverage': ShortlistCoverage[];
  'flags.list': ModelFlag[];
  'export.brief': FileResult;
  'export.pivot': FileResult;
  'geo.boundaries': BoundaryCollection;
  'export.table': FileResult;
}

export interface Progress {
  done: number;
  total: number;
  stage: string;
}

/** Options of one call: a view key makes a newer call for the same view supersede the older one. */
export interface CallOptions {
  view?: string;
  onProgress?: (p: Progress) => void;
  signal?: AbortSignal;
}

/** The typed API every transport offers. */
export interface AtlasApi {
  call<M extends Method>(method: M, params: Params<M>, opts?: CallOptions): Promise<Results[M]>;
}

// ---- wire messages ----
export interface RequestMessage {
  id: number;
  method: string;
  params: unknown;
  view?: string;
}
export interface CancelMessage {
  cancel: number;
}
export type ResponseMessage =
  | { id: number; ok: true; result: unknown }
  | { id: number; ok: false; error: ErrorPayload }
  | { id: number; progress: Progress };

export const IncomingSchema = z.union([
  z
    .object({
      id: z.number().int().min(0),
      method: z.string().max(100),
      params: z.unknown(),
      view: z.string().max(200).optional(),
    })
    .strict(),
  z.object({ cancel: z.number().int().min(0) }).strict(),
]);
