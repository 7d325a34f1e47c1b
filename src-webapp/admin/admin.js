// OpenLSS administration screens: the tabs of the Add/Edit dialog, the notices of the sign-in page, the two-second
// refresh of the status and details pages, and the connection trees kept as the administrator opened or closed them
// when a refresh redraws them. No library: Faces' own faces.js does the Ajax.
(function () {
  'use strict';
  document.documentElement.classList.add('js');

  // Sign-in page: ?failed, ?throttled=<seconds> and ?signedout show their notice.
  function showQueryNotices() {
    const query = new URLSearchParams(location.search);
    document.querySelectorAll('[data-when-query]').forEach(function (notice) {
      notice.hidden = !query.has(notice.dataset.whenQuery);
    });
    document.querySelectorAll('[data-query-value]').forEach(function (value) {
      value.textContent = query.get(value.dataset.queryValue) || '';
    });
  }

  // Dialog tabs; after a refused OK the tab holding the first message next to a field opens.
  function setUpTabs() {
    const tabs = Array.from(document.querySelectorAll('[role=tab][data-tab]'));
    if (tabs.length === 0) {
      return;
    }
    function show(name) {
      tabs.forEach(function (tab) {
        const selected = tab.dataset.tab === name;
        tab.setAttribute('aria-selected', String(selected));
        document.getElementById('tab-' + tab.dataset.tab).hidden = !selected;
      });
    }
    tabs.forEach(function (tab) {
      tab.addEventListener('click', function () { show(tab.dataset.tab); });
    });
    const firstError = document.querySelector('.tab-panel .field-error');
    show(firstError ? firstError.closest('.tab-panel').id.substring('tab-'.length) : tabs[0].dataset.tab);
  }

  // Connection trees: what the administrator opened or closed, by branch, survives the redraw.
  const branches = new Map();
  function rememberBranches() {
    document.addEventListener('toggle', function (event) {
      const node = event.target.dataset && event.target.dataset.node;
      if (node) {
        branches.set(node, event.target.open);
      }
    }, true);
  }
  function restoreBranches() {
    document.querySelectorAll('details[data-node]').forEach(function (branch) {
      if (branches.has(branch.dataset.node)) {
        branch.open = branches.get(branch.dataset.node);
      }
    });
  }

  // Pages with an openlssRefresh (an h:commandScript) redraw their figures every two seconds, one request at a time,
  // and not while the tab is hidden.
  function startRefreshing() {
    const faces = window.faces || window.jsf;
    if (typeof window.openlssRefresh !== 'function' || !faces) {
      return;
    }
    let busy = false;
    faces.ajax.addOnEvent(function (event) {
      if (event.status === 'begin') {
        busy = true;
      } else if (event.status === 'success') {
        busy = false;
        restoreBranches();
      }
    });
    faces.ajax.addOnError(function () { busy = false; });
    setInterval(function () {
      if (!busy && !document.hidden) {
        window.openlssRefresh();
      }
    }, 2000);
  }

  document.addEventListener('DOMContentLoaded', function () {
    showQueryNotices();
    setUpTabs();
    rememberBranches();
    startRefreshing();
  });
}());
