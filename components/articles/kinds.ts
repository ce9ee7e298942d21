// Names of paragraph kinds as the workspace shows them, and the focused sentence's shape.
import type { DocBlock } from "@/lib/articles/schema";

export const KIND_NAMES: Record<DocBlock["kind"], string> = {
  title: "Title",
  standfirst: "Standfirst",
  caption: "Caption",
  "editor-note": "Editor’s note",
  heading: "Heading",
  paragraph: "Paragraph",
  quote: "Block quote",
  speech: "Line of dialogue",
  "related-link": "Related link",
  "author-bio": "Author bio",
  disclaimer: "Disclaimer",
  "page-chrome": "Page furniture",
};

export type FocusedSentence = {
  block: DocBlock;
  blockIndex: number;
  index: number;
  sentence: DocBlock["sentences"][number];
  isFirstBlock: boolean;
  isLastBlock: boolean;
};
