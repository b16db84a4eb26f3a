import { describe, expect, it } from 'vitest';
import {
  decodeXml,
  refColumn,
  SheetXmlParser,
  type RawRow,
} from '../../../electron/engine/import/sources/sheet-xml';
import { unescapeOoxml } from '../../../electron/engine/import/sources/xlsx';

const XML =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<x:dimension ref="A1:XFD1048576"/><x:sheetViews><x:sheetView workbookViewId="0"/></x:sheetViews>' +
  '<x:sheetData>' +
  '<x:row r="1" spans="1:3"><x:c r="A1" t="inlineStr"><x:is><x:t>Mã &amp; tên</x:t></x:is></x:c>' +
  '<x:c r="C1" t="s" s="3"><x:v>7</x:v></x:c></x:row>' +
  '<!-- a comment <c r="Z9"/> -->' +
  "<x:row r='3'><x:c r='B3' t='inlineStr'><x:is><x:r><x:rPr><x:b/></x:rPr><x:t xml:space='preserve'>Cầu </x:t></x:r>" +
  '<x:r><x:t>nông thôn</x:t></x:r><x:rPh sb="0" eb="1"><x:t>phonetic</x:t></x:rPh></x:is></x:c>' +
  '<x:c r="C3"><x:f>A1&gt;0</x:f><x:v>1</x:v></x:c><x:c r="D3"><x:f t="shared" si="0"/></x:c><x:c r="E3" s="1"/></x:row>' +
  '<x:row><x:c t="str"><x:f>"a"</x:f><x:v><![CDATA[<b>&x]]></x:v></x:c><x:c><x:v>1.5E+3</x:v></x:c></x:row>' +
  '<x:row r="10"><x:c r="XFD10" t="b"><x:v>1</x:v></x:c><x:c r="A10" t="inlineStr"><x:is><x:t>&#7913;&#x1EE9;_x000D_</x:t></x:is></x:c></x:row>' +
  '</x:sheetData><x:mergeCells count="1"><x:mergeCell ref="A1:B1"/></x:mergeCells>' +
  '<x:sheetData><x:row r="99"><x:c r="A99"><x:v>9</x:v></x:c></x:row></x:sheetData>' +
  '</x:worksheet>';

function parseInChunks(xml: string, size: number): RawRow[] {
  const rows: RawRow[] = [];
  const p = new SheetXmlParser((r) => rows.push(r));
  for (let i = 0; i < xml.length; i += size) p.write(xml.slice(i, i + size));
  p.end();
  return rows;
}

describe('SheetXmlParser', () => {
  const expected: RawRow[] = [
    {
      row: 1,
      cells: [
        { col: 1, t: 'inlineStr', s: 0, v: undefined, is: 'Mã & tên', f: false },
        { col: 3, t: 's', s: 3, v: '7', is: undefined, f: false },
      ],
    },
    {
      row: 3,
      cells: [
        { col: 2, t: 'inlineStr', s: 0, v: undefined, is: 'Cầu nông thôn', f: false },
        { col: 3, t: undefined, s: 0, v: '1', is: undefined, f: true },
        { col: 4, t: undefined, s: 0, v: undefined, is: undefined, f: true },
        { col: 5, t: undefined, s: 1, v: undefined, is: undefined, f: false },
      ],
    },
    {
      row: 4,
      cells: [
        { col: 1, t: 'str', s: 0, v: '<b>&x', is: undefined, f: true },
        { col: 2, t: undefined, s: 0, v: '1.5E+3', is: undefined, f: false },
      ],
    },
    {
      row: 10,
      cells: [
        { col: 16384, t: 'b', s: 0, v: '1', is: undefined, f: false },
        { col: 1, t: 'inlineStr', s: 0, v: undefined, is: 'ứứ_x000D_', f: false },
      ],
    },
  ];

  it('parses rows, cells, rich and phonetic runs, entities, CDATA, prefixes, missing r', () => {
    expect(parseInChunks(XML, XML.length)).toEqual(expected);
  });

  it('gives the same rows for any chunking', () => {
    for (let size = 1; size <= 64; size++) expect(parseInChunks(XML, size)).toEqual(expected);
    for (const size of [97, 128, 251, 1000]) expect(parseInChunks(XML, size)).toEqual(expected);
  });

  it('helpers: entities, column refs, Excel escapes', () => {
    expect(decodeXml('a &lt;b&gt; &amp;&quot;&apos; &#65;&#x42;')).toBe('a <b> &"\' AB');
    expect(refColumn('A1')).toBe(1);
    expect(refColumn('AA10')).toBe(27);
    expect(refColumn('XFD1048576')).toBe(16384);
    expect(refColumn('12')).toBe(0);
    expect(unescapeOoxml('Số hộ_x000D_\n(hộ) a_x005F_x0041_')).toBe('Số hộ\r\n(hộ) a_x0041_');
  });
});
