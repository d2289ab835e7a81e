// Draws the ward weekly review's charts (12-week trend, weekday x hour intake) from the review JSON
// embedded in the page (the document GET /api/wards/{wardCode}/weeks/{weekStart} returns).
(function () {
  'use strict';
  const review = JSON.parse(document.getElementById('ward-review-data').textContent);
  if (!window.echarts) {
    return;
  }
  const lang = document.documentElement.lang || 'vi';
  const count = new Intl.NumberFormat(lang, { maximumFractionDigits: 0 });
  const percent = new Intl.NumberFormat(lang, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const percentText = (value) => value == null ? '—' : percent.format(value) + (lang === 'vi' ? '\u00a0%' : '%');
  const dayMonth = (iso) => iso.substring(8, 10) + '/' + iso.substring(5, 7);
  const print = document.body.classList.contains('print-view');
  // SVG for print: it stays sharp on paper, and animation would be caught half-drawn.
  const init = (element) => echarts.init(element, null, print ? { renderer: 'svg' } : undefined);

  const trendElement = document.getElementById('trend-chart');
  if (trendElement) {
    const labels = trendElement.dataset;
    const weeks = review.trend.map((point) => dayMonth(point.weekStart) + (point.partial ? '*' : ''));
    const onTimePercent = review.trend.map((point) => point.onTimeRate == null ? null : point.onTimeRate * 100);
    const chart = init(trendElement);
    chart.setOption({
      animation: !print,
      tooltip: {
        trigger: 'axis',
        formatter: (items) => {
          const point = review.trend[items[0].dataIndex];
          const lines = [items[0].axisValue + (point.partial ? ' (' + labels.labelPartial + ')' : '')];
          items.forEach((item) => {
            const text = item.seriesIndex === 2 ? percentText(item.value) : (item.value == null ? '—' : count.format(item.value));
            lines.push(item.marker + item.seriesName + ': ' + text);
          });
          return lines.join('<br>');
        }
      },
      legend: { top: 0 },
      grid: { left: 48, right: 56, top: 40, bottom: 32 },
      xAxis: { type: 'category', data: weeks },
      yAxis: [
        { type: 'value', minInterval: 1, axisLabel: { formatter: (value) => count.format(value) } },
        { type: 'value', min: 0, max: 100, axisLabel: { formatter: (value) => percentText(value) } }
      ],
      series: [
        { id: 'received', name: labels.labelReceived, type: 'bar', data: review.trend.map((point) => point.received) },
        { id: 'resolved', name: labels.labelResolved, type: 'bar', data: review.trend.map((point) => point.resolved) },
        { id: 'onTimeRate', name: labels.labelOnTimeRate, type: 'line', yAxisIndex: 1, connectNulls: false, data: onTimePercent }
      ]
    });
    window.addEventListener('resize', () => chart.resize());
  }

  const heatElement = document.getElementById('intake-heatmap');
  if (heatElement) {
    const days = heatElement.dataset.weekdays.split(',');
    const hours = Array.from({ length: 24 }, (_, hour) => String(hour).padStart(2, '0'));
    // ECharts heatmap cells: [x = hour, y = weekday index (Monday at the top), value]
    const cells = review.intake.map((cell) => [cell.hour, cell.weekday - 1, cell.received]);
    const max = Math.max(1, ...review.intake.map((cell) => cell.received));
    const chart = init(heatElement);
    chart.setOption({
      animation: !print,
      tooltip: {
        formatter: (item) => days[item.value[1]] + ' ' + hours[item.value[0]] + ':00 — '
          + heatElement.dataset.labelReceived + ': ' + count.format(item.value[2])
      },
      grid: { left: 48, right: 16, top: 8, bottom: 64 },
      xAxis: { type: 'category', data: hours, splitArea: { show: true } },
      yAxis: { type: 'category', data: days, inverse: true, splitArea: { show: true } },
      visualMap: { min: 0, max: max, calculable: true, orient: 'horizontal', left: 'center', bottom: 0,
        inRange: { color: ['#f5f7fa', '#ffcdd2', '#e57373', '#b71c1c'] } },
      series: [{ id: 'received', name: heatElement.dataset.labelReceived, type: 'heatmap', data: cells,
        label: { show: false } }]
    });
    window.addEventListener('resize', () => chart.resize());
  }
})();
