import { MessagePage } from "@/components/message-page";

export default function Forbidden() {
  return (
    <MessagePage title="Not available to your account" action={{ href: "/dashboard", label: "Go to your dashboard" }}>
      <p>
        This page is for teachers, or for this Backchannel&rsquo;s administrator. A teacher account needs the administrator&rsquo;s approval: if you asked for
        one, it has not been given yet. If you think you should see this page, ask them to check your account.
      </p>
    </MessagePage>
  );
}
