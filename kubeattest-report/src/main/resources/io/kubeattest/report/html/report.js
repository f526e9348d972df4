// Findings filters: severity (this level and worse), status and free text. The state lives in the
// URL fragment (#severity=high&status=FAIL&q=text) so a filtered view can be linked or scripted.
(function () {
  'use strict';
  var SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'];
  var severity = document.getElementById('f-severity');
  var status = document.getElementById('f-status');
  var text = document.getElementById('f-text');
  var count = document.getElementById('shown-count');
  var rows = Array.prototype.slice.call(document.querySelectorAll('#findings-table tr.finding'));

  function readHash() {
    var params = new URLSearchParams(window.location.hash.replace(/^#/, ''));
    severity.value = SEVERITIES.indexOf(params.get('severity')) >= 0 ? params.get('severity') : '';
    status.value = params.get('status') || '';
    if (status.value !== (params.get('status') || '')) { status.value = ''; }
    text.value = params.get('q') || '';
  }

  function writeHash() {
    var params = new URLSearchParams();
    if (severity.value) { params.set('severity', severity.value); }
    if (status.value) { params.set('status', status.value); }
    if (text.value) { params.set('q', text.value); }
    var hash = params.toString();
    history.replaceState(null, '', hash ? '#' + hash : window.location.pathname + window.location.search);
  }

  function apply() {
    var worst = severity.value ? SEVERITIES.indexOf(severity.value) : SEVERITIES.length;
    var needle = text.value.trim().toLowerCase();
    var shown = 0;
    rows.forEach(function (row) {
      var visible = Number(row.getAttribute('data-severity')) <= worst &&
        (!status.value || row.getAttribute('data-status') === status.value) &&
        (!needle || row.textContent.toLowerCase().indexOf(needle) >= 0);
      row.hidden = !visible;
      if (visible) { shown++; }
    });
    count.textContent = shown + ' of ' + rows.length + ' shown';
  }

  [severity, status, text].forEach(function (input) {
    input.addEventListener('input', function () { apply(); writeHash(); });
  });
  window.addEventListener('hashchange', function () { readHash(); apply(); });
  window.addEventListener('beforeprint', function () {
    document.querySelectorAll('details.framework').forEach(function (d) { d.open = true; });
  });
  readHash();
  apply();
}());
