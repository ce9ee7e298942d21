"use server";
// Registering the course platforms Backchannel is a tool for (LTI 1.3, decision 0051), declared
// once (lib/actions/define.ts) with access "admin".
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction } from "@/lib/actions/define";
import { id } from "@/lib/actions/fields";
import { saved } from "@/lib/actions/form-state";
import { PlatformFieldsSchema } from "@/lib/lti/platform-fields";
import { registerPlatform, removePlatform, updatePlatform } from "@/lib/lti/platforms";

const returnTo = "/admin/lti";
const invalid = "That platform is no longer registered. Reload the page and try again.";

export const registerPlatformAction = formAction({
  access: "admin",
  returnTo,
  input: PlatformFieldsSchema,
  async run({ input }) {
    const platform = await registerPlatform(input);
    revalidatePath(returnTo);
    return saved(`${platform.name} is registered. Its teachers can now add Backchannel to their courses.`, {
      values: { name: "", issuer: "", clientId: "", deploymentIds: "", authLoginUrl: "", tokenUrl: "", keySetUrl: "" },
    });
  },
});

export const updatePlatformAction = formAction({
  access: "admin",
  returnTo,
  invalid,
  input: PlatformFieldsSchema.extend({ platformId: id() }),
  async run({ input: { platformId, ...fields } }) {
    const platform = await updatePlatform(platformId, fields);
    revalidatePath(returnTo);
    return saved(`${platform.name} is saved.`);
  },
});

export const removePlatformAction = formAction({
  access: "admin",
  returnTo,
  invalid,
  input: z.object({ platformId: id() }),
  async run({ input }) {
    const { name } = await removePlatform(input.platformId);
    revalidatePath(returnTo);
    return saved(`${name} is removed. Its links in courses no longer open Backchannel.`);
  },
});
