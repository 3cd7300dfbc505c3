import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

/**
 * A small line of values by month (a sparkline): no axes or legend, the card's number and table say
 * what it shows. Drawn as wide as its box; redrawn when the values change.
 */
export function TrendLine({ values, label }: { values: (number | null)[]; label: string }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = box.current;
    if (!element) return undefined;
    const x = values.map((_, i) => i + 1);
    // A canvas does not resolve `currentColor`: the line takes the box's own colour (the theme's accent).
    const stroke = getComputedStyle(element).color;
    const plot = new uPlot(
      {
        width: Math.max(element.clientWidth, 120),
        height: 48,
        padding: [6, 4, 6, 4],
        legend: { show: false },
        cursor: { show: false },
        select: { show: false, left: 0, top: 0, width: 0, height: 0 },
        scales: { x: { time: false }, y: { range: (_u, min, max) => [Math.min(0, min), Math.max(1, max * 1.25)] } },
        axes: [{ show: false }, { show: false }],
        series: [{}, { stroke, width: 2, points: { show: false } }],
      },
      [x, values],
      element,
    );
    return () => plot.destroy();
  }, [values]);
  return <div ref={box} className="trend" role="img" aria-label={label} />;
}
