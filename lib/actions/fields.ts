// The building blocks of action input schemas: each says how the form sends the field, so the
// action layer knows what to read, what to give back after a refusal and where messages go.
import { z } from "zod";
import { withRole } from "./declarations";

/** A record id in a hidden input. Malformed, it can only mean a stale or tampered page. */
export const id = () => withRole(z.string().min(1).max(64), "hidden");

/** Any other value the page sets itself (a flag, a preview key, an intent). */
export const hidden = <S extends z.ZodType>(schema: S) => withRole(schema, "hidden");

/** A value the person types or picks; its messages go beside it and it is given back after a refusal. */
export const text = (max = 20_000) => z.string().max(max, `Keep this under ${max.toLocaleString("en")} characters.`);

/** Several values under one name (checkboxes, multi-selects); empty values are dropped. */
export const many = (max = 500) => z.array(z.string().min(1).max(200)).max(max, "That is too many to choose at once.");

/** A password: checked like any field, never given back to the page. */
export const secret = <S extends z.ZodType>(schema: S) => withRole(schema, "secret");

/**
 * A name or title: any printable text the rules accept is saved. Said in the schema so the fuzz
 * sends such fields only values the rules refuse (a valid one would be a legitimate write).
 */
export const freeText = <S extends z.ZodType>(schema: S) => withRole(schema, "free-text");
