// Auth.js's own endpoints (session, csrf, callback). Auth.js checks its CSRF token itself.
import { handlers } from "@/auth";

export const { GET, POST } = handlers;
