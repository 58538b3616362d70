// The viewer of this bot's own OpenAPI document: no URL box (it shows only this API), and "Try it out" sends the
// requests to this same server. Authorize with WIZARD_API_TOKEN or a personal API token.
window.onload = function () {
  window.ui = SwaggerUIBundle({
    url: "/openapi?json",
    dom_id: "#swagger-ui",
    deepLinking: true,
    presets: [SwaggerUIBundle.presets.apis],
    layout: "BaseLayout",
    tryItOutEnabled: false,
    validatorUrl: null
  });
};
