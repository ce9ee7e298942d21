import { MessagePage } from "@/components/message-page";

export default function ArticleNotFound() {
  return (
    <MessagePage title="Article not found" action={{ href: "/teacher/articles", label: "See your articles" }}>
      <p>There is no such article, or it is not one of yours.</p>
    </MessagePage>
  );
}
