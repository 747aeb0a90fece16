// CAD names: text (TEXT / MTEXT) placed inside a closed outline in a DXF becomes that outline's name; text outside
// every outline names nothing; another text layer is offered as a column; the planned compound carries the name.
import { describe, expect, it } from 'vitest';
import { cleanCadText, parseDXF } from '../../../src/lib/import/parse-dxf';
import { suggestMapping } from '../../../src/lib/import/mapping';

function dxf(body: string[]): string {
  const head = ['0', 'SECTION', '2', 'HEADER', '9', '$ACADVER', '1', 'AC1015', '0', 'ENDSEC', '0', 'SECTION', '2', 'ENTITIES'];
  return [...head, ...body, '0', 'ENDSEC', '0', 'EOF'].join('\r\n') + '\r\n';
}
const square = (layer: string, x: number, y: number, s: number, h: string) =>
  ['0', 'LWPOLYLINE', '5', h, '8', layer, '90', '4', '70', '1', '10', `${x}`, '20', `${y}`, '10', `${x + s}`, '20', `${y}`, '10', `${x + s}`, '20', `${y + s}`, '10', `${x}`, '20', `${y + s}`];
const text = (layer: string, x: number, y: number, s: string) => ['0', 'TEXT', '8', layer, '10', `${x}`, '20', `${y}`, '30', '0', '40', '3', '1', s];
const mtext = (layer: string, x: number, y: number, s: string) => ['0', 'MTEXT', '8', layer, '10', `${x}`, '20', `${y}`, '30', '0', '40', '3', '1', s];

describe('DXF text names', () => {
  it('names each outline by the text inside it', () => {
    const file = dxf([
      ...square('小区', 500000, 4125000, 100, '100'),
      ...square('小区', 500200, 4125000, 100, '101'),
      ...square('小区', 500400, 4125000, 100, '102'),
      ...text('小区名称', 500040, 4125050, '东关新村'),
      ...mtext('小区名称', 500230, 4125040, '{\\fSimSun|b0|i0|c134;西关\\P小区}'),
      ...text('小区名称', 500700, 4125050, '界外文字'),
      ...text('备注', 500050, 4125020, '九十年代'),
    ]);
    const layer = parseDXF(file, 'cad.dxf');
    expect(layer.errors).toEqual([]);
    expect(layer.features.map((f) => f.properties?.name)).toEqual(['东关新村', '西关 小区', undefined]);
    expect(layer.features[0].properties?.['文字:备注']).toBe('九十年代');
    expect(layer.columns).toEqual(['layer', 'handle', 'name', '文字:小区名称', '文字:备注']);
    expect(layer.warnings.find((w) => w.code === 'dxf_text_names')?.params).toMatchObject({ n: 2, layer: '小区名称', total: 3 });
    // The guess maps the name column; the user may choose the other text layer instead.
    expect(suggestMapping(layer.columns).name).toBe('name');
  });
  it('cleans MTEXT formatting codes', () => {
    expect(cleanCadText('{\\fSimHei|b1;\\H2.5;汾州\\P小区}')).toBe('汾州 小区');
    expect(cleanCadText('%%c100 管道')).toBe('100 管道');
  });
  it('leaves outlines without text unnamed (no warning)', () => {
    const layer = parseDXF(dxf(square('A', 0, 0, 10, '10')), 'plain.dxf');
    expect(layer.features[0].properties?.name).toBeUndefined();
    expect(layer.warnings.some((w) => w.code === 'dxf_text_names')).toBe(false);
  });
});
