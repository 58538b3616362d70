// AI Wizard's pages work without this script: forms post and pages load as usual. It adds live updates (server-sent
// events: when the bot says something, the changed part of the page is fetched again) and sends a conversation's
// forms without reloading the page. No inline script anywhere (see the Content-Security-Policy).
"use strict";

(function () {
  const live = document.querySelector("[data-live]");
  if (!live) {
    return;
  }
  const thread = document.getElementById("thread");
  let refreshing = null;

  // Fetches the conversation's changing part and puts it in place, keeping what the person is typing.
  function refresh() {
    if (refreshing) {
      refreshing.again = true;
      return refreshing.done;
    }
    refreshing = { again: false };
    refreshing.done = fetch(live.dataset.part, { headers: { Accept: "text/html" }, credentials: "same-origin" })
      .then((res) => (res.ok ? res.text() : Promise.reject(new Error("status " + res.status))))
      .then((html) => {
        const box = thread.querySelector("textarea");
        const typed = box ? box.value : "";
        const focused = box && document.activeElement === box;
        thread.innerHTML = html;
        const fresh = thread.querySelector("textarea");
        if (fresh) {
          fresh.value = typed;
          if (focused) {
            fresh.focus();
          }
        }
      })
      .catch(() => { /* the next event tries again; the page itself still works */ })
      .finally(() => {
        const again = refreshing.again;
        refreshing = null;
        if (again) {
          refresh();
        }
      });
    return refreshing.done;
  }

  if (window.EventSource) {
    const events = new EventSource(live.dataset.live);
    events.addEventListener("changed", refresh);
    window.addEventListener("pagehide", () => events.close());
  }

  // The conversation's forms, sent in the background: the answer arrives through the events.
  thread.addEventListener("submit", (event) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || !window.fetch) {
      return;
    }
    event.preventDefault();
    // The form is replaced by the fresh one: a person on the keyboard goes on in the new answer box, not from the top.
    const keepFocus = form.contains(document.activeElement);
    const body = new URLSearchParams(new FormData(form, event.submitter));
    const buttons = form.querySelectorAll("button");
    buttons.forEach((b) => { b.disabled = true; });
    fetch(form.action, { method: "POST", body: body, credentials: "same-origin", redirect: "manual" })
      .then((res) => {
        if (res.type === "opaqueredirect" || res.ok) {
          const box = form.querySelector("textarea");
          if (box) {
            box.value = "";
          }
          return refresh().then(() => {
            const fresh = thread.querySelector("textarea");
            if (keepFocus && fresh) {
              fresh.focus();
            }
          });
        }
        form.submit(); // let the server's own page say what went wrong
        return null;
      })
      .catch(() => form.submit())
      .finally(() => buttons.forEach((b) => { b.disabled = false; }));
  });
})();

// A running job's page follows the job's server-sent events and updates its fields in place; when the job is over
// the page loads itself again, now with the files, the validation report and the links. No polling.
(function () {
  const job = document.querySelector("[data-job-events]");
  if (!job || !window.EventSource) {
    return;
  }
  const events = new EventSource(job.dataset.jobEvents);
  events.addEventListener("job", (event) => {
    const fields = JSON.parse(event.data);
    Object.keys(fields).forEach((name) => {
      const element = job.querySelector("[data-job-field=\"" + name + "\"]");
      if (element) {
        element.textContent = fields[name];
      }
    });
    job.dataset.jobState = fields.state;
  });
  events.addEventListener("end", () => {
    events.close();
    window.location.reload();
  });
  window.addEventListener("pagehide", () => events.close());
})();
