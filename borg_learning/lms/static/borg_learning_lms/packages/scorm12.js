/*
 * The SCORM 1.2 side of the launcher (window.BorgPackageRuntime, used by launcher.js).
 *
 * The LMS's runtime API is the object "API" in a parent frame of this page (or of the
 * window that opened it). start: LMSInitialize, the learner token from
 * cmi.suspend_data, the lesson "incomplete" from now on. keep: the token into
 * cmi.suspend_data, LMSCommit. complete: cmi.core.score.raw (0-100, with min and max)
 * where the module has exercises, cmi.core.lesson_status "completed", LMSCommit,
 * LMSFinish. finish (the page is left): the session time, "suspend" when the lesson is
 * not completed yet (so the LMS keeps the token for the next launch), LMSFinish.
 */
(function () {
  "use strict";

  var api = null;
  var session = null;
  var completed = false;
  var finished = false;
  var startedAt = Date.now();

  function apiIn(win) {
    for (var depth = 0; win && depth < 10; depth += 1) {
      try {
        if (win.API) {
          return win.API;
        }
      } catch (error) {
        // A frame of another site: its API cannot be ours.
      }
      if (win.parent === win) {
        break;
      }
      win = win.parent;
    }
    return null;
  }

  function findApi() {
    return apiIn(window) || (window.opener ? apiIn(window.opener) : null);
  }

  function ok(result) {
    return result === true || result === "true";
  }

  function twoDigits(number) {
    return (number < 10 ? "0" : "") + number;
  }

  // CMITimespan: HHHH:MM:SS.SS
  function sessionTime() {
    var seconds = (Date.now() - startedAt) / 1000;
    var hours = Math.floor(seconds / 3600);
    var minutes = Math.floor((seconds % 3600) / 60);
    var rest = (seconds % 60).toFixed(2);
    return twoDigits(hours) + ":" + twoDigits(minutes) + ":" + (rest < 10 ? "0" : "") + rest;
  }

  window.BorgPackageRuntime = {
    name: "scorm12",

    start: function () {
      if (session) {
        return session;
      }
      api = findApi();
      if (!api || !ok(api.LMSInitialize(""))) {
        throw new Error("No SCORM 1.2 runtime API");
      }
      var kept = null;
      try {
        kept = JSON.parse(api.LMSGetValue("cmi.suspend_data") || "null");
      } catch (error) {
        kept = null;
      }
      var status = api.LMSGetValue("cmi.core.lesson_status");
      completed = status === "completed" || status === "passed";
      if (!status || status === "not attempted") {
        api.LMSSetValue("cmi.core.lesson_status", "incomplete");
      }
      session = {
        learner: kept && typeof kept.learner === "string" ? kept.learner : null,
        completed: completed,
      };
      return session;
    },

    keep: function (token) {
      if (finished) {
        return;
      }
      api.LMSSetValue("cmi.suspend_data", JSON.stringify({ learner: token }));
      api.LMSCommit("");
    },

    complete: function (score) {
      if (finished) {
        return;
      }
      if (score && score.max > 0) {
        api.LMSSetValue("cmi.core.score.min", "0");
        api.LMSSetValue("cmi.core.score.max", "100");
        api.LMSSetValue("cmi.core.score.raw", String(Math.round(score.scaled * 100)));
      }
      api.LMSSetValue("cmi.core.lesson_status", "completed");
      completed = true;
      api.LMSCommit("");
      this.finish();
    },

    finish: function () {
      if (!api || !session || finished) {
        return;
      }
      finished = true;
      api.LMSSetValue("cmi.core.session_time", sessionTime());
      api.LMSSetValue("cmi.core.exit", completed ? "" : "suspend");
      api.LMSCommit("");
      api.LMSFinish("");
    },

    returnUrl: function () {
      return null;
    },
  };
})();
