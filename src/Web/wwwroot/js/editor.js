// The course editor: live preview and autosave. The page works without this script (Save draft and
// Preview post the form); the script previews as the trainer types and saves the draft a moment after
// they stop, and when the tab is closed. A save names the revision it started from: if someone else
// saved since, the server refuses it and sends their text, and autosave stops until the trainer saves
// on purpose, so nobody's text is overwritten unseen.
(function () {
  'use strict';
  var form = document.getElementById('editor-form');
  if (!form || !window.fetch || !window.FormData) { return; }
  var text = document.getElementById('editor-text');
  var revision = document.getElementById('editor-revision');
  var status = document.getElementById('editor-status');
  var area = document.getElementById('editor-preview-area');
  var words = document.getElementById('editor-words').dataset;
  var token = form.querySelector('input[name="__RequestVerificationToken"]').value;
  var path = form.querySelector('input[name="path"]').value;
  var baseHash = form.querySelector('input[name="baseHash"]').value;
  var storageKey = 'draft-' + form.getAttribute('data-save-url') + '-' + path;
  var saved = text.value;
  var conflicted = !!document.getElementById('conflict');
  var previewTimer = null;
  var saveTimer = null;
  var saving = false;

  function say(message) { status.textContent = message; }

  function body(extra) {
    var data = new FormData();
    data.append('__RequestVerificationToken', token);
    data.append('path', path);
    data.append('text', text.value);
    Object.keys(extra || {}).forEach(function (key) { data.append(key, extra[key]); });
    return data;
  }

  // The preview is rendered on the server by the learners' pipeline (sanitised), as the no-script Preview
  // button shows it; the page's policy runs no inline script either way.
  var lastCount = null;
  function refreshPreview() {
    fetch(form.getAttribute('data-preview-url'), { method: 'POST', body: body(), credentials: 'same-origin', headers: { 'Accept': 'text/html' } })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) {
        if (html === null) { return; }
        area.innerHTML = html;
        var problems = document.getElementById('editor-problems');
        var count = problems ? problems.getAttribute('data-count') : '0';
        if (count !== lastCount) {
          lastCount = count;
          say(words.problems.replace('{0}', count));
        }
      })
      .catch(function () { /* offline: the preview waits for the next change */ });
  }

  function keepLocally() {
    try { localStorage.setItem(storageKey, text.value); } catch (e) { /* private mode */ }
  }
  function forgetLocally() {
    try { localStorage.removeItem(storageKey); } catch (e) { /* private mode */ }
  }

  function showConflict(result) {
    conflicted = true;
    revision.value = result.revision;
    var box = document.getElementById('conflict');
    if (!box) {
      box = document.createElement('div');
      box.className = 'alert alert-danger';
      box.id = 'conflict';
      box.setAttribute('role', 'alert');
      form.parentNode.parentNode.insertBefore(box, form.parentNode);
    }
    box.textContent = '';
    var message = document.createElement('p');
    message.textContent = result.message;
    var label = document.createElement('label');
    label.setAttribute('for', 'their-text');
    label.textContent = words.theirs || '';
    var theirs = document.createElement('textarea');
    theirs.id = 'their-text';
    theirs.rows = 12;
    theirs.readOnly = true;
    theirs.className = 'editor-text';
    theirs.value = result.theirText || '';
    box.appendChild(message);
    box.appendChild(label);
    box.appendChild(theirs);
    say(result.message);
  }

  function save() {
    if (saving || conflicted || text.value === saved) { return; }
    saving = true;
    var sending = text.value;
    say(words.saving);
    fetch(form.getAttribute('data-save-url'), {
      method: 'POST', credentials: 'same-origin', headers: { 'Accept': 'application/json' },
      body: body({ revision: revision.value, baseHash: baseHash, intent: 'save' })
    }).then(function (response) {
      return response.json().then(function (result) { return { status: response.status, result: result }; });
    }).then(function (answer) {
      saving = false;
      if (answer.status === 200) {
        saved = sending;
        revision.value = answer.result.revision;
        forgetLocally();
        say(answer.result.message);
      } else if (answer.status === 409) {
        keepLocally();
        showConflict(answer.result);
      }
    }).catch(function () {
      saving = false;
      keepLocally();
      say(words.offline);
      saveTimer = setTimeout(save, 10000);
    });
  }

  text.addEventListener('input', function () {
    clearTimeout(previewTimer);
    clearTimeout(saveTimer);
    previewTimer = setTimeout(refreshPreview, 500);
    saveTimer = setTimeout(save, 2000);
  });

  // The buttons post the form themselves: no second save behind them.
  var submitting = false;
  form.addEventListener('submit', function () { submitting = true; clearTimeout(saveTimer); });

  // Closing the tab, or leaving the page: send what is not saved yet.
  window.addEventListener('pagehide', function () {
    if (submitting || conflicted || text.value === saved || !navigator.sendBeacon) { return; }
    keepLocally();
    navigator.sendBeacon(form.getAttribute('data-save-url'), body({ revision: revision.value, baseHash: baseHash, intent: 'save' }));
  });

  // A problem's line: put the cursor on it.
  document.addEventListener('click', function (event) {
    var link = event.target.closest ? event.target.closest('a[data-line]') : null;
    if (!link) { return; }
    event.preventDefault();
    var line = parseInt(link.getAttribute('data-line'), 10) || 1;
    var lines = text.value.split('\n');
    var start = 0;
    for (var i = 0; i < line - 1 && i < lines.length; i++) { start += lines[i].length + 1; }
    text.focus();
    text.setSelectionRange(start, start + (lines[line - 1] || '').length);
  });

  // Text kept in this browser because a save did not reach the server: offer it back.
  try {
    var kept = localStorage.getItem(storageKey);
    if (kept !== null && kept !== text.value && !conflicted) {
      text.value = kept;
      say(words.restored || '');
      saveTimer = setTimeout(save, 500);
      refreshPreview();
    } else if (kept === text.value) {
      forgetLocally();
    }
  } catch (e) { /* private mode */ }
})();
