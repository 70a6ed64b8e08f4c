/*
 * The exam client (issue 3, point 4): takes an exam through the delivery API (docs/delivery-api.md)
 * so that no answer is lost.
 *
 * - Every change of an answer is put in a save queue with the next response version of its
 *   question. The queue is kept in localStorage ("lms.exam.queue.<attempt>"), so it survives a
 *   crash, a closed tab or a dead battery, and is sent in order, one save at a time.
 * - A save that gets no answer (offline, server down) stays first in the queue and is retried with
 *   backoff (1 s doubling to 15 s); the page says it is offline. The server acknowledges a save once
 *   and never lets an older version overwrite a newer one, so retries are safe.
 * - The delivery token is kept per tab (sessionStorage), so a reload resumes; another tab or device
 *   has to confirm a takeover, after which this tab is locked.
 * - The time left comes from the server; the page only counts down between two readings.
 *
 * Texts come from the data-t-* attributes of #exam (the page's language). Stems and choices are
 * HTML that the server sanitized; everything else is set as text.
 */
(function () {
  'use strict';

  var root = document.getElementById('exam');
  if (!root) {
    return;
  }
  var api = root.dataset.api;
  var assessmentId = root.dataset.assessment;
  var body = document.getElementById('exam-body');
  var notice = document.getElementById('exam-notice');
  var timerEl = document.getElementById('exam-timer');
  var netEl = document.getElementById('exam-net');

  var attempt = null; // the attempt as the server last described it
  var token = null; // this tab's delivery token
  var items = []; // the questions
  var acked = {}; // item -> last acknowledged version
  var next = {}; // item -> last version handed out
  var queue = []; // [{item, version, body}], oldest first
  var sending = false;
  var locked = false;
  var ended = false;
  var offline = false;
  var retryDelay = 1000;
  var retryTimer = null;
  var clockBase = null; // {left: ms, at: performance.now()} from the server's last reading
  var debounce = {};
  var lastAsked = 0;

  function t(key, args) {
    var text = root.dataset['t' + key.charAt(0).toUpperCase() + key.slice(1)] || key;
    (args || []).forEach(function (a, i) {
      text = text.split('{' + i + '}').join(String(a));
    });
    return text;
  }

  // One queue per delivery (tab): a tab that was taken over must not have its answers sent by the
  // tab that took over, except those it queued before (adopted on takeover, see adoptQueues).
  function queueKey() {
    return 'lms.exam.queue.' + attempt.id + '.' + token;
  }

  function tokenKey() {
    return 'lms.exam.token.' + attempt.id;
  }

  function persistQueue() {
    try {
      if (queue.length) {
        localStorage.setItem(queueKey(), JSON.stringify(queue));
      } else {
        localStorage.removeItem(queueKey());
      }
    } catch (e) {
      // Storage full or disabled: the queue still lives in memory.
    }
  }

  // After a takeover (e.g. the browser crashed while offline), send what the earlier deliveries of
  // this attempt on this device still had queued, in version order.
  function adoptQueues() {
    var prefix = 'lms.exam.queue.' + attempt.id + '.';
    try {
      Object.keys(localStorage).filter(function (k) {
        return k.indexOf(prefix) === 0 && k !== queueKey();
      }).forEach(function (k) {
        JSON.parse(localStorage.getItem(k) || '[]').forEach(function (entry) {
          queue.push(entry);
        });
        localStorage.removeItem(k);
      });
    } catch (e) {
      return;
    }
    queue.sort(function (a, b) {
      return a.version - b.version;
    });
    persistQueue();
  }

  function call(method, path, payload, headers) {
    var init = {
      method: method,
      credentials: 'same-origin',
      cache: 'no-store',
      // Messages in the page's language (the learner's choice), not the browser's.
      headers: Object.assign({
        Accept: 'application/json',
        'Accept-Language': document.documentElement.lang || 'nl'
      }, headers || {})
    };
    if (payload !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.body = typeof payload === 'string' ? payload : JSON.stringify(payload);
    }
    return fetch(api + path, init).then(function (response) {
      return response.text().then(function (text) {
        var json = null;
        try {
          json = text ? JSON.parse(text) : null;
        } catch (e) {
          json = null;
        }
        return {status: response.status, json: json};
      });
    });
  }

  function say(text, kind, action) {
    notice.textContent = '';
    if (!text) {
      return;
    }
    var p = document.createElement('p');
    p.className = kind === 'error' ? 'msg-error' : 'msg-info';
    p.textContent = text;
    notice.appendChild(p);
    if (action) {
      var b = document.createElement('button');
      b.type = 'button';
      b.className = 'btn';
      b.id = action.id;
      b.textContent = action.label;
      b.addEventListener('click', action.run);
      p.appendChild(document.createTextNode(' '));
      p.appendChild(b);
    }
  }

  function fail(result) {
    var message = result && result.json && result.json.message;
    say(message || t('error'), 'error');
  }

  function setNet(isOffline) {
    offline = isOffline;
    root.classList.toggle('is-offline', isOffline);
    if (isOffline) {
      netEl.textContent = t('offline');
    } else {
      netEl.textContent = queue.length ? t('queued', [queue.length]) : '';
    }
  }

  // --- start, delivery, items ---------------------------------------------------------------

  function start(accessCode) {
    call('POST', 'assessments/' + assessmentId + '/attempts', {accessCode: accessCode || null})
      .then(function (r) {
        if (r.status === 201) {
          attempt = r.json;
          readClock(attempt);
          try {
            token = sessionStorage.getItem(tokenKey());
          } catch (e) {
            token = null;
          }
          openDelivery(false);
        } else if (r.json && r.json.error === 'error.delivery.accessCode') {
          askAccessCode(accessCode ? r.json.message : null);
        } else {
          fail(r);
          body.textContent = '';
          backLink(body);
        }
      })
      .catch(function () {
        setNet(true);
        setTimeout(function () {
          start(accessCode);
        }, 3000);
      });
  }

  function askAccessCode(error) {
    body.textContent = '';
    var form = document.createElement('form');
    form.className = 'card access-code';
    var label = document.createElement('label');
    label.htmlFor = 'exam-code';
    label.textContent = t('accesscode');
    var input = document.createElement('input');
    input.id = 'exam-code';
    input.autocomplete = 'off';
    input.required = true;
    var button = document.createElement('button');
    button.type = 'submit';
    button.className = 'btn';
    button.id = 'exam-begin';
    button.textContent = t('begin');
    form.append(label, input, button);
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      start(input.value);
    });
    body.appendChild(form);
    if (error) {
      say(error, 'error');
    }
    input.focus();
  }

  function openDelivery(takeover) {
    call('POST', 'attempts/' + attempt.id + '/delivery', {token: token, takeover: takeover})
      .then(function (r) {
        var status = r.json && r.json.status;
        if (status === 'OPENED' || status === 'RESUMED' || status === 'TAKEN_OVER') {
          token = r.json.token;
          locked = false;
          try {
            sessionStorage.setItem(tokenKey(), token);
            queue = JSON.parse(localStorage.getItem(queueKey()) || '[]');
          } catch (e) {
            // no storage: a reload will ask to take over; the queue lives in memory only
          }
          if (status === 'TAKEN_OVER') {
            adoptQueues();
          }
          say('');
          loadItems();
        } else if (status === 'IN_USE') {
          say(t('inuse'), 'info', {id: 'exam-takeover', label: t('takeover'), run: function () {
            openDelivery(true);
          }});
          body.textContent = '';
        } else if (status === 'SUBMITTED') {
          showEnd();
        } else {
          fail(r);
        }
      })
      .catch(function () {
        setNet(true);
        setTimeout(function () {
          openDelivery(takeover);
        }, 3000);
      });
  }

  function loadItems() {
    call('GET', 'attempts/' + attempt.id + '/items').then(function (r) {
      if (r.status !== 200) {
        fail(r);
        return;
      }
      items = r.json.items;
      items.forEach(function (item) {
        acked[item.identifier] = item.savedVersion;
        next[item.identifier] = Math.max(next[item.identifier] || 0, item.savedVersion);
      });
      // Answers still queued on this device are newer than what the server has: show and send.
      queue = queue.filter(function (q) {
        return q.version > (acked[q.item] || 0);
      });
      queue.forEach(function (q) {
        next[q.item] = Math.max(next[q.item] || 0, q.version);
      });
      persistQueue();
      render();
      tick();
      pump();
    });
  }

  // --- rendering -----------------------------------------------------------------------------

  function latestResponse(item) {
    for (var i = queue.length - 1; i >= 0; i--) {
      if (queue[i].item === item.identifier) {
        return JSON.parse(queue[i].body);
      }
    }
    return item.savedResponse;
  }

  function render() {
    body.textContent = '';
    var form = document.createElement('form');
    form.className = 'exam-questions';
    form.addEventListener('submit', function (e) {
      e.preventDefault();
    });
    items.forEach(function (item) {
      form.appendChild(renderItem(item));
    });
    var actions = document.createElement('p');
    actions.className = 'exam-actions';
    var submit = document.createElement('button');
    submit.type = 'button';
    submit.className = 'btn';
    submit.id = 'exam-submit';
    submit.textContent = t('submit');
    submit.addEventListener('click', submitAttempt);
    actions.appendChild(submit);
    form.appendChild(actions);
    body.appendChild(form);
    items.forEach(function (item) {
      showState(item.identifier);
    });
  }

  function renderItem(item) {
    var id = item.identifier;
    var section = document.createElement('section');
    section.className = 'question card';
    section.dataset.question = id;
    section.dataset.type = item.type;
    var h = document.createElement('h2');
    h.textContent = t('question', [item.position]);
    h.id = 'h-' + id;
    section.setAttribute('aria-labelledby', h.id);
    var stem = document.createElement('div');
    stem.className = 'stem';
    stem.innerHTML = item.stemHtml; // sanitized by the server
    section.append(h, stem);
    var saved = latestResponse(item) || {};
    var name = 'q-' + id;

    function choiceList(type, options, checked) {
      var list = document.createElement('div');
      list.className = 'choices';
      list.setAttribute('role', type === 'radio' ? 'radiogroup' : 'group');
      list.setAttribute('aria-labelledby', h.id);
      options.forEach(function (o) {
        var label = document.createElement('label');
        var input = document.createElement('input');
        input.type = type;
        input.name = name;
        input.value = o.id;
        input.checked = checked(o.id);
        input.addEventListener('change', function () {
          changed(item);
        });
        var span = document.createElement('span');
        if (o.html !== undefined) {
          span.innerHTML = o.html; // sanitized by the server
        } else {
          span.textContent = o.text;
        }
        label.append(input, span);
        list.appendChild(label);
      });
      return list;
    }

    switch (item.type) {
      case 'CHOICE_SINGLE':
        section.appendChild(choiceList('radio', item.choices, function (c) {
          return saved.choice === c;
        }));
        break;
      case 'TRUE_FALSE':
        section.appendChild(choiceList('radio', [
          {id: 'TRUE', text: t('true')}, {id: 'FALSE', text: t('false')}
        ], function (c) {
          return saved.choice === c;
        }));
        break;
      case 'CHOICE_MULTIPLE':
        section.appendChild(choiceList('checkbox', item.choices, function (c) {
          return (saved.choices || []).indexOf(c) >= 0;
        }));
        break;
      case 'SHORT_ANSWER':
      case 'NUMERICAL':
      case 'ESSAY': {
        var field = document.createElement('div');
        field.className = 'field';
        var label = document.createElement('label');
        label.htmlFor = 'a-' + id;
        label.textContent = t('answer');
        var input = document.createElement(item.type === 'ESSAY' ? 'textarea' : 'input');
        input.id = 'a-' + id;
        input.name = name;
        input.autocomplete = 'off';
        if (item.type === 'NUMERICAL') {
          input.inputMode = 'decimal';
        }
        if (item.type === 'ESSAY') {
          input.rows = 8;
        }
        input.value = saved.text || '';
        input.addEventListener('input', function () {
          clearTimeout(debounce[id]);
          debounce[id] = setTimeout(function () {
            changed(item);
          }, 700);
        });
        input.addEventListener('change', function () {
          clearTimeout(debounce[id]);
          changed(item);
        });
        field.append(label, input);
        section.appendChild(field);
        break;
      }
      case 'MATCHING':
        item.premises.forEach(function (p, i) {
          var row = document.createElement('div');
          row.className = 'match-row';
          var label = document.createElement('label');
          label.htmlFor = 'a-' + id + '-' + i;
          label.innerHTML = p.html; // sanitized by the server
          var select = document.createElement('select');
          select.id = 'a-' + id + '-' + i;
          select.dataset.premise = p.id;
          var none = document.createElement('option');
          none.value = '';
          none.textContent = t('choose');
          select.appendChild(none);
          item.answers.forEach(function (a) {
            var option = document.createElement('option');
            option.value = a;
            option.textContent = a;
            select.appendChild(option);
          });
          select.value = (saved.pairs || {})[p.id] || '';
          select.addEventListener('change', function () {
            changed(item);
          });
          row.append(label, select);
          section.appendChild(row);
        });
        break;
      case 'ORDERING':
        section.appendChild(orderList(item, saved.order, h.id));
        break;
      case 'CLOZE':
      case 'GAP_MATCH':
        // The stem holds [[G1]], [[G2]], ... where the gaps go: put a control in each.
        stem.innerHTML = item.stemHtml.replace(/\[\[([A-Za-z0-9]+)\]\]/g, function (m, gap) {
          return '<span class="gap" data-gap="' + gap + '"></span>';
        });
        item.gaps.forEach(function (gap, i) {
          var place = stem.querySelector('[data-gap="' + gap.id + '"]');
          if (place) {
            place.appendChild(gapControl(item, gap, i, (saved.gaps || {})[gap.id] || ''));
          }
        });
        break;
      default:
        break;
    }
    var state = document.createElement('p');
    state.className = 'q-state meta';
    state.setAttribute('aria-live', 'polite');
    section.appendChild(state);
    return section;
  }

  // An ordering question: a list the learner rearranges with buttons (works with a keyboard and
  // a screen reader, unlike dragging).
  function orderList(item, savedOrder, labelledBy) {
    var list = document.createElement('ol');
    list.className = 'order-list';
    list.setAttribute('aria-labelledby', labelledBy);
    var byId = {};
    item.choices.forEach(function (c) {
      byId[c.id] = c;
    });
    var ids = item.choices.map(function (c) {
      return c.id;
    });
    if (savedOrder && savedOrder.length === ids.length && savedOrder.every(function (id) {
      return byId[id];
    })) {
      ids = savedOrder.slice();
    }
    function move(li, delta) {
      var target = delta < 0 ? li.previousElementSibling : li.nextElementSibling;
      if (!target) {
        return;
      }
      if (delta < 0) {
        list.insertBefore(li, target);
      } else {
        list.insertBefore(target, li);
      }
      li.querySelector(delta < 0 ? '.up' : '.down').focus();
      changed(item);
    }
    ids.forEach(function (id) {
      var li = document.createElement('li');
      li.dataset.choice = id;
      var text = document.createElement('span');
      text.innerHTML = byId[id].html; // sanitized by the server
      var up = document.createElement('button');
      up.type = 'button';
      up.className = 'up';
      up.textContent = '\u2191';
      up.setAttribute('aria-label', t('up'));
      up.addEventListener('click', function () {
        move(li, -1);
      });
      var down = document.createElement('button');
      down.type = 'button';
      down.className = 'down';
      down.textContent = '\u2193';
      down.setAttribute('aria-label', t('down'));
      down.addEventListener('click', function () {
        move(li, 1);
      });
      li.append(text, up, down);
      list.appendChild(li);
    });
    return list;
  }

  // One gap of a cloze or gap-match question: a drop-down or a text field, labelled by its number.
  function gapControl(item, gap, index, value) {
    var label = t('gap', [index + 1]);
    var control;
    if (gap.kind === 'INLINE_CHOICE' || gap.kind === 'GAP_TEXT') {
      control = document.createElement('select');
      var none = document.createElement('option');
      none.value = '';
      none.textContent = t('choose');
      control.appendChild(none);
      (gap.kind === 'GAP_TEXT' ? item.gapTexts : gap.options).forEach(function (o) {
        var option = document.createElement('option');
        option.value = o.id;
        var tmp = document.createElement('span');
        tmp.innerHTML = o.html; // sanitized by the server; only its text goes in the option
        option.textContent = tmp.textContent;
        control.appendChild(option);
      });
      control.value = value;
      control.addEventListener('change', function () {
        changed(item);
      });
    } else if (gap.kind === 'MULTIPLE_RESPONSE') {
      control = document.createElement('span');
      control.setAttribute('role', 'group');
      var ticked = value ? value.split(',') : [];
      gap.options.forEach(function (o) {
        var l = document.createElement('label');
        var box = document.createElement('input');
        box.type = 'checkbox';
        box.value = o.id;
        box.checked = ticked.indexOf(o.id) >= 0;
        box.addEventListener('change', function () {
          changed(item);
        });
        var span = document.createElement('span');
        span.innerHTML = o.html; // sanitized by the server
        l.append(box, span);
        control.appendChild(l);
      });
    } else {
      control = document.createElement('input');
      control.autocomplete = 'off';
      control.size = 12;
      if (gap.kind === 'NUMERICAL') {
        control.inputMode = 'decimal';
      }
      control.value = value;
      var id = item.identifier + '/' + gap.id;
      control.addEventListener('input', function () {
        clearTimeout(debounce[id]);
        debounce[id] = setTimeout(function () {
          changed(item);
        }, 700);
      });
      control.addEventListener('change', function () {
        clearTimeout(debounce[id]);
        changed(item);
      });
    }
    control.dataset.gapControl = gap.id;
    control.setAttribute('aria-label', label);
    return control;
  }

  function collect(item) {
    var section = body.querySelector('[data-question="' + CSS.escape(item.identifier) + '"]');
    switch (item.type) {
      case 'CHOICE_SINGLE':
      case 'TRUE_FALSE': {
        var c = section.querySelector('input:checked');
        return c ? {choice: c.value} : null;
      }
      case 'CHOICE_MULTIPLE':
        return {choices: Array.prototype.map.call(section.querySelectorAll('input:checked'),
          function (i) {
            return i.value;
          }).sort()};
      case 'SHORT_ANSWER':
      case 'NUMERICAL':
      case 'ESSAY':
        return {text: section.querySelector('input, textarea').value};
      case 'ORDERING':
        return {order: Array.prototype.map.call(section.querySelectorAll('.order-list li'),
          function (li) {
            return li.dataset.choice;
          })};
      case 'CLOZE':
      case 'GAP_MATCH': {
        var gaps = {};
        section.querySelectorAll('[data-gap-control]').forEach(function (c) {
          var v;
          if (c.tagName === 'SPAN') {
            v = Array.prototype.map.call(c.querySelectorAll('input:checked'), function (i) {
              return i.value;
            }).sort().join(',');
          } else {
            v = c.value;
          }
          if (v) {
            gaps[c.dataset.gapControl] = v;
          }
        });
        return {gaps: gaps};
      }
      case 'MATCHING': {
        var pairs = {};
        section.querySelectorAll('select').forEach(function (s) {
          if (s.value) {
            pairs[s.dataset.premise] = s.value;
          }
        });
        return {pairs: pairs};
      }
      default:
        return null;
    }
  }

  function answered(item) {
    var r = latestResponse(item);
    if (!r) {
      return false;
    }
    if (r.choice) {
      return true;
    }
    if (r.choices) {
      return r.choices.length > 0;
    }
    if (r.text !== undefined) {
      return r.text.trim() !== '';
    }
    if (r.pairs) {
      return Object.keys(r.pairs).length > 0;
    }
    if (r.gaps) {
      return Object.keys(r.gaps).length > 0;
    }
    // An ordering question always has an order; it counts as answered once it was saved.
    return !!r.order;
  }

  function showState(itemId) {
    var section = body.querySelector('[data-question="' + CSS.escape(itemId) + '"]');
    if (!section) {
      return;
    }
    var el = section.querySelector('.q-state');
    var pending = queue.some(function (q) {
      return q.item === itemId;
    });
    var state;
    if (pending) {
      state = offline ? 'queued' : 'saving';
      el.textContent = offline ? t('queued', [1]) : t('saving');
    } else if (acked[itemId] > 0) {
      state = 'saved';
      el.textContent = t('saved');
    } else {
      state = 'empty';
      el.textContent = t('unanswered');
    }
    section.dataset.state = state;
  }

  // --- saving --------------------------------------------------------------------------------

  function changed(item) {
    if (ended || locked) {
      return;
    }
    var response = collect(item);
    if (response === null) {
      return;
    }
    var id = item.identifier;
    var version = Math.max(next[id] || 0, acked[id] || 0) + 1;
    next[id] = version;
    var entry = {item: id, version: version, body: JSON.stringify(response)};
    // An answer not yet on its way is replaced by the newer one (same question, higher version).
    var waiting = queue.findIndex(function (q, i) {
      return q.item === id && !(sending && i === 0);
    });
    if (waiting >= 0) {
      queue[waiting] = entry;
    } else {
      queue.push(entry);
    }
    persistQueue();
    showState(id);
    setNet(offline);
    pump();
  }

  function pump() {
    if (sending || locked || ended || !queue.length || !token) {
      return;
    }
    sending = true;
    var entry = queue[0];
    call('PUT', 'attempts/' + attempt.id + '/responses/' + encodeURIComponent(entry.item),
      entry.body, {'X-Delivery-Token': token, 'X-Response-Version': String(entry.version)})
      .then(function (r) {
        sending = false;
        var outcome = r.json && r.json.outcome;
        if (r.status === 200) {
          acked[entry.item] = Math.max(acked[entry.item] || 0, entry.version);
          done(entry);
        } else if (outcome === 'STALE' || outcome === 'CONFLICT') {
          // The server holds a newer answer (another tab or device): show that one.
          done(entry);
          say(t('stale'), 'info');
          refreshItems();
        } else if (outcome === 'LOCKED') {
          // Taken over: what this tab still had to send is refused; drop it so that nobody sends it.
          locked = true;
          queue = [];
          persistQueue();
          items.forEach(function (i) {
            showState(i.identifier);
          });
          say(t('locked'), 'error', {id: 'exam-takeover', label: t('takeover'), run: function () {
            openDelivery(true);
          }});
        } else if (r.status === 410) {
          showEnd();
        } else if (r.status === 401 || r.status === 403) {
          // Logged out (session expired): the queue stays on this device for after the login.
          fail(r);
        } else if (r.status >= 400 && r.status < 500) {
          done(entry);
          fail(r);
        } else {
          retry();
          return;
        }
        if (offline) {
          setNet(false);
        }
        retryDelay = 1000;
        pump();
      })
      .catch(function () {
        sending = false;
        setNet(true);
        items.forEach(function (i) {
          showState(i.identifier);
        });
        retry();
      });
  }

  function done(entry) {
    if (queue[0] === entry) {
      queue.shift();
    }
    persistQueue();
    showState(entry.item);
    setNet(offline);
  }

  function retry() {
    clearTimeout(retryTimer);
    retryTimer = setTimeout(pump, retryDelay);
    retryDelay = Math.min(retryDelay * 2, 15000);
  }

  function refreshItems() {
    call('GET', 'attempts/' + attempt.id + '/items').then(function (r) {
      if (r.status === 200) {
        items = r.json.items;
        items.forEach(function (item) {
          acked[item.identifier] = item.savedVersion;
          next[item.identifier] = Math.max(next[item.identifier] || 0, item.savedVersion);
        });
        render();
      }
    });
  }

  // --- time ----------------------------------------------------------------------------------

  function readClock(a) {
    clockBase = a.timeLeftMs === null ? null : {left: a.timeLeftMs, at: performance.now()};
  }

  function tick() {
    if (ended || !attempt) {
      return;
    }
    if (clockBase === null) {
      timerEl.textContent = t('notimelimit');
      return;
    }
    var left = Math.max(0, clockBase.left - (performance.now() - clockBase.at));
    var s = Math.ceil(left / 1000);
    var text = Math.floor(s / 60) + ':' + String(s % 60).padStart(2, '0');
    timerEl.textContent = t('timeleft', [text]);
    timerEl.classList.toggle('low', s <= 60);
    if (left <= 0) {
      timerEl.textContent = t('timeup');
      // The server submits at the deadline; ask every 5 s until it says so.
      if (performance.now() - lastAsked > 5000) {
        lastAsked = performance.now();
        refreshAttempt();
      }
    }
  }

  function refreshAttempt() {
    if (!attempt) {
      return;
    }
    call('GET', 'attempts/' + attempt.id).then(function (r) {
      if (r.status === 200) {
        attempt = r.json;
        readClock(attempt);
        if (attempt.status === 'SUBMITTED') {
          showEnd();
        }
      }
      if (offline && r.status < 500) {
        setNet(false);
        pump();
      }
    }).catch(function () {
      setNet(true);
    });
  }

  setInterval(tick, 1000);
  setInterval(refreshAttempt, 30000);

  // --- focus, network ------------------------------------------------------------------------

  document.addEventListener('visibilitychange', function () {
    if (!token || ended || locked) {
      return;
    }
    call('POST', 'attempts/' + attempt.id + '/events', {
      kind: document.hidden ? 'FOCUS_LOST' : 'FOCUS_REGAINED',
      detail: document.hidden ? 'page hidden' : 'page visible'
    }, {'X-Delivery-Token': token}).catch(function () {
      // best effort: the log is for the teacher, the answers are what must not be lost
    });
  });
  window.addEventListener('offline', function () {
    setNet(true);
  });
  window.addEventListener('online', function () {
    retryDelay = 1000;
    clearTimeout(retryTimer);
    pump();
    refreshAttempt();
  });

  // --- submit and the end --------------------------------------------------------------------

  function submitAttempt() {
    if (queue.length) {
      say(t('waitforsync'), 'info');
      pump();
      return;
    }
    var open = items.filter(function (i) {
      return i.type !== 'DESCRIPTION' && !answered(i);
    }).length;
    var question = open ? t('confirmunanswered', [open]) : t('confirmsubmit');
    if (!window.confirm(question)) {
      return;
    }
    call('POST', 'attempts/' + attempt.id + '/submit', undefined, {'X-Delivery-Token': token})
      .then(function (r) {
        if (r.status === 200) {
          attempt = r.json;
          showEnd();
        } else {
          fail(r);
        }
      })
      .catch(function () {
        setNet(true);
        say(t('waitforsync'), 'info');
      });
  }

  function showEnd() {
    ended = true;
    clearTimeout(retryTimer);
    try {
      localStorage.removeItem(queueKey());
      sessionStorage.removeItem(tokenKey());
    } catch (e) {
      // nothing to clean
    }
    call('GET', 'attempts/' + attempt.id).then(function (r) {
      if (r.status === 200) {
        attempt = r.json;
      }
      timerEl.textContent = '';
      netEl.textContent = '';
      body.textContent = '';
      var card = document.createElement('div');
      card.className = 'card exam-end';
      card.id = 'exam-end';
      var p = document.createElement('p');
      p.textContent = t('submitted', [new Date(attempt.submittedAt).toLocaleString()]);
      var receipts = document.createElement('a');
      receipts.className = 'btn';
      receipts.id = 'exam-receipts';
      receipts.href = api + 'attempts/' + attempt.id + '/receipts';
      receipts.download = 'ontvangstbewijzen-' + attempt.id + '.json';
      receipts.textContent = t('receipts', [attempt.receiptCount]);
      card.append(p, receipts);
      backLink(card);
      body.appendChild(card);
      say('');
      return call('GET', 'attempts/' + attempt.id + '/review');
    }).then(function (r) {
      if (!r || r.status !== 200 || r.json.review === 'NONE') {
        return;
      }
      var result = document.createElement('p');
      result.id = 'exam-result';
      if (!r.json.graded) {
        result.textContent = t('awaitinggrading');
      } else {
        var score = t('score', [String(r.json.scoreRaw).replace('.', ','),
          String(r.json.scoreMax).replace('.', ',')]);
        if (r.json.passed !== null) {
          score += ' \u2013 ' + (r.json.passed ? t('passed') : t('failed'));
        }
        result.textContent = score;
      }
      var card = document.getElementById('exam-end');
      card.insertBefore(result, card.children[1]);
    }).catch(function () {
      // the result is a courtesy; the submission itself is done
    });
  }

  function backLink(parent) {
    var back = document.createElement('p');
    var a = document.createElement('a');
    a.href = root.dataset.list;
    a.textContent = t('back');
    back.appendChild(a);
    parent.appendChild(back);
  }

  start(null);
})();
