// The phone page of a team session: join, vote, and follow the room's live state.
// Plain JavaScript, no framework. Text is written only through textContent, never as markup.
"use strict";
(function () {
  var body = document.body;
  var code = body.dataset.code;
  var lang = body.dataset.lang;
  var key = "cf-team-" + code;
  var token = null;
  var state = null;
  var source = null;
  var timer = null;
  var deadline = 0;
  var $ = function (id) { return document.getElementById(id); };

  function show(section) {
    $("loading").hidden = true;
    $("join").hidden = section !== "join";
    $("play").hidden = section !== "play";
  }

  function errorText(key) {
    var name = "err" + key.replace(/(^|-)([a-z])/g, function (_, __, c) { return c.toUpperCase(); });
    return body.dataset[name] || body.dataset.errNetwork;
  }

  function post(path, data) {
    return fetch(path, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(data),
      cache: "no-store"
    }).then(function (r) {
      if (r.status === 204) { return { ok: true, status: 204, data: {} }; }
      return r.json().then(function (d) { return { ok: r.ok, status: r.status, data: d }; },
        function () { return { ok: r.ok, status: r.status, data: {} }; });
    });
  }

  function forget() {
    try { localStorage.removeItem(key); } catch (e) { /* private mode: nothing stored */ }
    token = null;
    if (source) { source.close(); source = null; }
  }

  function joinForm() {
    forget();
    show("join");
  }

  $("join-form").addEventListener("submit", function (e) {
    e.preventDefault();
    var nick = $("nickname").value.trim();
    var team = document.querySelector("input[name=team]:checked");
    var err = $("join-error");
    err.textContent = "";
    if (!nick) { err.textContent = errorText("nickname-empty"); return; }
    var data = { nickname: nick };
    if (team) { data.team = parseInt(team.value, 10); }
    $("join-button").disabled = true;
    post("join", data).then(function (r) {
      $("join-button").disabled = false;
      if (!r.ok) { err.textContent = errorText(r.data.error || "network"); return; }
      token = r.data.token;
      try { localStorage.setItem(key, token); } catch (e2) { /* kept for this tab only */ }
      connect();
    }, function () {
      $("join-button").disabled = false;
      err.textContent = errorText("network");
    });
  });

  $("leave").addEventListener("click", function () {
    if (token) { post("leave", { token: token }); }
    joinForm();
  });

  function connect() {
    show("play");
    if (source) { source.close(); }
    source = new EventSource("events?token=" + encodeURIComponent(token) + "&lang=" + lang);
    source.addEventListener("state", function (e) {
      body.classList.remove("offline");
      render(JSON.parse(e.data));
    });
    source.onerror = function () {
      body.classList.add("offline");
      $("status").textContent = body.dataset.offline;
      // The browser retries by itself; if it gave up (the server refused the token), check who we are.
      if (source && source.readyState === EventSource.CLOSED) { setTimeout(rejoin, 2000); }
    };
  }

  function rejoin() {
    if (!token) { joinForm(); return; }
    post("me", { token: token }).then(function (r) {
      if (r.ok) { connect(); } else if (r.status === 404) { joinForm(); } else { setTimeout(rejoin, 3000); }
    }, function () {
      body.classList.add("offline");
      show("play");
      $("status").textContent = body.dataset.offline;
      setTimeout(rejoin, 3000);
    });
  }

  function letter(i) { return String.fromCharCode(65 + i); }

  function render(s) {
    state = s;
    body.dataset.phase = s.phase;
    $("me-name").textContent = s.nickname || "";
    $("me-team").textContent = s.team || "";
    $("status").textContent = s.status;
    $("result").textContent = s.result;
    $("prompt").textContent = s.prompt;
    $("vote-error").textContent = "";
    var box = $("options");
    box.textContent = "";
    var total = 0;
    if (s.counts) { s.counts.forEach(function (c) { total += c; }); }
    s.options.forEach(function (text, i) {
      var b = document.createElement("button");
      b.type = "button";
      b.className = "option";
      b.dataset.option = String(i);
      if (s.myVote === i) { b.classList.add("mine"); b.setAttribute("aria-pressed", "true"); }
      if (s.chosen.indexOf(i) >= 0 && s.correct === null) { b.classList.add("chosen"); }
      if (s.correct === i) { b.classList.add("correct"); }
      b.disabled = s.phase !== "open";
      if (s.counts) {
        var bar = document.createElement("span");
        bar.className = "bar";
        bar.style.width = (total ? Math.round(100 * s.counts[i] / total) : 0) + "%";
        b.appendChild(bar);
      }
      var l = document.createElement("span");
      l.className = "letter";
      l.textContent = letter(i);
      b.appendChild(l);
      var t = document.createElement("span");
      t.className = "text";
      t.textContent = text;
      b.appendChild(t);
      if (s.counts) {
        var c = document.createElement("span");
        c.className = "count";
        c.textContent = String(s.counts[i]);
        b.appendChild(c);
      }
      b.addEventListener("click", function () { vote(i); });
      box.appendChild(b);
    });
    deadline = s.remainingMs > 0 ? Date.now() + s.remainingMs : 0;
    tick();
    if (s.phase === "removed") {
      // Removed by the trainer: back to the join form, saying why (a new nickname may be welcome).
      joinForm();
      $("join-error").textContent = s.status;
    } else if (s.phase === "ended") {
      if (source) { source.close(); source = null; }
      $("leave").hidden = true;
    } else {
      $("leave").hidden = false;
    }
  }

  function tick() {
    if (timer) { clearTimeout(timer); timer = null; }
    var left = deadline - Date.now();
    if (deadline && left > 0 && state && state.phase === "open") {
      $("timer").textContent = body.dataset.seconds.replace("{n}", String(Math.ceil(left / 1000)));
      timer = setTimeout(tick, 250);
    } else {
      $("timer").textContent = "";
    }
  }

  function vote(i) {
    if (!state || state.phase !== "open") { return; }
    post("vote", { token: token, question: state.question, option: i }).then(function (r) {
      if (r.ok) {
        state.myVote = i;
        var buttons = document.querySelectorAll(".option");
        Array.prototype.forEach.call(buttons, function (b) {
          var mine = b.dataset.option === String(i);
          b.classList.toggle("mine", mine);
          b.setAttribute("aria-pressed", mine ? "true" : "false");
        });
        $("result").textContent = body.dataset.yourVote
          ? body.dataset.yourVote.replace("{option}", letter(i)) : "";
      } else if (r.status === 404) {
        joinForm();
      } else {
        $("vote-error").textContent = errorText(r.data.error || "network");
      }
    }, function () { $("vote-error").textContent = errorText("network"); });
  }

  try { token = localStorage.getItem(key); } catch (e) { token = null; }
  if (token) { rejoin(); } else { show("join"); }
})();
