// Per-request memoised lookups shared by the class layout and its pages (one query, not two).
import { cache } from "react";
import { getClassForTeacher } from "@/lib/teacher/classes";

export const classForTeacher = cache(getClassForTeacher);
