import { describe, expect, it } from 'vitest';
import { categoryBarOption } from '../../../renderer/src/charts/options/category-bar';
import { lightTheme } from '../../../renderer/src/charts/theme';
import {
  decorateOption,
  frameHeights,
  PROJECTOR_LOOK,
  STANDARD_LOOK,
} from '../../../renderer/src/export/decorate';

const meta = {
  title: 'Mô hình theo lĩnh vực',
  subtitle: 'Bộ lọc: Lĩnh vực: An sinh xã hội',
  dataDate: 'Số liệu đến 12/2025',
  source: 'Nguồn: DVK Atlas',
};
const option = categoryBarOption([{ key: 'a', label: 'An sinh', value: 3 }], lightTheme, 'vi', (k) => k, {
  unit: 'mô hình',
});

/** The parts of a decorated option the tests read. */
interface Framed {
  title: { text: string; subtext: string; textStyle: { fontSize: number } };
  graphic: { style: { text: string } }[];
  grid: { top: number; bottom: number };
  animation: boolean;
  yAxis: { axisLabel: { fontSize: number; color: string } };
  series: { label: { fontSize: number } }[];
}
const framed = (o: unknown) => o as Framed;

describe('export frame', () => {
  it('adds title, filters subtitle and a footer with data date and source, and makes room for them', () => {
    const o = framed(decorateOption(option, meta, STANDARD_LOOK));
    expect(o.title).toMatchObject({ text: meta.title, subtext: meta.subtitle });
    expect(o.graphic[0]?.style.text).toBe('Số liệu đến 12/2025 · Nguồn: DVK Atlas');
    const { header, footer } = frameHeights(meta, STANDARD_LOOK, 1280);
    expect(o.grid.top).toBe(header + 8);
    expect(o.grid.bottom).toBe(footer + 16);
    const big = framed(decorateOption(option, meta, PROJECTOR_LOOK));
    expect(big.grid.bottom).toBeGreaterThan(o.grid.bottom);
    expect(o.animation).toBe(false);
    // The view's option is not changed.
    expect((option as { title?: unknown }).title).toBeUndefined();
  });

  it('the projector look uses larger type than the standard one, in black', () => {
    const std = framed(decorateOption(option, meta, STANDARD_LOOK));
    const big = framed(decorateOption(option, meta, PROJECTOR_LOOK));
    expect(big.title.textStyle.fontSize).toBeGreaterThan(std.title.textStyle.fontSize);
    expect(big.yAxis.axisLabel.fontSize).toBe(PROJECTOR_LOOK.label);
    expect(big.yAxis.axisLabel.color).toBe('#000000');
    expect(big.series[0]?.label.fontSize).toBe(PROJECTOR_LOOK.label);
  });
});
