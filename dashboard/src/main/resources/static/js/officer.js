// Draws the officer's weekly tasks completed against the unit's median, and the workload index.
(function () {
  'use strict';
  const v = JSON.parse(document.getElementById('officer-data').textContent);
  const element = document.getElementById('officer-trend');
  if (!element || !window.echarts) {
    return;
  }
  const l = element.dataset;
  const dayMonth = (iso) => iso.substring(8, 10) + '/' + iso.substring(5, 7);
  echarts.init(element).setOption({
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 48, right: 48, top: 40, bottom: 32 },
    xAxis: { type: 'category', data: v.weeks.map((w) => dayMonth(w.weekStart)) },
    yAxis: [{ type: 'value', minInterval: 1 }, { type: 'value' }],
    series: [
      { id: 'tasksCompleted', name: l.labelCompleted, type: 'bar', data: v.weeks.map((w) => w.figures.tasksCompleted) },
      { id: 'unitMedian', name: l.labelMedian, type: 'line', data: v.weeks.map((w) => w.unitMedianTasksCompleted) },
      { id: 'workloadIndex', name: l.labelIndex, type: 'line', yAxisIndex: 1, data: v.weeks.map((w) => w.figures.workloadIndex) }
    ]
  });
})();
