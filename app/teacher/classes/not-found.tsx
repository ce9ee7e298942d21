import { MessagePage } from "@/components/message-page";
import { NOT_FOUND_MESSAGES } from "@/lib/teacher/errors";

// Shown when a class page's layout finds no class this teacher teaches: the same page whether the
// class does not exist or belongs to someone else.
export default function ClassNotFound() {
  return (
    <MessagePage title="Class not found" action={{ href: "/teacher", label: "See your classes" }}>
      <p>{NOT_FOUND_MESSAGES.class}</p>
    </MessagePage>
  );
}
