// Imported first by modules that build zod schemas in the browser. zod compiles object parsers with
// `new Function` and probes for it when a schema is *built*; the Content-Security-Policy forbids eval
// and reports the probe as a violation even though zod catches it. So in the browser, before any
// schema exists, switch compiling off. The server keeps the compiled (faster) parsers.
import { z } from "zod";

if (typeof window !== "undefined") z.config({ jitless: true });
