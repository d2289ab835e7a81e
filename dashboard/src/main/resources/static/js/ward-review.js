// Draws the 12-week trend of the ward weekly review from the review JSON embedded in the page.
(function () {
  'use strict';
  const review = JSON.parse(document.getElementById('ward-review-data').textContent);
  const element = document.getElementById('trend-chart');
  if (!element || !window.echarts) {
    return;
  }
  const labels = element.dataset;
  const lang = document.documentElement.lang || 'vi';
  const count = new Intl.NumberFormat(lang, { maximumFractionDigits: 0 });
  const percent = new Intl.NumberFormat(lang, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const percentText = (value) => value == null ? '—' : percent.format(value) + (lang === 'vi' ? '\u00a0%' : '%');
  const dayMonth = (iso) => iso.substring(8, 10) + '/' + iso.substring(5, 7);

  const weeks = review.trend.map((point) => dayMonth(point.weekStart) + (point.partial ? '*' : ''));
  const onTimePercent = review.trend.map((point) => point.onTimeRate == null ? null : point.onTimeRate * 100);

  const chart = echarts.init(element);
  chart.setOption({
    tooltip: {
      trigger: 'axis',
      valueFormatter: undefined,
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
      { name: labels.labelReceived, type: 'bar', data: review.trend.map((point) => point.received) },
      { name: labels.labelResolved, type: 'bar', data: review.trend.map((point) => point.resolved) },
      { name: labels.labelOnTimeRate, type: 'line', yAxisIndex: 1, connectNulls: false, data: onTimePercent }
    ]
  });
  window.addEventListener('resize', () => chart.resize());
})();
