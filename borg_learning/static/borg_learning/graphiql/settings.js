// graphene-django's GraphiQL script reads its settings from window.GRAPHENE_SETTINGS; the
// page hands them over as JSON data, so it needs no inline script.
window.GRAPHENE_SETTINGS = JSON.parse(
  document.getElementById("graphiql-settings").textContent,
);
