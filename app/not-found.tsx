import { MessagePage } from "@/components/message-page";

export default function NotFound() {
  return (
    <MessagePage title="Page not found" action={{ href: "/lessons", label: "Go to the lessons" }}>
      <p>There is nothing at this address. It may have moved, or the link may be mistyped.</p>
    </MessagePage>
  );
}
