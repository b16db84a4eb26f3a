/**
 * The replication shortlist: models a person picked as candidates for replication across the city, each
 * with a status, an owner and notes, stored in the workspace (tables `shortlist` and `notes`) so it
 * survives restarts; and the coverage of each shortlisted model (where it has already been replicated,
 * which units still lack a model of its field).
 */
import { z } from 'zod';

export const SHORTLIST_STATUSES = ['candidate', 'approved', 'rejected'] as const;
export const ShortlistStatusSchema = z.enum(SHORTLIST_STATUSES);
export type ShortlistStatus = z.infer<typeof ShortlistStatusSchema>;

const modelId = z.string().trim().min(1).max(200);

export const ShortlistSetSchema = z
  .object({
    modelId,
    /** Default 'candidate' when the model is added; unchanged when omitted on an update. */
    status: ShortlistStatusSchema.optional(),
    /** Who follows the model up; '' clears it, omitted leaves it. */
    owner: z.string().trim().max(200).optional(),
    /** A note; stored as a new entry of the model's notes when it differs from the latest one. */
    note: z.string().trim().max(5000).optional(),
  })
  .strict();
export type ShortlistSet = z.infer<typeof ShortlistSetSchema>;

export interface ShortlistNote {
  note: string;
  author: string | null;
  created: string;
}

/** One shortlisted model as listed, with the model's own attributes resolved. */
export interface ShortlistEntry {
  modelId: string;
  status: ShortlistStatus;
  owner: string | null;
  added: string;
  updated: string;
  /** Null when the model is no longer in the workspace (a re-import removed it); the entry is kept. */
  name: string | null;
  unitCode: string | null;
  unitName: string | null;
  field: string | null;
  sponsor: string | null;
  /** Newest first. */
  notes: ShortlistNote[];
}

export interface CoverageModel {
  modelId: string;
  name: string;
  unitCode: string | null;
  unitName: string | null;
  /** Steps along the lineage: 1 = replicated directly from (or to) the shortlisted model. */
  depth: number;
}

export interface CoverageUnit {
  code: string;
  name: string;
  type: string | null;
}

/** Coverage of one shortlisted model. */
export interface ShortlistCoverage {
  modelId: string;
  field: string | null;
  /** Models it was replicated from, nearest first. */
  origins: CoverageModel[];
  /** Models replicated from it, transitively, by depth then id. */
  replicas: CoverageModel[];
  /** Units that already have a model of this field (any model, replica or not). */
  unitsWithField: number;
  /** Units with no model of this field at all: where replication would be new. */
  unitsLacking: CoverageUnit[];
  unitsTotal: number;
}
