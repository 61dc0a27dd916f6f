/*
 * The launcher of an LMS package (SCORM 1.2 or cmi5): it runs in the LMS, opens the
 * module in the learning environment's frontend and tells the LMS when the learner has
 * completed it.
 *
 * 1. The runtime adapter (scorm12.js or cmi5.js, window.BorgPackageRuntime) starts the
 *    LMS session and gives back the learner token the LMS kept for this learner, if any.
 * 2. POST <site>/learning/packages/start/ {package, learner}: the learner token to go on
 *    with (kept in the LMS when it is new) and the module's address in the frontend,
 *    with the token in its fragment.
 * 3. The learner opens it in a new window. The frontend is another site (and its
 *    Cross-Origin-Opener-Policy cuts the tie to the window that opened it), so this page
 *    asks POST <site>/learning/packages/status/ {package, learner} whether the module is
 *    completed: every config.pollSeconds, when the learner comes back to this page, and
 *    when they press "check".
 * 4. Completed: the adapter reports completion (and the score) to the LMS and ends the
 *    session. Leaving the page before that ends the session too.
 *
 * The requests carry the token in a text/plain JSON body: no cookie, no CORS preflight.
 */
(function () {
  "use strict";

  var config = JSON.parse(document.getElementById("borg-package").textContent);
  var runtime = window.BorgPackageRuntime;
  var statusText = document.getElementById("status");
  var openLink = document.getElementById("open");
  var checkButton = document.getElementById("check");
  var retryButton = document.getElementById("retry");
  var returnLink = document.getElementById("return");

  var learner = null;
  var done = false;
  var asking = false;
  var pollTimer = null;

  function say(key) {
    statusText.textContent = config.texts[key];
  }

  function post(url, body) {
    return fetch(url, {
      method: "POST",
      headers: { "Content-Type": "text/plain" },
      body: JSON.stringify(body),
      credentials: "omit",
      cache: "no-store",
    }).then(function (response) {
      return response
        .json()
        .catch(function () {
          return {};
        })
        .then(function (data) {
          if (!response.ok) {
            var error = new Error(data.error || "HTTP " + response.status);
            error.code = data.code;
            throw error;
          }
          return data;
        });
    });
  }

  function stopAsking() {
    clearInterval(pollTimer);
    checkButton.hidden = true;
  }

  function refused(error) {
    var code = error && error.code;
    if (code === "not_published" || code === "unknown_learner") {
      stopAsking();
      say(code === "not_published" ? "gone" : "lost");
    } else {
      say("unreachable");
      retryButton.hidden = false;
    }
  }

  function showReturn() {
    var url = runtime.returnUrl && runtime.returnUrl();
    if (url) {
      returnLink.href = url;
      returnLink.hidden = false;
    }
  }

  function check() {
    if (done || asking || !learner) {
      return;
    }
    asking = true;
    post(config.status, { package: config.package, learner: learner })
      .then(function (answer) {
        if (!answer.completed || done) {
          return;
        }
        done = true;
        stopAsking();
        return Promise.resolve(runtime.complete(answer.score || null)).then(function () {
          say("completed");
          showReturn();
        });
      })
      .catch(refused)
      .then(function () {
        asking = false;
      });
  }

  function begin() {
    retryButton.hidden = true;
    say("starting");
    Promise.resolve()
      .then(function () {
        return runtime.start();
      })
      .then(
        function (session) {
          learner = session.learner;
          return post(config.start, { package: config.package, learner: learner }).then(
            function (started) {
              var kept =
                started.learner === learner ? null : runtime.keep(started.learner);
              learner = started.learner;
              openLink.href = started.url;
              openLink.hidden = false;
              say(session.completed ? "completed" : "ready");
              clearInterval(pollTimer);
              pollTimer = setInterval(check, config.pollSeconds * 1000);
              return Promise.resolve(kept).then(check);
            },
            refused
          );
        },
        function () {
          say("noLms");
        }
      );
  }

  openLink.addEventListener("click", function () {
    if (!done) {
      say("working");
      checkButton.hidden = false;
    }
  });
  checkButton.addEventListener("click", check);
  retryButton.addEventListener("click", begin);
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "visible") {
      check();
    }
  });
  window.addEventListener("focus", check);
  window.addEventListener("pagehide", function () {
    runtime.finish();
  });

  begin();
})();
