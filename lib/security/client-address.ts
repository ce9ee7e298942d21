// The address the per-address throttles count by: the first X-Forwarded-For hop when a proxy sits
// in front, else X-Real-IP, else "direct". One copy, so that sign-in, joining a class and the sample
// question count the same way.
export function clientAddress(headers: Pick<Headers, "get">): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || headers.get("x-real-ip") || "direct";
}
