// Imports run one way: app → components → lib, and tooling (bench, scripts, tests, e2e, tooling) may
// use the app's code but the app never uses tooling. `npm run lint:imports` (part of `npm run lint`);
// decision 0027 says why. Each rule's comment is printed beside its violations and says how to fix them.
// Rules between tooling folders are not here: they belong with the tooling's own home.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "lib-not-to-components",
      severity: "error",
      comment: "lib/ is plain TypeScript domain logic and must not import React components. Move the shared piece into lib/, or pass it in from the caller.",
      from: { path: "^lib/" },
      to: { path: "^components/" },
    },
    {
      name: "lib-not-to-app",
      severity: "error",
      comment:
        "lib/ must not import routes, server actions or the root app files (auth.ts, auth.config.ts, proxy.ts, instrumentation.ts). Move what lib needs into lib/ and let the app file import it from there.",
      from: { path: "^lib/" },
      to: { path: "^(app/|auth\\.ts$|auth\\.config\\.ts$|proxy\\.ts$|instrumentation\\.ts$)" },
    },
    {
      name: "components-not-to-app",
      severity: "error",
      comment:
        "components/ must not import from app/ (or the root app files). Pass server actions in as props from the page that renders the component, or move the component into its route when only that route uses it.",
      from: { path: "^components/" },
      to: { path: "^(app/|auth\\.ts$|auth\\.config\\.ts$|proxy\\.ts$|instrumentation\\.ts$)" },
    },
    {
      name: "route-private-stays-in-route",
      severity: "error",
      comment:
        "A route's private folder (app/<route>/.../_name/) is for that route only. A piece other routes use belongs in components/ (React) or lib/ (plain TypeScript).",
      from: { path: "^(app/[^/]+)/" },
      to: { path: "^app/[^/]+/(_|.*/_)[^/]+/", pathNot: "^$1/" },
    },
    {
      name: "app-code-not-to-tooling",
      severity: "error",
      comment:
        "The app (app/, components/, lib/ and the root app files) must never import tooling (bench/, scripts/, tests/, e2e/, tooling/). Tooling may import the app, not the other way. Unit tests beside the code (*.test.ts) are tooling themselves and may.",
      from: {
        path: "^(app|components|lib)/|^(auth|auth\\.config|proxy|instrumentation)\\.ts$",
        pathNot: "\\.test\\.tsx?$",
      },
      to: { path: "^(bench|scripts|tests|e2e|tooling)/" },
    },
    {
      name: "prisma-generated-through-lib",
      severity: "error",
      comment:
        "Prisma's generated code is reached through two doors: lib/enums.ts for the schema's enums (plain objects, safe in client components) and lib/db.ts for the client. Import from those instead.",
      from: { path: "^(app|components|lib)/", pathNot: "^lib/(enums|enums\\.test|db)\\.ts$|^lib/generated/" },
      to: { path: "^lib/generated/" },
    },
    {
      name: "no-circular",
      severity: "error",
      comment: "A cycle among app/, components/ and lib/: one of these modules must stop importing the other (type-only imports count too).",
      from: { path: "^(app|components|lib)/" },
      to: { path: "^(app|components|lib)/", circular: true },
    },
  ],
  options: {
    // Only the app's own code is cruised (the paths in package.json's lint script); tooling it might
    // import is reported but not walked.
    doNotFollow: { path: ["node_modules", "^(bench|scripts|tests|e2e|tooling)/", "^lib/generated/"] },
    exclude: { path: ["^\\.next/", "^node_modules/"] },
    includeOnly: { path: "^(app|components|lib|bench|scripts|tests|e2e|tooling|prisma|content|types)/|^[^/]+\\.(ts|tsx|mts|cts|js|mjs|cjs)$" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      extensions: [".ts", ".tsx", ".d.ts", ".js", ".mjs", ".cjs", ".json"],
      mainFields: ["module", "main", "types", "typings"],
    },
    skipAnalysisNotInRules: true,
  },
};
