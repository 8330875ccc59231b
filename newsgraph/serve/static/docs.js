/* newsgraph API reference: reads /openapi.json and lists every endpoint with
 * its parameters, so the reference works offline and under the strict CSP. */
"use strict";

(() => {
  const { el, append } = NG;

  function schemaText(schema) {
    if (!schema) return "";
    if (schema.anyOf) return schema.anyOf.map(schemaText).filter((t) => t && t !== "null").join(" | ");
    const parts = [schema.type || ""];
    if (schema.enum) parts.push(`one of ${schema.enum.join(", ")}`);
    if (schema.pattern) parts.push(`pattern ${schema.pattern}`);
    if (schema.minimum !== undefined) parts.push(`≥ ${schema.minimum}`);
    if (schema.maximum !== undefined) parts.push(`≤ ${schema.maximum}`);
    if (schema.default !== undefined && schema.default !== null) parts.push(`default ${schema.default}`);
    return parts.filter(Boolean).join(", ");
  }

  function paragraphs(text) {
    return String(text || "").split(/\n\s*\n/).map((p) => el("p", {}, p.replace(/\s+/g, " ").trim()));
  }

  function endpoint(path, method, op) {
    const params = op.parameters || [];
    const example = path.includes("{") ? null : el("a", { href: path, className: "try" }, "try it");
    return el("section", { className: "panel endpoint", id: (op.operationId || path).replace(/[^\w-]/g, "-") },
      el("h2", {}, el("span", { className: "method" }, method.toUpperCase()), " ", el("code", {}, path), " ", example),
      el("p", {}, op.summary || ""),
      params.length ? el("table", { className: "data" },
        el("thead", {}, el("tr", {}, ["Parameter", "In", "Type", "Meaning"].map((h) => el("th", {}, h)))),
        el("tbody", {}, params.map((p) => el("tr", {},
          el("td", {}, el("code", {}, p.name), p.required ? el("span", { className: "badge" }, "required") : null),
          el("td", {}, p.in), el("td", {}, schemaText(p.schema)), el("td", {}, p.description || ""))))) : null);
  }

  async function start() {
    const spec = await NG.api("/openapi.json");
    document.getElementById("api-title").textContent = `${spec.info.title} API ${spec.info.version}`;
    append(document.getElementById("api-description"), paragraphs(spec.info.description));
    const box = document.getElementById("endpoints");
    for (const [path, methods] of Object.entries(spec.paths)) {
      for (const [method, op] of Object.entries(methods)) box.appendChild(endpoint(path, method, op));
    }
    document.body.dataset.ready = "true";
  }

  document.addEventListener("DOMContentLoaded", start);
})();
