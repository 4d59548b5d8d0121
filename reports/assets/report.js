// crosscheck HTML report: finding filters. No data, no article text: the
// page's elements carry data-kind, data-severity and data-sources.
(function () {
  'use strict';
  var root = document.documentElement;
  root.classList.add('js');
  var findings = Array.prototype.slice.call(
      document.querySelectorAll('.finding'));
  var boxes = Array.prototype.slice.call(
      document.querySelectorAll('input[data-filter]'));
  var source = document.getElementById('filter-source');
  var count = document.getElementById('filter-count');

  function selected(group) {
    var set = {};
    boxes.forEach(function (b) {
      if (b.getAttribute('data-filter') === group && b.checked) {
        set[b.value] = true;
      }
    });
    return set;
  }

  function apply() {
    var kinds = selected('kind');
    var severities = selected('severity');
    var src = source ? source.value : '';
    var shown = 0;
    findings.forEach(function (f) {
      var sources = ' ' + (f.getAttribute('data-sources') || '') + ' ';
      var visible = kinds[f.getAttribute('data-kind')] === true &&
          severities[f.getAttribute('data-severity')] === true &&
          (src === '' || sources.indexOf(' ' + src + ' ') >= 0);
      f.hidden = !visible;
      if (visible) shown++;
    });
    if (count) {
      count.textContent = shown + ' of ' + findings.length + ' findings shown';
    }
  }

  boxes.forEach(function (b) { b.addEventListener('change', apply); });
  if (source) source.addEventListener('change', apply);

  // Following a link to a hidden finding shows it again.
  function reveal() {
    var id = decodeURIComponent(location.hash.slice(1));
    var el = id ? document.getElementById(id) : null;
    if (el && el.classList.contains('finding') && el.hidden) {
      el.hidden = false;
      el.scrollIntoView();
    }
  }
  window.addEventListener('hashchange', reveal);

  // Printing shows everything: open every collapsed block first.
  window.addEventListener('beforeprint', function () {
    document.querySelectorAll('details').forEach(function (d) {
      d.open = true;
    });
  });
  apply();
  reveal();
})();
