// A thin React wrapper around one ECharts instance: created on mount, given the option on every change,
// resized with its box, disposed on unmount. Accessible: ECharts' aria module writes a description
// (ours, in the page language) for screen readers; the chart canvas itself is decoration.
import { useEffect, useRef } from 'react';
import { echarts, type ChartOption } from './echarts.ts';

export interface EChartProps {
  option: ChartOption;
  /** What a screen reader hears instead of the picture: the figures in words. */
  description: string;
  /** Height in CSS pixels; the width follows the container. */
  height?: number;
  className?: string;
}

export function EChart({ option, description, height = 280, className }: EChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<typeof echarts.init> | null>(null);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const instance = echarts.init(el, null, { renderer: 'canvas' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    const aria = { enabled: true, label: { enabled: true, description } };
    // A responsive option (baseOption + media queries) carries its aria in the base.
    const withAria = 'baseOption' in option ? { ...option, baseOption: { ...(option.baseOption as object), aria } } : { ...option, aria };
    chart.current?.setOption(withAria, { notMerge: true });
  }, [option, description]);

  return <div ref={box} className={['echart', className].filter(Boolean).join(' ')} style={{ height }} />;
}
