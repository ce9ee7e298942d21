import { MessagePage } from "@/components/message-page";

export default function ImportedLessonNotFound() {
  return (
    <MessagePage title="No such lesson" action={{ href: "/dashboard", label: "Back to your dashboard" }}>
      <p>This lesson does not exist, or its article has not been shared with you. Your teacher can assign it to your class.</p>
    </MessagePage>
  );
}
