// Draws the dashboard's charts (ECharts, from the webjar) from each chart element's data-chart specification:
// {categories: [...], series: [{name, type: 'bar' | 'line', axis: 0 | 1, data: [...]}]}; axis 1 is a percentage.
document.querySelectorAll('[data-chart]').forEach(function (element) {
  var spec = JSON.parse(element.getAttribute('data-chart'));
  var percent = spec.series.some(function (s) { return s.axis === 1; });
  var chart = echarts.init(element);
  chart.setOption({
    animation: false,
    tooltip: {trigger: 'axis'},
    legend: {top: 0},
    grid: {left: 50, right: percent ? 50 : 20, top: 36, bottom: 60},
    xAxis: {type: 'category', data: spec.categories, axisLabel: {interval: 0, rotate: spec.categories.length > 6 ? 30 : 0}},
    yAxis: percent ? [{type: 'value'}, {type: 'value', min: 0, max: 100, axisLabel: {formatter: '{value} %'}}]
                   : [{type: 'value', minInterval: 1}],
    series: spec.series.map(function (s) {
      return {name: s.name, type: s.type, yAxisIndex: s.axis, data: s.data, barMaxWidth: 36};
    })
  });
  window.addEventListener('resize', function () { chart.resize(); });
});
