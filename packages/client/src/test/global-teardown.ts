export { stopApi as default } from "./api";
