// ECharts, imported piece by piece: only the charts and components the dashboard draws, and the canvas renderer.
import { BarChart, CustomChart, LineChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import type { EChartsCoreOption } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([LineChart, BarChart, CustomChart, GridComponent, TooltipComponent, LegendComponent, AriaComponent, CanvasRenderer]);

export { echarts };
export type { EChartsCoreOption as ChartOption } from 'echarts/core';

/**
 * Okabe–Ito colours: told apart with every common colour-vision deficiency.
 * Every chart also names its series (legend, labels, tooltip), so colour is never the only cue.
 */
/** Below this chart width, labels on points and bars crowd each other: the narrow option hides them. */
export const NARROW_CHART_PX = 560;

/** An option with a variant for narrow charts (phones), as an ECharts media query on the chart's own width. */
export const responsive = (option: EChartsCoreOption, narrow: EChartsCoreOption): EChartsCoreOption => ({
  baseOption: option,
  media: [{ query: { maxWidth: NARROW_CHART_PX }, option: narrow }],
});

export const PALETTE = {
  detractors: '#D55E00',
  passives: '#999999',
  promoters: '#009E73',
  line: '#0072B2',
  band: 'rgba(0, 114, 178, 0.18)',
  small: '#c5cad0',
  axis: '#555d66',
  grid: '#e6e9ec',
} as const;
