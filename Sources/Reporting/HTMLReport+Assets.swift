extension HTMLReport {
  /// The page's inline style: tmt's outcome colours, compact tables, sub-results indented.
  static let style = """

    html.loading main { display: none; }
    body { background: #eee; margin: 0; padding: 2em; font-family: sans-serif; color: #222; }
    header, section { background: white; padding: 1em 2em; border-radius: 1ex; margin-bottom: 1.5em; }
    h1 { color: #888; margin: 0 0 0.3em 0; } h2 { color: #444; margin: 0.2em 0; font-size: 1.2em; }
    p.run { font-family: ui-monospace, monospace; color: #555; margin: 0.2em 0; }
    #filter label { display: inline-block; margin-right: 1em; } #filter button { margin-right: 0.5em; }
    #shown { margin-left: 1em; color: #555; }
    table.results { border-spacing: 4px; width: 100%; }
    table.results td, table.results th { padding: 0.4ex 0.8em; text-align: left; vertical-align: top; }
    table.results td { background: #f8f8f8; border-radius: 0.5ex; }
    td.result { text-align: center; color: white; text-shadow: 0 0 4px #444; width: 6ex; }
    td.pass { background: #0a0 !important; } td.fail { background: #d30 !important; }
    td.info { background: #58d !important; } td.warn { background: #fc5 !important; }
    td.error { background: #b4d !important; } td.skip { background: #808080 !important; }
    td.pending { background: #bbb !important; }
    tr.sub, tr.check { font-size: 90%; } tr.sub td.name, tr.check td.name { padding-left: 4ex; color: #555; }
    td.note { white-space: pre-wrap; color: #444; } td.note ul { margin: 0; padding-left: 1.2em; }
    tr.fail td.note, tr.error td.note, tr.warn td.note { color: #b00; }
    td a { margin-right: 1ex; } a { color: #27c; text-decoration: none; }
    table.figures { border-collapse: collapse; font-size: 90%; }
    table.figures td, table.figures th { padding: 0.2ex 0.8em; border-bottom: 1px solid #ddd; }
    td.number { text-align: right; font-variant-numeric: tabular-nums; }
    tr.regressed td { font-weight: bold; } span.verdict { color: #555; }
    span.flag { color: #d30; font-weight: bold; }

    """

  /// The filter: outcome checkboxes hide or show whole tests; `#outcome=a,b` in the URL sets them on load and on
  /// change; the load time (ms since navigation start) is left in `body[data-load-ms]`. The results are shown once
  /// parsed (`html.loading`, set in the head, hides them meanwhile): laying out a large table again and again
  /// while it is parsed made a 1,000-test page take seconds. Without scripts nothing is hidden.
  static let script = """

    (function () {
      var boxes = Array.prototype.slice.call(document.querySelectorAll('#filter input[data-outcome]'));
      var tests = Array.prototype.slice.call(document.querySelectorAll('tbody.test'));
      var sections = Array.prototype.slice.call(document.querySelectorAll('section.plan'));
      function apply() {
        var on = {}, shown = 0;
        boxes.forEach(function (box) { on[box.getAttribute('data-outcome')] = box.checked; });
        tests.forEach(function (test) {
          var visible = on[test.getAttribute('data-outcome')] === true;
          test.hidden = !visible;
          if (visible) { shown += 1; }
        });
        sections.forEach(function (section) {
          section.hidden = section.querySelector('tbody.test') !== null &&
            section.querySelector('tbody.test:not([hidden])') === null;
        });
        var count = document.getElementById('shown-count');
        if (count) { count.textContent = String(shown); }
      }
      function choose(list) {
        boxes.forEach(function (box) { box.checked = list.indexOf(box.getAttribute('data-outcome')) >= 0; });
        apply();
      }
      function fromFragment() {
        var match = /(?:^#|&)outcome=([a-z,]*)/.exec(window.location.hash);
        if (match) { choose(match[1].split(',')); } else { apply(); }
      }
      boxes.forEach(function (box) { box.addEventListener('change', apply); });
      Array.prototype.slice.call(document.querySelectorAll('#filter button[data-show]')).forEach(function (button) {
        button.addEventListener('click', function () {
          var show = button.getAttribute('data-show');
          choose(show === 'all' ? boxes.map(function (box) { return box.getAttribute('data-outcome'); }) :
            show.split(','));
        });
      });
      window.addEventListener('hashchange', fromFragment);
      window.addEventListener('load', function () {
        document.body.setAttribute('data-load-ms', String(Math.round(window.performance.now())));
      });
      fromFragment();
      document.documentElement.className = '';
    })();

    """
}
