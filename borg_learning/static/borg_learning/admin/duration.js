// The duration panel of a module or part follows the editor's typing: when the page form
// changes, it is sent to the app's estimate view, which answers with the panel for the
// content as it is in the form (the estimate rule stays on the server, in
// borg_learning/content/duration.py). A Stimulus controller, as Wagtail's own admin
// scripts are; registered on Wagtail's Stimulus application.
(function () {
  "use strict";

  const DELAY = 600; // ms after the last change
  const POLL = 1500; // choosers and block moves change the form without an input event

  function register() {
    const wagtail = window.wagtail;
    const Stimulus = window.StimulusModule;
    if (!wagtail || !wagtail.app || !Stimulus) return false;

    class DurationController extends Stimulus.Controller {
      static values = { url: String, page: String };

      connect() {
        this.form = this.element.closest("form");
        if (!this.form) return;
        // The form's widgets fill in their fields after this connects (rich text,
        // choosers, blocks): the first poll takes the state to compare with, so a page
        // that was only opened sends nothing.
        this.last = null;
        this.schedule = this.schedule.bind(this);
        this.form.addEventListener("input", this.schedule);
        this.form.addEventListener("change", this.schedule);
        this.poll = window.setInterval(() => {
          const state = this.serialize();
          if (this.last === null) this.last = state;
          else if (state !== this.last) this.schedule();
        }, POLL);
      }

      disconnect() {
        if (!this.form) return;
        this.form.removeEventListener("input", this.schedule);
        this.form.removeEventListener("change", this.schedule);
        window.clearInterval(this.poll);
        window.clearTimeout(this.timer);
      }

      formData() {
        const data = new FormData(this.form);
        data.set("borg_page_id", this.pageValue || "");
        return data;
      }

      serialize() {
        const parts = [];
        new FormData(this.form).forEach((value, key) => {
          if (typeof value === "string") parts.push(`${key}=${value}`);
        });
        return parts.join("&");
      }

      schedule() {
        window.clearTimeout(this.timer);
        this.timer = window.setTimeout(() => this.update(), DELAY);
      }

      async update() {
        const state = this.serialize();
        this.last = state;
        try {
          const response = await fetch(this.urlValue, {
            method: "POST",
            body: this.formData(),
            credentials: "same-origin",
            headers: { "X-Requested-With": "XMLHttpRequest" },
          });
          if (!response.ok || state !== this.last) return;
          const html = await response.text();
          const fresh = new DOMParser().parseFromString(html, "text/html");
          const estimate = fresh.querySelector("[data-duration-estimate]");
          const current = this.element.querySelector("[data-duration-estimate]");
          if (estimate && current) current.replaceWith(estimate);
        } catch (error) {
          // Offline or the session ended: the panel keeps its last estimate.
        }
      }
    }

    wagtail.app.register("borg-duration", DurationController);
    return true;
  }

  if (!register()) document.addEventListener("DOMContentLoaded", register, { once: true });
})();
