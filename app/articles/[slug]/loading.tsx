export { default } from "@/components/loading-state";
