export { startApi as default } from "./api";
