/**
 * The platform's roles (LTI 1.3 role vocabularies: context, institution, system) as Backchannel's
 * two. Only a teaching role in the course makes a teacher; anything else, or nothing, a student:
 * a launch must never give more rights than the course does.
 */
export type LtiRole = "TEACHER" | "STUDENT";

const TEACHING = new Set([
  "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor",
  "http://purl.imsglobal.org/vocab/lis/v2/membership#ContentDeveloper",
  "http://purl.imsglobal.org/vocab/lis/v2/membership/Instructor#TeachingAssistant",
  // Core 1.3 allows the short context roles too.
  "Instructor",
  "ContentDeveloper",
]);

export function roleFromLtiRoles(roles: readonly string[]): LtiRole {
  return roles.some((role) => TEACHING.has(role)) ? "TEACHER" : "STUDENT";
}
