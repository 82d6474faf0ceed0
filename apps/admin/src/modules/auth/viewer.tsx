import { createContext, useContext } from "react";
import type { Viewer } from "./session";

export type { Viewer } from "./session";

export const ViewerContext = createContext<Viewer | null>(null);

/** The signed-in user; only rendered below the sign-in gate, so never null there. */
export function useViewer(): Viewer {
  const viewer = useContext(ViewerContext);
  if (!viewer) throw new Error("useViewer() outside the signed-in app");
  return viewer;
}

/** VIEWER accounts read only; the API refuses their writes too, this just hides the buttons. */
export function useCanWrite(): boolean {
  return useViewer().role !== "VIEWER";
}

export function useIsAdmin(): boolean {
  const viewer = useViewer();
  return viewer.role === "ADMIN" && viewer.regionScope === null;
}
