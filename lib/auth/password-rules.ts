// Password length limits, apart from the zod schemas so that client components can show them
// without shipping the validation library to the browser.
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200; // argon2 hashes anything, but nobody types more; stops huge payloads.
