/*
 * The cmi5 side of the launcher (window.BorgPackageRuntime, used by launcher.js): the
 * assignable unit's part of the cmi5 specification (Quartz, §7-§10).
 *
 * start: the launch parameters (endpoint, fetch, registration, activityId, actor), the
 * authorization token from the fetch URL (asked once; kept in sessionStorage for a
 * reload), the LMS.LaunchData state, the learner preferences, this package's own state
 * document (the learner token, and whether completion was already reported in this
 * registration), then the statement "initialized".
 * keep: the learner token into the state document.
 * complete: in launchMode Normal, "completed", and where the module has exercises
 * "passed" (or "failed" below the LMS's masteryScore; without one, completing the
 * module passes it) with the score; then "terminated".
 * finish (the page is left): "terminated" if it was not sent yet.
 */
(function () {
  "use strict";

  var VERBS = "http://adlnet.gov/expapi/verbs/";
  var CATEGORY_CMI5 = "https://w3id.org/xapi/cmi5/context/categories/cmi5";
  var CATEGORY_MOVEON = "https://w3id.org/xapi/cmi5/context/categories/moveon";
  var MASTERY_SCORE = "https://w3id.org/xapi/cmi5/context/extensions/masteryscore";
  var STATE_ID = "https://w3id.org/xapi/borg-learning/package-state";

  var launch = null;
  var auth = null;
  var launchData = {};
  var state = {};
  var session = null;
  var terminated = false;
  var startedAt = Date.now();

  function parameters() {
    var query = new URLSearchParams(window.location.search);
    var found = {};
    ["endpoint", "fetch", "registration", "activityId", "actor"].forEach(function (name) {
      found[name] = query.get(name);
    });
    if (!found.endpoint || !found.fetch || !found.registration || !found.activityId || !found.actor) {
      throw new Error("Not launched by a cmi5 LMS");
    }
    found.endpoint = found.endpoint.replace(/\/?$/, "/");
    found.actor = JSON.parse(found.actor);
    return found;
  }

  function uuid() {
    if (window.crypto && crypto.randomUUID) {
      return crypto.randomUUID();
    }
    var bytes = crypto.getRandomValues(new Uint8Array(16));
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    var hex = Array.prototype.map
      .call(bytes, function (byte) {
        return (byte + 0x100).toString(16).slice(1);
      })
      .join("");
    return [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16), hex.slice(16, 20), hex.slice(20)].join("-");
  }

  function duration() {
    return "PT" + ((Date.now() - startedAt) / 1000).toFixed(2) + "S";
  }

  function lrs(method, path, query, body, keepalive) {
    var url = launch.endpoint + path + (query ? "?" + new URLSearchParams(query).toString() : "");
    var headers = { Authorization: "Basic " + auth, "X-Experience-API-Version": "1.0.3" };
    if (body !== undefined) {
      headers["Content-Type"] = "application/json";
    }
    return fetch(url, {
      method: method,
      headers: headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      keepalive: Boolean(keepalive),
      cache: "no-store",
    });
  }

  function stateQuery(stateId) {
    return {
      stateId: stateId,
      activityId: launch.activityId,
      agent: JSON.stringify(launch.actor),
      registration: launch.registration,
    };
  }

  function readJson(response) {
    return response.ok ? response.json().catch(function () { return {}; }) : {};
  }

  function authorize() {
    var stored = "borg-cmi5-auth:" + launch.fetch;
    try {
      auth = sessionStorage.getItem(stored);
    } catch (error) {
      auth = null;
    }
    if (auth) {
      return Promise.resolve();
    }
    return fetch(launch.fetch, { method: "POST", cache: "no-store" })
      .then(function (response) {
        return response.json();
      })
      .then(function (answer) {
        if (!answer["auth-token"]) {
          throw new Error("The LMS gave no authorization token: " + JSON.stringify(answer));
        }
        auth = answer["auth-token"];
        try {
          sessionStorage.setItem(stored, auth);
        } catch (error) {
          // Private mode: a reload asks again (and the LMS refuses).
        }
      });
  }

  function context(categories, extensions) {
    var made = JSON.parse(JSON.stringify(launchData.contextTemplate || {}));
    made.registration = launch.registration;
    made.contextActivities = made.contextActivities || {};
    var category = made.contextActivities.category || [];
    categories.forEach(function (id) {
      if (!category.some(function (activity) { return activity.id === id; })) {
        category.push({ id: id, objectType: "Activity" });
      }
    });
    made.contextActivities.category = category;
    if (extensions) {
      made.extensions = Object.assign(made.extensions || {}, extensions);
    }
    return made;
  }

  function send(verb, result, categories, extensions) {
    var statement = {
      id: uuid(),
      actor: launch.actor,
      verb: { id: VERBS + verb, display: { "en-US": verb } },
      object: { id: launch.activityId, objectType: "Activity" },
      context: context(categories, extensions),
      timestamp: new Date().toISOString(),
    };
    if (result) {
      statement.result = result;
    }
    return lrs("POST", "statements", null, [statement], verb === "terminated").then(function (response) {
      if (!response.ok) {
        throw new Error("The LRS refused the statement " + verb + ": HTTP " + response.status);
      }
    });
  }

  function saveState() {
    return lrs("PUT", "activities/state", stateQuery(STATE_ID), state);
  }

  function terminate() {
    if (terminated || !session) {
      return Promise.resolve();
    }
    terminated = true;
    return send("terminated", { duration: duration() }, [CATEGORY_CMI5]);
  }

  window.BorgPackageRuntime = {
    name: "cmi5",

    start: function () {
      if (session) {
        return Promise.resolve(session);
      }
      launch = parameters();
      return authorize()
        .then(function () {
          return lrs("GET", "activities/state", stateQuery("LMS.LaunchData")).then(readJson);
        })
        .then(function (found) {
          launchData = found || {};
          // Required of an AU on start; this launcher has no preferences to apply.
          return lrs("GET", "agents/profile", {
            agent: JSON.stringify(launch.actor),
            profileId: "cmi5LearnerPreferences",
          });
        })
        .then(function () {
          return lrs("GET", "activities/state", stateQuery(STATE_ID)).then(readJson);
        })
        .then(function (found) {
          state = found || {};
          session = {
            learner: typeof state.learner === "string" ? state.learner : null,
            completed: Boolean(state.reported),
          };
          return send("initialized", null, [CATEGORY_CMI5]);
        })
        .then(function () {
          return session;
        });
    },

    keep: function (token) {
      state.learner = token;
      return saveState();
    },

    complete: function (score) {
      var reports = Promise.resolve();
      if (launchData.launchMode === "Normal" && !state.reported) {
        var time = duration();
        reports = send("completed", { completion: true, duration: time }, [CATEGORY_CMI5, CATEGORY_MOVEON]);
        if (score && score.max > 0) {
          var mastery = typeof launchData.masteryScore === "number" ? launchData.masteryScore : null;
          var passed = mastery === null || score.scaled >= mastery;
          var result = {
            score: { scaled: score.scaled, raw: score.raw, min: 0, max: score.max },
            success: passed,
            duration: time,
          };
          var extensions = {};
          if (mastery !== null) {
            extensions[MASTERY_SCORE] = mastery;
          }
          reports = reports.then(function () {
            return send(passed ? "passed" : "failed", result, [CATEGORY_CMI5, CATEGORY_MOVEON], extensions);
          });
        }
        reports = reports.then(function () {
          state.reported = true;
          return saveState();
        });
      }
      return reports.then(terminate);
    },

    finish: function () {
      terminate();
    },

    returnUrl: function () {
      return launchData.returnURL || null;
    },
  };
})();
