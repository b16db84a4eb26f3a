import { describe, expect, it } from 'vitest';
import { matchCrosswalkColumns } from '../../../shared/import-mapping';

describe('matchCrosswalkColumns', () => {
  it('finds every role of the reference crosswalk CSV', () => {
    const headers =
      'new_code,new_full_name,new_province_code,old_level,old_code,old_full_name,old_district_code,old_district_name,old_province_code,old_province_name,relation'.split(
        ',',
      );
    expect(matchCrosswalkColumns(headers)).toEqual({
      new_code: 0,
      new_name: 1,
      new_province_code: 2,
      old_level: 3,
      old_code: 4,
      old_name: 5,
      old_district_code: 6,
      old_district_name: 7,
      old_province_code: 8,
      old_province_name: 9,
      relation: 10,
    });
  });

  it('finds the roles of a Vietnamese crosswalk sheet', () => {
    expect(
      matchCrosswalkColumns(['STT', 'Mã cũ', 'Tên đơn vị cũ', 'Quận/Huyện', 'Mã mới', 'Tên đơn vị mới']),
    ).toEqual({
      old_code: 1,
      old_name: 2,
      old_district_name: 3,
      new_code: 4,
      new_name: 5,
    });
  });
});
