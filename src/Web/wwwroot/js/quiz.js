// Saves each answer as it is given. The page works without this script ("Save and continue");
// the script only makes sure nothing is lost between clicks.
// Saves wait in a queue kept in localStorage and go to the server one at a time, oldest first; a save
// that fails for want of a connection is retried with the same key, which the server treats as a
// retry, so it never counts twice.
(function () {
  'use strict';
  var form = document.getElementById('attempt-form');
  if (!form || !window.fetch || !window.FormData) { return; }

  var url = form.getAttribute('data-save-url');
  var storageKey = 'quiz-saves-' + form.getAttribute('data-attempt');
  var status = document.getElementById('save-status');
  var tokenInput = document.querySelector('input[name="__RequestVerificationToken"]');
  var token = tokenInput ? tokenInput.value : '';
  var counter = 0;
  var sending = false;
  var retryDelay = 2000;
  var timers = {};

  function load() {
    try { return JSON.parse(localStorage.getItem(storageKey) || '[]'); } catch (e) { return []; }
  }
  function store(queue) {
    try { localStorage.setItem(storageKey, JSON.stringify(queue)); } catch (e) { /* private mode: queue in memory only */ }
  }
  var memoryQueue = load();
  function say(text) { if (status) { status.textContent = text; } }

  function answerOf(fieldset) {
    var id = fieldset.getAttribute('data-question');
    var fields = [['present', id]];
    fieldset.querySelectorAll('input, select').forEach(function (input) {
      if (!input.name || input.name === 'present') { return; }
      if ((input.type === 'radio' || input.type === 'checkbox') && !input.checked) { return; }
      fields.push([input.name, input.value]);
    });
    return { id: id, fields: fields, key: Date.now().toString(36) + '-' + (counter++) + '-' + Math.random().toString(36).slice(2, 8) };
  }

  function enqueue(fieldset) {
    var save = answerOf(fieldset);
    // A newer answer to the same question replaces one still waiting: only the latest matters.
    memoryQueue = memoryQueue.filter(function (s) { return s.id !== save.id || s.sent; });
    memoryQueue.push(save);
    store(memoryQueue);
    send();
  }

  function send() {
    if (sending || memoryQueue.length === 0) { return; }
    sending = true;
    var save = memoryQueue[0];
    save.sent = true;
    store(memoryQueue);
    say(form.getAttribute('data-saving') || 'Saving…');
    var body = new URLSearchParams();
    save.fields.forEach(function (f) { body.append(f[0], f[1]); });
    body.append('saveKey', save.key);
    body.append('__RequestVerificationToken', token);
    fetch(url, { method: 'POST', body: body, credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
      .then(function (response) {
        if (response.ok || (response.status >= 400 && response.status < 500)) {
          return response.json().catch(function () { return {}; }).then(function (data) {
            memoryQueue.shift();
            store(memoryQueue);
            retryDelay = 2000;
            sending = false;
            if (response.ok) {
              say(memoryQueue.length ? '' : (form.getAttribute('data-saved') || 'Answer saved.'));
              send();
            } else {
              say(data.error || 'This answer could not be saved.');
              if (data.reason === 'time-up' || data.reason === 'submitted') { window.location.reload(); }
            }
          });
        }
        throw new Error('server ' + response.status);
      })
      .catch(function () {
        sending = false;
        say(form.getAttribute('data-offline') || 'No connection: your answers are kept and will be saved when it returns.');
        setTimeout(send, retryDelay);
        retryDelay = Math.min(retryDelay * 2, 30000);
      });
  }

  form.addEventListener('change', function (event) {
    var fieldset = event.target.closest('fieldset[data-question]');
    if (fieldset) { enqueue(fieldset); }
  });
  form.addEventListener('input', function (event) {
    if (event.target.type !== 'text') { return; }
    var fieldset = event.target.closest('fieldset[data-question]');
    if (!fieldset) { return; }
    var id = fieldset.getAttribute('data-question');
    clearTimeout(timers[id]);
    timers[id] = setTimeout(function () { enqueue(fieldset); }, 800);
  });
  window.addEventListener('online', send);

  // Saves left from a dropped connection or a closed tab go first.
  memoryQueue.forEach(function (s) { s.sent = false; });
  send();

  // The server's clock decides; this only shows the time left.
  var timer = document.querySelector('[data-seconds-left]');
  if (timer) {
    var end = Date.now() + parseInt(timer.getAttribute('data-seconds-left'), 10) * 1000;
    var label = timer.textContent;
    setInterval(function () {
      var left = Math.max(0, Math.round((end - Date.now()) / 1000));
      var minutes = Math.floor(left / 60), seconds = left % 60;
      timer.textContent = label.replace(/\d+ min/, minutes + ':' + (seconds < 10 ? '0' : '') + seconds);
      if (left === 0) { window.location.reload(); }
    }, 1000);
  }
}());
