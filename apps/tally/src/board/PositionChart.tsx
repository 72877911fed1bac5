/**
 * One position on the big screen: a horizontal bar per person (most votes on top), the majority
 * line at the threshold, and a seat secured in gold. Only the echarts parts used are imported
 * (core, bar chart, grid, mark line, canvas renderer) to keep the board's bundle small.
 */
import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, type BarSeriesOption } from 'echarts/charts';
import { GridComponent, MarkLineComponent, type GridComponentOption, type MarkLineComponentOption } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { PositionView } from '../live/count.ts';

echarts.use([BarChart, GridComponent, MarkLineComponent, CanvasRenderer]);

type Option = echarts.ComposeOption<BarSeriesOption | GridComponentOption | MarkLineComponentOption>;

export const BAR_ROW_PX = 76;

export function chartOption(position: PositionView, thresholdLabel: string): Option {
  const rows = [...position.tally].reverse(); // echarts draws the first category at the bottom
  const max = Math.max(position.threshold, ...position.tally.map((e) => e.votes), 1);
  return {
    animationDurationUpdate: 400,
    grid: { left: 8, right: 96, top: 44, bottom: 8, containLabel: true },
    xAxis: { type: 'value', max: Math.ceil(max * 1.08), splitLine: { lineStyle: { color: 'rgba(255,255,255,0.08)' } }, axisLabel: { show: false } },
    yAxis: {
      type: 'category',
      data: rows.map((e) => e.name),
      axisLabel: { color: '#fff', fontSize: 38, fontWeight: 'bold' },
      axisLine: { lineStyle: { color: 'rgba(255,255,255,0.4)' } },
      axisTick: { show: false },
    },
    series: [
      {
        type: 'bar',
        barMaxWidth: 52,
        data: rows.map((e) => ({ value: e.votes, itemStyle: { color: e.secured ? '#fadb14' : '#4096ff', borderRadius: [0, 6, 6, 0] } })),
        label: { show: true, position: 'right', color: '#fff', fontSize: 38, fontWeight: 'bold' },
        markLine: {
          symbol: 'none',
          silent: true,
          lineStyle: { color: '#ff4d4f', width: 4, type: 'dashed' },
          label: { formatter: thresholdLabel, color: '#ff7875', fontSize: 26, position: 'end' },
          data: [{ xAxis: position.threshold }],
        },
      },
    ],
  };
}

export function PositionChart({ position, thresholdLabel }: { readonly position: PositionView; readonly thresholdLabel: string }) {
  const host = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  useEffect(() => {
    if (!host.current) return;
    const instance = echarts.init(host.current, null, { renderer: 'canvas' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(host.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption(chartOption(position, thresholdLabel));
  }, [position, thresholdLabel]);
  const height = Math.max(2, position.tally.length) * BAR_ROW_PX + 60;
  return <div ref={host} style={{ width: '100%', height }} aria-hidden />;
}
