"use client";
// Who is signed in, as the header and the reading tracker need it. next-auth reports "loading"
// while it re-checks a session it already has; that must not read as signed out, or components
// flip between their signed-in and signed-out forms (and cancel pending saves) on every re-check.
import { useSession } from "next-auth/react";
import type { Role } from "@/lib/enums";

export type Account = { state: "unknown" } | { state: "signed-out" } | { state: "signed-in"; name: string; role: Role; isAdmin: boolean };

export function useAccount(): Account {
  const { data, status } = useSession();
  if (data?.user) return { state: "signed-in", name: data.user.name ?? "", role: data.user.role, isAdmin: data.user.isAdmin === true };
  return status === "loading" ? { state: "unknown" } : { state: "signed-out" };
}
