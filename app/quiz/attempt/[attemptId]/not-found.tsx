import { MessagePage } from "@/components/message-page";

export default function AttemptNotFound() {
  return (
    <MessagePage title="Quiz not found" action={{ href: "/quiz", label: "See your quizzes" }}>
      <p>This quiz attempt does not exist, or it belongs to someone else.</p>
    </MessagePage>
  );
}
