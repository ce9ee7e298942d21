import { MessagePage } from "@/components/message-page";
import { NOT_FOUND_MESSAGES } from "@/lib/teacher/errors";

// For a question's layout that finds no question of this teacher's: the same page whether it does
// not exist, is built in, or belongs to someone else.
export default function QuestionNotFound() {
  return (
    <MessagePage title="Question not found" action={{ href: "/teacher/questions", label: "See your questions" }}>
      <p>{NOT_FOUND_MESSAGES.question}</p>
    </MessagePage>
  );
}
