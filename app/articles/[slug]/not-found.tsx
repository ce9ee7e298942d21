import { MessagePage } from "@/components/message-page";

export default function ArticleNotFound() {
  return (
    <MessagePage title="No such article" action={{ href: "/dashboard", label: "Back to your dashboard" }}>
      <p>This article does not exist, or it has not been shared with you. Your teacher can assign its lessons to your class.</p>
    </MessagePage>
  );
}
