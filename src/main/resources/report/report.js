// wraith report: filter and sort the agent table. No network, no eval, no HTML built from data.
(function () {
  'use strict';
  var table = document.getElementById('agents');
  if (!table) return;
  var body = table.tBodies[0];
  var filter = document.getElementById('agent-filter');
  var classFilter = document.getElementById('class-filter');
  var count = document.getElementById('agent-count');
  var rows = Array.prototype.slice.call(body.rows);

  function apply() {
    var terms = filter.value.toLowerCase().split(/\s+/).filter(function (t) { return t.length > 0; });
    var cls = classFilter.value;
    var shown = 0;
    rows.forEach(function (row) {
      var text = row.textContent.toLowerCase();
      var ok = (cls === '' || row.getAttribute('data-class') === cls) &&
        terms.every(function (t) { return text.indexOf(t) >= 0; });
      row.hidden = !ok;
      if (ok) shown++;
    });
    count.textContent = shown + ' of ' + rows.length + ' agents';
    table.setAttribute('data-shown', String(shown));
  }

  function key(row, column, numeric) {
    var cell = row.cells[column];
    var v = cell.getAttribute('data-sort');
    if (v === null) v = cell.textContent.trim();
    return numeric ? Number(v) : v.toLowerCase();
  }

  function sortBy(header, column) {
    var numeric = header.getAttribute('data-type') === 'number';
    var ascending = header.getAttribute('aria-sort') !== 'ascending';
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th) { th.removeAttribute('aria-sort'); });
    header.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
    var sorted = rows.slice().sort(function (a, b) {
      var x = key(a, column, numeric), y = key(b, column, numeric);
      var c = x < y ? -1 : x > y ? 1 : 0;
      return ascending ? c : -c;
    });
    sorted.forEach(function (row) { body.appendChild(row); });
  }

  Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, column) {
    var button = th.querySelector('button');
    if (button) button.addEventListener('click', function () { sortBy(th, column); });
  });
  filter.addEventListener('input', apply);
  classFilter.addEventListener('change', apply);
  apply();
})();
