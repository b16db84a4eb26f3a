import { describe, expect, it } from 'vitest';
import {
  MAPPING_PROBLEM,
  allowedTargets,
  requiredTargets,
  validateMapping,
  type MappingChoice,
} from '../../../shared/import-mapping';
import type { ImportKind } from '../../../shared/import-types';

const cols = (...targets: (MappingChoice['target'] | [MappingChoice['target'], string])[]): MappingChoice[] =>
  targets.map((t, index) =>
    Array.isArray(t) ? { index, target: t[0], indicator: t[1] } : { index, target: t },
  );

describe('requiredTargets and allowedTargets', () => {
  it('requires model id, name and a unit code or name for models', () => {
    expect(requiredTargets('models')).toEqual([['model_id'], ['name'], ['unit_code', 'unit_name']]);
  });

  it('requires model, period, indicator and value for long values, and no indicator column for wide', () => {
    expect(requiredTargets('values_long')).toEqual([['model_id'], ['period'], ['indicator'], ['value']]);
    expect(requiredTargets('values_wide')).toEqual([['model_id'], ['period'], ['value']]);
    expect(allowedTargets('values_wide')).not.toContain('indicator');
  });

  it('allows every required target of a kind', () => {
    const kinds: ImportKind[] = [
      'models',
      'values_long',
      'values_wide',
      'units',
      'boundaries',
      'crosswalk',
      'unknown',
    ];
    for (const k of kinds) {
      for (const group of requiredTargets(k)) for (const t of group) expect(allowedTargets(k)).toContain(t);
    }
  });

  it('allows unit attributes only in units sheets', () => {
    expect(allowedTargets('units')).toEqual(
      expect.arrayContaining(['unit_code', 'unit_name', 'type', 'province', 'population', 'area_km2']),
    );
    expect(allowedTargets('models')).not.toContain('population');
  });
});

describe('validateMapping', () => {
  it('accepts a complete models mapping with ignored columns', () => {
    expect(
      validateMapping('models', cols('row_number', 'model_id', 'name', 'unit_name', null, null)),
    ).toEqual([]);
  });

  it('reports each missing required column with its Vietnamese name', () => {
    const p = validateMapping('models', cols('name'));
    expect(p.map((x) => x.code)).toEqual([MAPPING_PROBLEM.missingColumn, MAPPING_PROBLEM.missingColumn]);
    expect(p[0]!.column).toBe('Mã mô hình');
    expect(p[1]!.column).toBe('Mã ĐVHC hoặc Phường/Xã');
    expect(p.every((x) => x.severity === 'error')).toBe(true);
  });

  it('rejects a target that the kind does not allow', () => {
    const p = validateMapping('models', cols('model_id', 'name', 'unit_code', 'population'));
    expect(p).toHaveLength(1);
    expect(p[0]).toMatchObject({ code: MAPPING_PROBLEM.mappingInvalid, severity: 'error' });
  });

  it('rejects two columns mapped to one target, naming both headers', () => {
    const columns: MappingChoice[] = [
      { index: 0, target: 'model_id', header: 'Mã mô hình' },
      { index: 1, target: 'model_id', header: 'ID' },
      { index: 2, target: 'name' },
      { index: 3, target: 'unit_code' },
    ];
    const p = validateMapping('models', columns);
    expect(p).toHaveLength(1);
    expect(p[0]!.message).toContain('Mã mô hình');
    expect(p[0]!.message).toContain('ID');
  });

  it('allows several value columns and row-number columns in wide form', () => {
    const p = validateMapping(
      'values_wide',
      cols('row_number', 'row_number', 'model_id', 'period', ['value', 'houses_built'], ['value', 'new_one']),
    );
    expect(p).toEqual([]);
  });

  it('requires an indicator code on every wide value column and no code twice', () => {
    const p = validateMapping(
      'values_wide',
      cols('model_id', 'period', 'value', ['value', 'x'], ['value', 'x']),
    );
    expect(p.map((x) => x.message)).toEqual([
      'Column #3 holds values but names no indicator',
      'Columns #4 and #5 are both mapped to indicator "x"',
    ]);
  });

  it('rejects two value columns in long form', () => {
    const p = validateMapping('values_long', cols('model_id', 'period', 'indicator', 'value', 'value'));
    expect(p.map((x) => x.code)).toEqual([MAPPING_PROBLEM.mappingInvalid]);
  });

  it('rejects a column index mapped twice', () => {
    const p = validateMapping('units', [
      { index: 0, target: 'unit_code' },
      { index: 0, target: 'unit_name' },
    ]);
    expect(p.map((x) => x.code)).toEqual([MAPPING_PROBLEM.mappingInvalid]);
  });

  it('asks for a kind when the sheet is unknown', () => {
    expect(validateMapping('unknown', [])[0]!.code).toBe(MAPPING_PROBLEM.kindUnknown);
  });

  it('passes crosswalk and boundary files, which are not mapped column by column', () => {
    expect(validateMapping('crosswalk', cols(null, null))).toEqual([]);
    expect(validateMapping('boundaries', [])).toEqual([]);
  });
});
