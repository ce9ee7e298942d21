import type { Metadata } from "next";
import Link from "next/link";
import { headers } from "next/headers";
import { requireAdmin } from "@/lib/auth/guards";
import { publicBaseUrl } from "@/lib/auth/public-url";
import { toolUrls } from "@/lib/lti/platform-fields";
import { listPlatforms } from "@/lib/lti/platforms";
import { registerPlatformAction, removePlatformAction, updatePlatformAction } from "./actions";
import { PlatformForm, RemovePlatformButton } from "./forms";

export const metadata: Metadata = { title: "Course platforms (LTI)" };

// The course platforms (Moodle, Canvas) Backchannel is an LTI 1.3 tool for (decision 0051): the
// tool's addresses to copy into the platform, and the platform's to type in here.
export default async function AdminLtiPage() {
  await requireAdmin("/admin/lti");
  const platforms = await listPlatforms();
  const baseUrl = publicBaseUrl(await headers());
  const urls = baseUrl ? toolUrls(baseUrl) : null;
  return (
    <div className="mx-auto max-w-3xl space-y-10">
      <header className="space-y-2">
        <p className="text-sm">
          <Link href="/admin">Administration</Link>
        </p>
        <h1 className="text-3xl font-semibold">Course platforms (LTI 1.3)</h1>
        <p className="text-muted">
          Register your school&rsquo;s Moodle or Canvas here, and Backchannel there: teachers then add lessons and quizzes to their courses, students open them
          without a second password, and quiz scores go to the course&rsquo;s gradebook.
        </p>
      </header>

      <section aria-labelledby="tool-heading" className="space-y-3">
        <h2 id="tool-heading" className="text-2xl font-semibold">
          Backchannel&rsquo;s settings, for the platform
        </h2>
        {urls ? (
          <dl className="space-y-2 rounded-lg border border-rule bg-white p-4 text-sm">
            {(
              [
                ["Tool URL and redirection URI (launch)", urls.launchUrl],
                ["Initiate login URL", urls.loginUrl],
                ["Public keyset URL", urls.keySetUrl],
                ["Deep Linking (content selection) URL", urls.deepLinkingUrl],
              ] as const
            ).map(([label, url]) => (
              <div key={label}>
                <dt className="font-medium">{label}</dt>
                <dd>
                  <code className="break-all">{url}</code>
                </dd>
              </div>
            ))}
          </dl>
        ) : (
          <p role="alert">Set the server&rsquo;s public address (AUTH_URL) first: the platform needs Backchannel&rsquo;s addresses.</p>
        )}
      </section>

      <section aria-labelledby="platforms-heading" className="space-y-4">
        <h2 id="platforms-heading" className="text-2xl font-semibold">
          Registered platforms
        </h2>
        {platforms.length === 0 ? <p className="text-muted">No platform is registered yet.</p> : null}
        {platforms.map((platform) => (
          <article key={platform.id} aria-labelledby={`platform-${platform.id}`} className="space-y-3 rounded-lg border border-rule bg-white p-4">
            <h3 id={`platform-${platform.id}`} className="text-xl font-semibold">
              {platform.name}
            </h3>
            <p className="text-sm text-muted break-all">
              {platform.issuer} · client {platform.clientId} · deployments {platform.deploymentIds.join(", ")}
            </p>
            <details>
              <summary className="cursor-pointer">Edit {platform.name}</summary>
              <div className="pt-3">
                <PlatformForm
                  action={updatePlatformAction}
                  platformId={platform.id}
                  submitLabel="Save platform"
                  initial={{ ...platform, deploymentIds: platform.deploymentIds.join("\n") }}
                />
              </div>
            </details>
            <RemovePlatformButton action={removePlatformAction} platformId={platform.id} name={platform.name} />
          </article>
        ))}
      </section>

      <section aria-labelledby="register-heading" className="max-w-xl space-y-3">
        <h2 id="register-heading" className="text-2xl font-semibold">
          Register a platform
        </h2>
        <PlatformForm action={registerPlatformAction} submitLabel="Register platform" />
      </section>
    </div>
  );
}
