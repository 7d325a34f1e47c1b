// OpenLSS administration screens: the tabs of the Add/Edit dialog, the notices of the sign-in page, the questions
// before a Delete, the URL lists' Ajax, the two-second refresh of the status and details pages, and the connection
// trees kept as the administrator opened or closed them when a refresh redraws them. No library: Faces' own faces.js
// does the Ajax. The pages hold no script of their own (their Content Security Policy allows none): what they need is
// named in data- attributes.
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

  // A button with data-confirm asks first (Delete); cancelled, nothing is sent.
  function askBeforeConfirmedActions() {
    document.addEventListener('click', function (event) {
      const button = event.target.closest('[data-confirm]');
      if (button && !window.confirm(button.dataset.confirm)) {
        event.preventDefault();
        event.stopImmediatePropagation();
      }
    });
  }

  // A button inside a data-partial block (a URL list's Add and Remove) sends and redraws only that block.
  function sendPartsByAjax(faces) {
    document.addEventListener('click', function (event) {
      const button = event.target.closest('[data-partial] input[type=submit]');
      if (!button) {
        return;
      }
      event.preventDefault();
      const part = button.closest('[data-partial]').id;
      faces.ajax.request(button, event, { execute: part, render: part });
    });
  }

  // A form with data-refresh (the status and details pages) redraws the parts it names every two seconds, one
  // request at a time, and not while the tab is hidden. Nothing of the form is sent back (@none).
  function startRefreshing(faces) {
    const form = document.querySelector('form[data-refresh]');
    if (!form) {
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
        faces.ajax.request(form, null, { execute: '@none', render: form.dataset.refresh });
      }
    }, 2000);
  }

  document.addEventListener('DOMContentLoaded', function () {
    showQueryNotices();
    setUpTabs();
    rememberBranches();
    askBeforeConfirmedActions();
    const faces = window.faces || window.jsf;
    if (faces) {
      sendPartsByAjax(faces);
      startRefreshing(faces);
    }
  });
}());
