import { InitialRegistry1764115200000 } from "./1764115200000-initial-registry";

// In order. A new migration is added here as well as in this folder.
export const migrations = [InitialRegistry1764115200000];
