// The ECharts modules the story uses, and nothing else. Every chart type, component or renderer
// a chart builder asks for must be registered here, or ECharts silently draws nothing for it.
import { use, init, getInstanceByDom, version } from 'echarts/core';
import { LineChart, BarChart, ScatterChart } from 'echarts/charts';
import {
  AriaComponent,
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  TooltipComponent,
} from 'echarts/components';
import { LabelLayout } from 'echarts/features';
import { CanvasRenderer } from 'echarts/renderers';

use([
  LineChart,
  BarChart,
  ScatterChart,
  AriaComponent,
  GridComponent,
  LegendComponent,
  // The band where the reader draws a guess (chapter 1).
  MarkAreaComponent,
  MarkLineComponent,
  TooltipComponent,
  // Lines' end labels that would collide are moved apart (`labelLayout.moveOverlap`).
  LabelLayout,
  CanvasRenderer,
]);

// The Rust binding reaches these through the global `echarts` object.
export { init, getInstanceByDom, version };
