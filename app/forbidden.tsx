import { MessagePage } from "@/components/message-page";

export default function Forbidden() {
  return (
    <MessagePage title="Not available to your account" action={{ href: "/dashboard", label: "Go to your dashboard" }}>
      <p>This page is for teachers. If you think you should see it, ask your school to check your account.</p>
    </MessagePage>
  );
}
