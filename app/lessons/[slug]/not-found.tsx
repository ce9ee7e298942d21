import { MessagePage } from "@/components/message-page";

export default function LessonNotFound() {
  return (
    <MessagePage title="No such lesson" action={{ href: "/lessons", label: "See all lessons" }}>
      <p>The lesson you asked for does not exist. The article is taught in four lessons.</p>
    </MessagePage>
  );
}
