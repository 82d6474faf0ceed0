import { createTheme } from "@mantine/core";

// BPJS Ketenagakerjaan's green; system fonts only (the CSP allows no font hosts).
export const theme = createTheme({
  primaryColor: "teal",
  defaultRadius: "sm",
  fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
});
