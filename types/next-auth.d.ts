import type { DefaultSession } from "next-auth";
import type { Role as AppRole } from "@/lib/enums";

declare module "next-auth" {
  interface User {
    role?: AppRole;
    /** User.sessionVersion when the person signed in (decision 0033). */
    sessionVersion?: number;
    isAdmin?: boolean;
  }
  interface Session {
    user: { id: string; role: AppRole; isAdmin: boolean } & DefaultSession["user"];
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    role?: AppRole;
    /** User.sessionVersion at sign-in: a token with an older one is signed out (decision 0033). */
    sv?: number;
    /** User.isAdmin at sign-in (or the last refresh): shows the header's link to /admin only. */
    admin?: boolean;
  }
}
