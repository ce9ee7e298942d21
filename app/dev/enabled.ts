// Whether this build has the development pages (/dev/outbox). Decided when the app is built: Next
// inlines NODE_ENV, which is "production" in every `next build`, so a production build prerenders
// these pages as the 404 page and never reads the outbox (decision 0033).
export const DEV_PAGES_BUILT = process.env.NODE_ENV !== "production";
