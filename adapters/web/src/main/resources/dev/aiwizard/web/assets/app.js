// AI Wizard's pages work without this script; it adds live updates. No inline script anywhere (see the CSP).
"use strict";

// A running job's page follows the job's server-sent events and updates its fields in place; when the job is over
// the page loads itself again, now with the files, the validation report and the links. No polling.
(function followJob() {
  var job = document.querySelector("[data-job-events]");
  if (!job || !window.EventSource) {
    return;
  }
  var source = new EventSource(job.getAttribute("data-job-events"));
  source.addEventListener("job", function (event) {
    var fields = JSON.parse(event.data);
    Object.keys(fields).forEach(function (name) {
      var element = job.querySelector("[data-job-field=\"" + name + "\"]");
      if (element) {
        element.textContent = fields[name];
      }
    });
    job.setAttribute("data-job-state", fields.state);
  });
  source.addEventListener("end", function () {
    source.close();
    window.location.reload();
  });
})();
