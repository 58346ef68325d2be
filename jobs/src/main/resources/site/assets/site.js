/* selfeval site: sorting and filtering of tables, and the year charts. No framework, no
   network: everything runs from the files beside this one. */
(function () {
  "use strict";

  function cellValue(row, index) {
    var cell = row.cells[index];
    if (!cell) { return ""; }
    var v = cell.getAttribute("data-v");
    return v !== null ? v : cell.textContent.trim();
  }

  function compare(a, b) {
    var x = parseFloat(a), y = parseFloat(b);
    var numeric = /^-?[0-9.]+/.test(a) && /^-?[0-9.]+/.test(b);
    if (numeric && !isNaN(x) && !isNaN(y)) { return x - y; }
    return a.localeCompare(b, "zh-CN");
  }

  document.querySelectorAll("table.sortable").forEach(function (table) {
    var heads = table.tHead ? table.tHead.rows[0].cells : [];
    Array.prototype.forEach.call(heads, function (th, index) {
      th.addEventListener("click", function () {
        var descending = !th.classList.contains("desc");
        Array.prototype.forEach.call(heads, function (h) { h.classList.remove("asc", "desc"); });
        th.classList.add(descending ? "desc" : "asc");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (r1, r2) {
          var c = compare(cellValue(r1, index), cellValue(r2, index));
          return descending ? -c : c;
        });
        rows.forEach(function (r) { body.appendChild(r); });
      });
    });
  });

  function applyFilters(tableId) {
    var table = document.getElementById(tableId);
    if (!table) { return; }
    var text = document.querySelector("#filter[data-table='" + tableId + "']");
    var year = document.querySelector("#year-filter[data-table='" + tableId + "']");
    var query = text ? text.value.trim().toLowerCase() : "";
    var wanted = year ? year.value : "";
    var shown = 0;
    Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
      var ok = (!query || row.textContent.toLowerCase().indexOf(query) >= 0)
        && (!wanted || row.getAttribute("data-year") === wanted);
      row.style.display = ok ? "" : "none";
      if (ok) { shown++; }
    });
    var counter = document.getElementById("shown");
    if (counter) { counter.textContent = shown + " shown"; }
  }

  document.querySelectorAll("[data-table]").forEach(function (control) {
    var tableId = control.getAttribute("data-table");
    control.addEventListener("input", function () { applyFilters(tableId); });
    control.addEventListener("change", function () { applyFilters(tableId); });
  });

  window.selfevalCharts = function () {
    var holder = document.getElementById("chart-data");
    if (!holder || typeof echarts === "undefined") { return; }
    var data = JSON.parse(holder.textContent);
    var font = getComputedStyle(document.body).fontFamily;
    function bars(id, bands, series) {
      var el = document.getElementById(id);
      var chart = echarts.init(el, null, { renderer: "svg" });
      chart.setOption({
        animation: false,
        textStyle: { fontFamily: font },
        title: { text: el.getAttribute("data-title"), textStyle: { fontSize: 13 } },
        tooltip: { trigger: "axis" },
        legend: { top: 24 },
        grid: { top: 64, left: 40, right: 16, bottom: 30 },
        xAxis: { type: "category", data: bands, axisLabel: { interval: 0 } },
        yAxis: { type: "value", name: "forms 表数", minInterval: 1 },
        series: series
      });
    }
    bars("chart-totals", data.totalBands, [
      { name: "reported 自评", type: "bar", data: data.reported },
      { name: "fair 应得", type: "bar", data: data.fair }]);
    bars("chart-rates", data.rateBands, [
      { name: "execution rate 执行率", type: "bar", data: data.rates }]);
  };
}());
