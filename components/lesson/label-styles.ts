// How each statement kind looks: a thin coloured rule and a small label, never a shout.
import type { Label } from "@/lib/content/schema";

export const LABEL_STYLE: Record<Label, { name: string; rule: string; text: string; dot: string }> = {
  "reported-fact": { name: "Reported fact", rule: "border-fact/60", text: "text-fact", dot: "bg-fact" },
  "on-record-quote": { name: "On-record quote", rule: "border-quote/60", text: "text-quote", dot: "bg-quote" },
  opinion: { name: "Author’s opinion", rule: "border-opinion/70", text: "text-opinion", dot: "bg-opinion" },
  "imagined-dialogue": { name: "Imagined dialogue", rule: "border-imagined/70", text: "text-imagined", dot: "bg-imagined" },
  "editorial-note": { name: "Editorial note", rule: "border-editorial/50", text: "text-editorial", dot: "bg-editorial" },
};
